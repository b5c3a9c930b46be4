package com.relayboard.firmware.net;

import java.util.Random;

/**
 * Exponential backoff with a cap and jitter, for reconnect attempts: the n-th delay in a row is
 * {@code initial * 2^(n-1)} capped at {@code max}, then spread by plus or minus 25 % so that many
 * boards behind one router do not retry in lock step; a delay never exceeds the cap.
 */
public final class Backoff {

    /** Jitter is +/- JITTER_PERCENT of the delay. */
    private static final int JITTER_PERCENT = 25;

    private final long initialMs;
    private final long maxMs;
    private final Random random;
    private int attempts;

    public Backoff(long initialMs, long maxMs, Random random) {
        if (initialMs <= 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** @return the delay before the next attempt, in milliseconds, and counts one more failure */
    public long nextDelayMs() {
        long base = this.initialMs;
        for (int i = 0; i < this.attempts && base < this.maxMs; i++) {
            base *= 2;
        }
        base = Math.min(base, this.maxMs);
        this.attempts++;
        long spread = base * JITTER_PERCENT / 100;
        long jittered = base - spread + (long) (this.random.nextDouble() * (2 * spread + 1));
        return Math.max(1, Math.min(jittered, this.maxMs));
    }

    /** After a success the next failure starts again from the initial delay. */
    public void reset() {
        this.attempts = 0;
    }

    /** @return failures in a row since the last {@link #reset()} */
    public int attempts() {
        return this.attempts;
    }

    public long maxMs() {
        return this.maxMs;
    }
}
