package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.host.console.UartOutputStream;

/**
 * Issue 9: with the console at the board's UART rate (115,200 baud, the simulator's default), a burst
 * is relayed at the relay's own rate, not the console's: the burst is out on topic3 in well under the
 * time the UART needs to print its {@code New message} lines, and the console says how many lines it
 * skipped.
 */
public class UartConsoleBurstIT {

    private static final int MESSAGES = 2000;
    private static final long TIMEOUT_MS = 120000;

    @Rule
    public final BurstFixture fixture = new BurstFixture();

    @Test
    public void burstWithTheConsoleAtUartRate_isRelayedFasterThanTheConsoleCouldPrintIt() throws Exception {
        this.fixture.start("relayboard-uart", 1, true, "max_queued_messages 10000");
        RelayBoard board = this.fixture.board;
        ConsoleCapture console = this.fixture.console;

        List<String> payloads = Burst.payloads("uart", MESSAGES);
        long uartNanos = 0;
        UartOutputStream uart = new UartOutputStream(System.err, UartOutputStream.BOARD_BAUD);
        for (String payload : payloads) {
            // The two lines each message would print: on topic1, then relayed once on topic2.
            uartNanos += uart.sendNanos(("New message (topic=\"/test/topic1\", message=\"" + payload + "\")\n").length());
            uartNanos += uart.sendNanos(("New message (topic=\"/test/topic2\", message=\"" + payload
                    + " (relay1)\")\n").length());
        }
        long uartMs = uartNanos / 1_000_000;

        long startMs = System.currentTimeMillis();
        Burst.awaitExit(Burst.publish(this.fixture.port(), Burst.TOPIC1, 1, payloads), TIMEOUT_MS);
        assertTrue("burst not relayed: " + board.status(), this.fixture.topic3.awaitDistinct(MESSAGES, TIMEOUT_MS));
        long relayMs = System.currentTimeMillis() - startMs;
        String skipped = console.awaitLineContaining("console line(s) skipped", AbstractRelayIT.TIMEOUT_MS);
        System.err.println("[uart] relayed " + MESSAGES + " in " + relayMs + " ms; the UART needs " + uartMs
                + " ms for their lines; " + board.skippedConsoleLines() + " lines skipped; first: " + skipped);
        assertTrue("the relay waited for the console: " + relayMs + " ms for a burst whose lines take the UART "
                + uartMs + " ms", relayMs < uartMs / 2);
        assertTrue(board.skippedConsoleLines() > 0);
    }
}
