package com.relayboard.firmware;

/**
 * The share of the UART's time the console may spend on message lines, as a token bucket in bytes on the
 * board's monotonic clock: it fills at {@code bytesPerS} up to {@code burstBytes}, and a line takes its
 * bytes from it. Over any stretch of {@code t} seconds the lines it lets through take at most
 * {@code burstBytes + bytesPerS * t} bytes, whatever the messages do.
 *
 * <p>Why it matters on the board: the console's bytes go out through a call that waits for room in the
 * UART's FIFO inside the one RTOS task that runs every Java thread, so the whole VM stands still while
 * the UART catches up (README, "The console's cost is bounded"). Bounding the console's bytes bounds that stall.
 *
 * <p>Lines that must be printed ({@link #charge}) take their bytes too, even into debt, so that the
 * share holds for everything the console prints; message lines then wait for the debt to be paid.
 *
 * <p>Not thread-safe: {@link SerialConsole} calls it under its own lock. Time is passed in, never read.
 */
final class ConsoleBudget {

    private final int bytesPerS;
    private final int burstBytes;
    /** Bytes available, in thousandths of a byte (a millisecond at {@code bytesPerS} is that many). */
    private long milliBytes;
    private long filledAtMs;

    /**
     * @param bytesPerS
     *            how fast the budget fills, in bytes a second
     * @param burstBytes
     *            the most it holds, in bytes; at least the longest line that must get through a quiet board
     * @param nowMs
     *            the clock now: the budget starts full
     */
    ConsoleBudget(int bytesPerS, int burstBytes, long nowMs) {
        if (bytesPerS <= 0 || burstBytes <= 0) {
            throw new IllegalArgumentException("budget " + bytesPerS + " B/s, " + burstBytes + " B");
        }
        this.bytesPerS = bytesPerS;
        this.burstBytes = burstBytes;
        this.milliBytes = burstBytes * 1000L;
        this.filledAtMs = nowMs;
    }

    /**
     * @return whether {@code bytes} are available now, or the budget is full (a line longer than the burst goes
     *         through on a quiet board, paid for with debt); takes them if so
     */
    boolean take(int bytes, long nowMs) {
        if (!has(bytes, nowMs)) {
            return false;
        }
        this.milliBytes -= bytes * 1000L;
        return true;
    }

    /** @return whether {@link #take} would take {@code bytes} now; takes nothing */
    boolean has(int bytes, long nowMs) {
        fill(nowMs);
        return this.milliBytes >= Math.min(bytes, this.burstBytes) * 1000L;
    }

    /** Takes {@code bytes} whatever is left: the budget may go into debt. */
    void charge(int bytes, long nowMs) {
        fill(nowMs);
        this.milliBytes -= bytes * 1000L;
    }

    /** @return whether the budget is full: nothing was taken for {@code burstBytes / bytesPerS} seconds */
    boolean isFull(long nowMs) {
        fill(nowMs);
        return this.milliBytes >= this.burstBytes * 1000L;
    }

    /** @return when the budget will be full if nothing more is taken, in clock milliseconds */
    long fullAtMs(long nowMs) {
        fill(nowMs);
        long missing = this.burstBytes * 1000L - this.milliBytes;
        return missing <= 0 ? nowMs : nowMs + (missing + this.bytesPerS - 1) / this.bytesPerS;
    }

    /** @return bytes available now (negative: in debt) */
    long availableBytes(long nowMs) {
        fill(nowMs);
        return this.milliBytes / 1000;
    }

    private void fill(long nowMs) {
        long elapsedMs = nowMs - this.filledAtMs;
        if (elapsedMs <= 0) {
            return; // The clock is monotonic; a step back (a test) adds nothing.
        }
        this.filledAtMs = nowMs;
        long missing = this.burstBytes * 1000L - this.milliBytes;
        // bytes/s times ms is thousandths of a byte. Compared first, so that a long quiet spell cannot overflow.
        if (elapsedMs > missing / this.bytesPerS) {
            this.milliBytes = this.burstBytes * 1000L;
        } else {
            this.milliBytes += elapsedMs * this.bytesPerS;
        }
    }
}
