package com.relayboard.sim;

/**
 * Bounded waiting in the simulator's tests, the one helper for it: a condition is looked at until it holds or its
 * time is up. As the firmware tests' {@code com.relayboard.firmware.net.Poll}, with what the integration tests
 * need besides: a timeout per wait (a reconnect takes seconds, a burst minutes), a failure that says what the test
 * saw (the console, the board's status), computed only when it fails, and waits on a monitor for what signals.
 *
 * <p>The firmware's {@code Poll} stays where it is: its tests run under MicroEJ's JUnit subset on Java 7, and its
 * module exports no test classes.
 */
final class Poll {

    /** The first pause between two looks; it doubles up to {@link #MAX_INTERVAL_MS}. */
    private static final long FIRST_INTERVAL_MS = 1;
    /** The longest pause between two looks. */
    static final long MAX_INTERVAL_MS = 20;

    /** Something to wait for; it may fail the wait at once by throwing an {@link AssertionError}. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** What a failed wait says, made when it fails. */
    interface Failure {
        String describe() throws Exception;
    }

    private Poll() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@code timeoutMs}. */
    static void until(String what, long timeoutMs, Condition condition) throws InterruptedException {
        until(timeoutMs, condition, () -> "timed out after " + timeoutMs + " ms waiting for: " + what);
    }

    /** Waits until {@code condition} holds; fails with what {@code failure} says after {@code timeoutMs}. */
    static void until(long timeoutMs, Condition condition, Failure failure) throws InterruptedException {
        if (!within(timeoutMs, condition)) {
            throw failed(timeoutMs, failure);
        }
    }

    /**
     * As {@link #until(long, Condition, Failure)}, looking every {@code intervalMs}: for a condition that costs
     * something to look at (a command to the board, a broker's log read whole, a screenshot).
     */
    static void untilEvery(long intervalMs, long timeoutMs, Condition condition, Failure failure)
            throws InterruptedException {
        if (!poll(timeoutMs, intervalMs, intervalMs, condition)) {
            throw failed(timeoutMs, failure);
        }
    }

    /** As {@link #within}, looking every {@code intervalMs} (see {@link #untilEvery}). */
    static boolean withinEvery(long intervalMs, long timeoutMs, Condition condition) throws InterruptedException {
        return poll(timeoutMs, intervalMs, intervalMs, condition);
    }

    /**
     * Waits at most {@code timeoutMs} for {@code condition}; it is looked at once at least.
     *
     * @return whether it holds: for a test that asserts it afterwards, or goes on either way
     */
    static boolean within(long timeoutMs, Condition condition) throws InterruptedException {
        return poll(timeoutMs, FIRST_INTERVAL_MS, MAX_INTERVAL_MS, condition);
    }

    /** Looks at {@code condition} until it holds or the time is up, the pauses doubling from first to most. */
    private static boolean poll(long timeoutMs, long firstIntervalMs, long mostIntervalMs, Condition condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long intervalMs = firstIntervalMs;
        while (!holds(condition)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(intervalMs, left));
            intervalMs = Math.min(2 * intervalMs, mostIntervalMs);
        }
        return true;
    }

    /**
     * As {@link #within}, for a condition that {@code monitor} guards and whose changes it signals with
     * {@code notifyAll}: waits on the monitor instead of sleeping. The caller holds the monitor.
     */
    static boolean withinNotified(Object monitor, long timeoutMs, Condition condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!holds(condition)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            monitor.wait(left);
        }
        return true;
    }

    /** As {@link #until(long, Condition, Failure)}, waiting on {@code monitor} (held by the caller). */
    static void untilNotified(Object monitor, long timeoutMs, Condition condition, Failure failure)
            throws InterruptedException {
        if (!withinNotified(monitor, timeoutMs, condition)) {
            throw failed(timeoutMs, failure);
        }
    }

    private static AssertionError failed(long timeoutMs, Failure failure) throws InterruptedException {
        try {
            return new AssertionError(failure.describe());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new AssertionError("timed out after " + timeoutMs + " ms (and could not say more: " + e + ")", e);
        }
    }

    private static boolean holds(Condition condition) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("could not look at what the test waits for: " + e, e);
        }
    }
}
