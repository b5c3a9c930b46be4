package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.net.Poll;

public class SerialConsoleTest {

    @Test
    public void beforeStart_linesArePrintedAtOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true));
        console.println("booting");
        Assert.assertEquals("booting" + System.getProperty("line.separator"), bytes.toString());
    }

    @Test
    public void aBusyUart_neverHoldsTheCaller_andTheGapIsSaidWhereItWas() {
        final HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart);
        console.start();
        int lines = SerialConsole.MAX_LINES * 3;
        for (int i = 0; i < lines; i++) {
            console.println("line " + i); // Returns at once: the test would hang here otherwise.
        }
        Assert.assertTrue("lines skipped: " + console.skippedLines(), console.skippedLines() >= lines
                - SerialConsole.MAX_LINES - 1);
        uart.release();
        Poll.until("the skipped lines said", new Poll.Condition() {
            @Override
            public boolean holds() {
                return uart.text().indexOf("console line(s) skipped") >= 0;
            }
        });
        console.println("after");
        Poll.until("the console caught up", new Poll.Condition() {
            @Override
            public boolean holds() {
                return uart.text().indexOf("after") >= 0;
            }
        });
        console.stop();
        String text = uart.text();
        int gap = text.indexOf("console line(s) skipped");
        Assert.assertTrue(text, gap > 0);
        Assert.assertTrue("the gap is said before the line after it", gap < text.indexOf("after"));
        Assert.assertTrue("the first lines are kept", text.startsWith("line 0"));
        // Each gap is said once, where it was; together they say every skipped line.
        int said = 0;
        for (int start = 0; start < text.length(); start = text.indexOf('\n', start) + 1) {
            int end = text.indexOf(" console line(s) skipped", start);
            int lineEnd = text.indexOf('\n', start);
            if (text.charAt(start) == '(' && end > 0 && end < lineEnd) {
                said += Integer.parseInt(text.substring(start + 1, end));
            }
            if (lineEnd < 0) {
                break;
            }
        }
        Assert.assertEquals(text, console.skippedLines(), said);
    }

    @Test
    public void longLines_areBoundedByCharactersToo() {
        HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart);
        console.start();
        StringBuilder kilobyte = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            kilobyte.append('x');
        }
        for (int i = 0; i < SerialConsole.MAX_LINES; i++) {
            console.println(kilobyte.toString());
        }
        // The writer may hold one line; the rest must fit MAX_CHARS.
        int kept = SerialConsole.MAX_LINES - console.skippedLines();
        Assert.assertTrue("kept " + kept + " lines of 1 KiB", kept <= SerialConsole.MAX_CHARS / 1024 + 1);
        uart.release();
        console.stop();
    }

    @Test
    public void anInterruptedWriter_goesOnPrinting() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true));
        console.start();
        console.writerThread().interrupt();
        console.println("after the interrupt");
        Poll.until("the line printed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return bytes.toString().indexOf("after the interrupt") >= 0;
            }
        });
        Assert.assertTrue(console.writerThread().isAlive());
        console.stop();
    }

    @Test
    public void aBurstOfMessageLines_leavesRoomForTheStateLines() {
        final HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart);
        console.start();
        for (int i = 0; i < SerialConsole.MAX_LINES * 2; i++) {
            console.printlnMessage("New message " + i);
        }
        Assert.assertFalse("message lines stop short of the whole buffer", console.hasRoomForMessage(20));
        for (int i = 0; i < SerialConsole.RESERVED_LINES - 1; i++) {
            console.println("MQTT: CONNECTED, line " + i);
        }
        uart.release();
        Poll.until("the state lines printed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return uart.text().indexOf("MQTT: CONNECTED, line " + (SerialConsole.RESERVED_LINES - 2)) >= 0;
            }
        });
        console.stop();
        Assert.assertTrue(uart.text(), uart.text().indexOf("MQTT: CONNECTED, line 0") >= 0);
    }
}
