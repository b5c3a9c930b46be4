package com.relayboard.host.console;

import static org.junit.Assert.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

import com.relayboard.host.HostPlatform;

/** The board's {@code System.out} encodes ISO-8859-1, as MicroEJ's does; bytes written raw pass unchanged. */
public class UartConsoleEncodingTest {

    @Test
    public void text_isIso88591_andWhatItLacksIsAQuestionMark() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PrintStream out = HostPlatform.uartConsole(wire, UartOutputStream.BOARD_BAUD);
        out.print("caf\u00E9 \u4F60\u597D\n");
        assertArrayEquals(new byte[] { 'c', 'a', 'f', (byte) 0xE9, ' ', '?', '?', '\n' }, wire.toByteArray());
    }

    @Test
    public void rawBytes_passAsTheyAre() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PrintStream out = HostPlatform.uartConsole(wire, UartOutputStream.BOARD_BAUD);
        byte[] utf8 = "\u4F60\u597D\n".getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        assertArrayEquals(utf8, wire.toByteArray());
    }
}
