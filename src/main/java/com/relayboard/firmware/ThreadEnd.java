package com.relayboard.firmware;

import ej.bon.Util;

/**
 * A bounded wait for a thread to end, on members MicroEJ's EDC is known to have: {@code Thread.isAlive()} and
 * {@code Thread.sleep(long)}, on BON's monotonic clock. {@code Thread.join(long)} is not established on EDC (CLDC 1.1
 * has only {@code join()}, and every MicroEJ call seen is {@code join()}), and {@code join()} alone could wait forever.
 */
final class ThreadEnd {

    /** How often the thread is looked at while waiting: short against the stop timeouts (500 ms and more). */
    static final long POLL_MS = 5;

    private ThreadEnd() {
    }

    /**
     * Waits until {@code thread} has ended or {@code timeoutMs} have passed; an interrupt ends the wait early and is
     * kept for the caller.
     *
     * @param thread the thread, or {@code null} (nothing to wait for)
     * @param timeoutMs the longest wait, in milliseconds
     * @return whether the thread has ended (true for {@code null})
     */
    static boolean await(Thread thread, long timeoutMs) {
        if (thread == null) {
            return true;
        }
        long deadlineMs = Util.platformTimeMillis() + timeoutMs;
        while (thread.isAlive()) {
            long leftMs = deadlineMs - Util.platformTimeMillis();
            if (leftMs <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(POLL_MS, leftMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !thread.isAlive();
            }
        }
        return true;
    }
}
