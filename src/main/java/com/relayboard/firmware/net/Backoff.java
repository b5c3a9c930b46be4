package com.relayboard.firmware.net;

import java.util.Random;

/**
 * Exponential backoff with a cap and jitter, for reconnect attempts: the n-th delay in a row is
 * {@code initial * 2^(n-1)} capped at {@code max}, then spread by plus or minus 25 % so that many
 * boards behind one router do not retry in lock step; a delay never exceeds the cap, except the
 * deliberate {@link #penaltyDelayMs()}.
 *
 * <p>At the cap the delay is drawn evenly from 75 % to 100 % of the cap: the part of the window above
 * the cap is left out rather than clipped to it. Clipping would make about half of the capped delays
 * exactly the cap, and boards that lost their router together would retry together from then on.
 */
public final class Backoff {

    /** Jitter is +/- JITTER_PERCENT of the delay. */
    private static final int JITTER_PERCENT = 25;
    /** {@link #penaltyDelayMs()} is this many times the cap. */
    public static final int PENALTY_FACTOR = 2;

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
        return Math.max(1, jitter(base, this.maxMs));
    }

    /**
     * The one delay allowed above the cap: {@code PENALTY_FACTOR} times the cap, jittered, for when
     * retrying at the normal pace does harm (another client with the same client id, which each of
     * our connects kicks off and which kicks us off in turn). Counts one more failure.
     *
     * @return a delay from 1.5 to 2.5 times the cap, in milliseconds
     */
    public long penaltyDelayMs() {
        this.attempts++;
        return jitter(PENALTY_FACTOR * this.maxMs, Long.MAX_VALUE);
    }

    /**
     * @return a delay drawn evenly from {@code base} minus 25 % to {@code base} plus 25 %, the upper end
     *         lowered to {@code ceilingMs} where it would pass it (so no value is more likely than another)
     */
    private long jitter(long base, long ceilingMs) {
        long spread = base * JITTER_PERCENT / 100;
        long lowMs = base - spread;
        long highMs = Math.min(base + spread, ceilingMs);
        return lowMs + (long) (this.random.nextDouble() * (highMs - lowMs + 1));
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
