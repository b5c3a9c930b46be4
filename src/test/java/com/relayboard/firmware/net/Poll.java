package com.relayboard.firmware.net;

import org.junit.Assert;

/** Bounded waiting for what other threads do: polls a condition until it holds, failing after a deadline. */
public final class Poll {

    /** Longest wait for something that should happen within milliseconds. */
    public static final long DEADLINE_MS = 5000;

    /** Something to wait for. */
    public interface Condition {
        boolean holds();
    }

    private Poll() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@link #DEADLINE_MS}. */
    public static void until(String what, Condition condition) {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                Assert.fail("timed out after " + DEADLINE_MS + " ms waiting for: " + what);
            }
            sleep(2);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code thread} to end, at most {@link #DEADLINE_MS}; returns whether it ended. */
    public static boolean ended(Thread thread) {
        // isAlive() polled, not join(long): the tests run on the board's simulator too, and EDC's join(long) is not
        // established (platform/gate/firmware-api.allowlist).
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (thread.isAlive() && System.currentTimeMillis() <= deadline) {
            sleep(2);
        }
        return !thread.isAlive();
    }
}
