package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.host.console.UartOutputStream;
import com.relayboard.host.console.UartStall;

/**
 * Issue 15: the console on the board's UART as the device has it (the simulator's default): 115,200 baud, and
 * while it sends past its FIFO the whole board stands still. Under a 2,000-message QoS 1 burst no message is lost,
 * the console holds the board at most its budget's share of the time (25 % of the UART, plus one burst's worth),
 * and the lines it skipped are said, every one of them.
 */
public class UartConsoleBurstIT {

    private static final int MESSAGES = 2000;
    private static final long TIMEOUT_MS = 120000;
    /** The console's budget (firmware SerialConsole.BUDGET_PERCENT): the share of the UART's time it may take. */
    private static final int BUDGET_PERCENT = 25;
    /** And the burst it may take at once (SerialConsole.BUDGET_BURST_BYTES): one second of that share. */
    private static final int BUDGET_BURST_BYTES = UartOutputStream.BOARD_BAUD / 10 * BUDGET_PERCENT / 100;
    private static final String SKIPPED = "Console: skipped ";

    @Rule
    public final BurstFixture fixture = new BurstFixture();

    @Test
    public void burstOnTheBoardWideUart_losesNothing_theConsoleTakesItsShareAtMost_andSaysWhatItSkipped()
            throws Exception {
        assertTrue("the UART holds only its writer: " + UartStall.notEnforcedBecause(), UartStall.enforced());
        this.fixture.start("relayboard-uart", 1, true, "max_queued_messages 10000");
        RelayBoard board = this.fixture.board;
        ConsoleCapture console = this.fixture.console;
        UartOutputStream uart = new UartOutputStream(System.err, UartOutputStream.BOARD_BAUD);

        List<String> payloads = Burst.payloads("uart", MESSAGES);
        long stalledBeforeNanos = UartStall.stalledNanos();
        long startNanos = System.nanoTime();
        Burst.awaitExit(Burst.publish(this.fixture.port(), Burst.TOPIC1, 1, payloads), TIMEOUT_MS);
        boolean all = this.fixture.topic3.awaitDistinct(MESSAGES, TIMEOUT_MS);
        long burstNanos = System.nanoTime() - startNanos;
        long stalledNanos = UartStall.stalledNanos() - stalledBeforeNanos;
        String report = "relayed " + this.fixture.topic3.distinct() + " of " + MESSAGES + " in " + burstNanos / 1000000
                + " ms (" + MESSAGES * 1000000000L / burstNanos + " msg/s); the UART held the board "
                + stalledNanos / 1000000 + " ms (" + stalledNanos * 100 / burstNanos + " %); board: " + board.status();
        System.err.println("[uart] " + report);

        assertTrue("messages lost: " + report, all);
        long shareNanos = burstNanos * BUDGET_PERCENT / 100 + uart.sendNanos(BUDGET_BURST_BYTES);
        assertTrue("the console held the board beyond its share (" + shareNanos / 1000000 + " ms): " + report,
                stalledNanos <= shareNanos);
        assertTrue("the console printed messages during the burst", console.count("New message") > 0);

        // Once the burst is over the console says what it skipped: every skipped line, counted once.
        String first = console.awaitLineContaining(SKIPPED, AbstractRelayIT.TIMEOUT_MS);
        int skipped = board.skippedConsoleLines();
        assertTrue("lines skipped: " + skipped, skipped > 0);
        Poll.within(AbstractRelayIT.TIMEOUT_MS, () -> saidSkipped(console) >= skipped);
        assertEquals("the lines saying what was skipped (first: " + first + ")", skipped, saidSkipped(console));
        int[] counters = Burst.awaitSettledCounters(board, AbstractRelayIT.TIMEOUT_MS);
        assertEquals("nothing dropped: " + board.status(), 0, counters[2]);
    }

    /** @return the lines skipped, as the console's lines say them */
    private static int saidSkipped(ConsoleCapture console) {
        int said = 0;
        for (String line : console.lines()) {
            int at = line.indexOf(SKIPPED);
            if (at >= 0) {
                int from = at + SKIPPED.length();
                said += Integer.parseInt(line.substring(from, line.indexOf(' ', from)));
            }
        }
        return said;
    }
}
