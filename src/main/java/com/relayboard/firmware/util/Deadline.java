package com.relayboard.firmware.util;

import ej.bon.Util;

/**
 * The board's one deadline wait: waits on a monitor until a condition holds or a time-out passes, measured on the
 * platform's monotonic clock ({@link Util#platformTimeMillis()}), however often the monitor is notified for other
 * reasons. Every bounded wait of the firmware (the loop's sleep, the outbox's room, the goodbye, the settings'
 * barrier at connect) is this one.
 */
public final class Deadline {

    /** What the waiter waits for; checked with the monitor's lock held. */
    public interface Condition {
        boolean holds();
    }

    private Deadline() {
    }

    /**
     * Waits on {@code monitor}, whose lock the caller holds, until {@code done} holds or {@code timeoutMs} passed.
     *
     * @return whether {@code done} holds at the end
     * @throws InterruptedException
     *             when the thread is interrupted while it waits
     */
    public static boolean await(Object monitor, long timeoutMs, Condition done) throws InterruptedException {
        long deadlineMs = Util.platformTimeMillis() + timeoutMs;
        long leftMs = timeoutMs;
        while (!done.holds() && leftMs > 0) {
            monitor.wait(leftMs);
            leftMs = deadlineMs - Util.platformTimeMillis();
        }
        return done.holds();
    }
}
