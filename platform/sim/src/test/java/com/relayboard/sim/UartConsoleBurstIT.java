package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.After;
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

    private MosquittoBroker mosquitto;
    private SimulatedBoard simulated;
    private DesktopPaho.Counter topic3;

    @After
    public void tearDown() throws Exception {
        if (this.simulated != null) {
            this.simulated.stop();
        }
        if (this.topic3 != null) {
            this.topic3.close();
        }
        if (this.mosquitto != null) {
            this.mosquitto.close();
        }
    }

    @Test
    public void burstWithTheConsoleAtUartRate_isRelayedFasterThanTheConsoleCouldPrintIt() throws Exception {
        ConsoleCapture console = ConsoleCapture.installQuiet();
        this.mosquitto = MosquittoBroker.start("max_queued_messages 10000");
        this.simulated = new SimulatedBoard(Burst.persistentQos1(this.mosquitto.uri(), "relayboard-uart"), null)
                .uartConsole(true);
        RelayBoard board = this.simulated.start();
        AbstractRelayIT.awaitConnected(board, console, AbstractRelayIT.TIMEOUT_MS);
        this.topic3 = new DesktopPaho.Counter(this.mosquitto.port(), "uart-topic3", Burst.TOPIC3);

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
        Burst.awaitExit(Burst.publish(this.mosquitto.port(), Burst.TOPIC1, 1, payloads), TIMEOUT_MS);
        assertTrue("burst not relayed: " + board.status(), this.topic3.awaitDistinct(MESSAGES, TIMEOUT_MS));
        long relayMs = System.currentTimeMillis() - startMs;
        String skipped = console.awaitLineContaining("console line(s) skipped", AbstractRelayIT.TIMEOUT_MS);
        System.err.println("[uart] relayed " + MESSAGES + " in " + relayMs + " ms; the UART needs " + uartMs
                + " ms for their lines; " + board.skippedConsoleLines() + " lines skipped; first: " + skipped);
        assertTrue("the relay waited for the console: " + relayMs + " ms for a burst whose lines take the UART "
                + uartMs + " ms", relayMs < uartMs / 2);
        assertTrue(board.skippedConsoleLines() > 0);
    }
}
