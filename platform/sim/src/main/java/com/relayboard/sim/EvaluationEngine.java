package com.relayboard.sim;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of MicroEJ's Evaluation Core Engine, which both public ESP32 VEE Ports are built with
 * ({@code com.microej.platformbuilder.architecture.usage=eval}): after {@link #EVALUATION_TIME_LIMIT_MS 60 minutes}
 * (or 500,000,000 method calls, or 3,000 garbage collections, which the host does not count) the engine stops,
 * {@code microej_main} prints {@link #MESSAGE} and returns, and the port's {@code main/microej.c} deletes the Java
 * task: no Java code runs again, nothing is said to the broker, and the chip is not restarted. lwIP, a task of its
 * own, keeps the board's TCP connections until the chip is reset (docs/api-evidence.md, "The Evaluation engine").
 *
 * <p>On the host the board's threads are suspended where they are, so the board's sockets stay open and silent, as
 * on the chip. A thread caught holding a lock of the console's is let go a moment and caught again, so the room's
 * own lines (the simulator's) still print.
 */
final class EvaluationEngine {

    /** The Evaluation engine's time limit (docs ApplicationDeveloperGuide/limitations.rst, "Time limit"). */
    static final long EVALUATION_TIME_LIMIT_MS = 60L * 60 * 1000;
    /** What the ports' {@code core/src/microej_main.c} prints when {@code SNI_startVM} returns LLMJVM_E_EVAL_LIMIT. */
    static final String MESSAGE = "Evaluation limits reached.";
    /** {@code --evaluation-limit none}: the engine never stops (a Production engine). */
    static final long NO_LIMIT = 0;
    /** How many times a thread caught holding a console lock is let go and caught again. */
    private static final int CATCH_ATTEMPTS = 200;

    private EvaluationEngine() {
    }

    /**
     * @param text
     *            a duration with its unit ({@code 500ms}, {@code 90s}, {@code 5min}, {@code 2h}), or {@code none}
     * @return milliseconds, {@link #NO_LIMIT} for {@code none}
     * @throws IllegalArgumentException
     *             with what is expected
     */
    static long parseLimit(String text) {
        String trimmed = text.trim();
        if ("none".equals(trimmed)) {
            return NO_LIMIT;
        }
        String[] units = { "ms", "s", "min", "h" };
        long[] unitMs = { 1, 1000, 60000, 3600000 };
        for (int i = 0; i < units.length; i++) {
            if (trimmed.endsWith(units[i])) {
                String number = trimmed.substring(0, trimmed.length() - units[i].length());
                try {
                    long value = Long.parseLong(number);
                    if (value > 0 && value <= 7L * 24 * 3600000 / unitMs[i]) {
                        return value * unitMs[i];
                    }
                } catch (NumberFormatException e) {
                    // Said below.
                }
            }
        }
        throw new IllegalArgumentException("a duration with its unit (500ms, 90s, 5min, 2h; at most a week) or none,"
                + " not \"" + text + "\"");
    }

    /** @return {@code 60 min}, {@code 5 s}: a limit as the console says it */
    static String describe(long limitMs) {
        // "60 min", as MicroEJ's limitations table says it; hours from two on.
        if (limitMs % 3600000 == 0 && limitMs >= 2 * 3600000) {
            return limitMs / 3600000 + " h";
        }
        if (limitMs % 60000 == 0) {
            return limitMs / 60000 + " min";
        }
        if (limitMs % 1000 == 0) {
            return limitMs / 1000 + " s";
        }
        return limitMs + " ms";
    }

    /**
     * Ends the board's VM as the Evaluation engine does: none of its threads runs again, then {@link #MESSAGE} on
     * its console. Its sockets are left as they are.
     */
    static void endVm(ThreadGroup board, PrintStream console) {
        stopThreads(board);
        // Printed by the port's C code once SNI_startVM has returned: after the last line of Java.
        console.println(MESSAGE);
        console.flush();
    }

    private static void stopThreads(ThreadGroup board) {
        List<Thread> caught = new ArrayList<>();
        for (int attempt = 0; attempt < CATCH_ATTEMPTS; attempt++) {
            Thread[] threads = new Thread[board.activeCount() * 2 + 16];
            int count = board.enumerate(threads, true);
            for (int i = 0; i < count; i++) {
                if (threads[i] != Thread.currentThread() && !caught.contains(threads[i])) {
                    suspend(threads[i]);
                    caught.add(threads[i]);
                }
            }
            List<Thread> holding = holdingConsoleLocks(caught);
            if (holding.isEmpty()) {
                return;
            }
            // Caught in the middle of a console write: let it finish that, and catch it again.
            for (Thread thread : holding) {
                resume(thread);
                caught.remove(thread);
            }
            Thread.yield();
        }
    }

    /** @return the threads among {@code caught} that hold the monitor of a stream (the console's, say) */
    private static List<Thread> holdingConsoleLocks(List<Thread> caught) {
        List<Thread> holding = new ArrayList<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Thread thread : caught) {
            ThreadInfo[] infos = mx.getThreadInfo(new long[] { thread.getId() }, true, false);
            if (infos.length == 0 || infos[0] == null) {
                continue;
            }
            for (MonitorInfo monitor : infos[0].getLockedMonitors()) {
                String type = monitor.getClassName();
                if (type.startsWith("java.io.") || type.startsWith("com.relayboard.host.console.")
                        || type.startsWith("sun.nio.cs.")) {
                    holding.add(thread);
                    break;
                }
            }
        }
        return holding;
    }

    @SuppressWarnings({ "deprecation", "removal" })
    private static void suspend(Thread thread) {
        // The one way to stop a thread where it stands (JDK 17 still has it): what the deleted Java task does.
        thread.suspend();
    }

    @SuppressWarnings({ "deprecation", "removal" })
    private static void resume(Thread thread) {
        thread.resume();
    }
}
