package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/**
 * The Evaluation engine's end on the host: the limit as the command line gives it, and a VM that ends with the
 * engine's line, its threads stopped where they stand, while the room can still print on the same console.
 */
public class EvaluationEngineTest {

    @Test
    public void aLimitIsADurationWithItsUnit_orNone() {
        assertEquals(500, EvaluationEngine.parseLimit("500ms"));
        assertEquals(90000, EvaluationEngine.parseLimit("90s"));
        assertEquals(300000, EvaluationEngine.parseLimit("5min"));
        assertEquals(EvaluationEngine.EVALUATION_TIME_LIMIT_MS, EvaluationEngine.parseLimit("60min"));
        assertEquals(7200000, EvaluationEngine.parseLimit("2h"));
        assertEquals(EvaluationEngine.NO_LIMIT, EvaluationEngine.parseLimit("none"));
        for (String bad : new String[] { "60", "0s", "-1s", "5 m", "fast", "8d", "200h" }) {
            try {
                EvaluationEngine.parseLimit(bad);
                fail(bad + " was taken");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("\"" + bad + "\""));
            }
        }
        assertEquals("60 min", EvaluationEngine.describe(EvaluationEngine.EVALUATION_TIME_LIMIT_MS));
        assertEquals("6 s", EvaluationEngine.describe(6000));
    }

    @Test
    public void theVmEnds_withTheEnginesLine_itsThreadsStopped_theConsoleStillFree() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ThreadGroup board = new ThreadGroup("board-under-test");
        AtomicLong lines = new AtomicLong();
        Thread printer = new Thread(board, () -> {
            while (true) {
                console.println("board line " + lines.incrementAndGet());
            }
        }, "printer");
        printer.setDaemon(true);
        printer.start();
        Poll.until("the board's thread to print 100 lines", 30000, () -> lines.get() >= 100);

        EvaluationEngine.endVm(board, console);

        assertTrue("the board's thread is stopped", ManagementFactory.getThreadMXBean()
                .getThreadInfo(printer.getId()).isSuspended());
        // The room prints on the same console: the board's thread was not caught holding it.
        Thread room = new Thread(() -> console.println("[simulator] still here"), "room");
        room.start();
        room.join(5000);
        assertTrue("the room's line was held by the stopped board", !room.isAlive());
        String text = bytes.toString(StandardCharsets.UTF_8);
        // The engine's line comes after the board's last one, and nothing of the board's after it.
        assertTrue(text, text.endsWith(System.lineSeparator() + EvaluationEngine.MESSAGE + System.lineSeparator()
                + "[simulator] still here" + System.lineSeparator()));
    }
}
