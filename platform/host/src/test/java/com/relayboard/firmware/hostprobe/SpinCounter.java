package com.relayboard.firmware.hostprobe;

/**
 * Stands for the board's code in the host's tests: a class in the firmware's package space, so that the agent adds
 * safepoints to it as it does to the firmware ({@code com.relayboard.host.console.BoardSafepoints}). Counts in a loop
 * and keeps the longest time between two turns, which is how long the thread running it stood still.
 */
public final class SpinCounter implements Runnable {

    private volatile boolean stopped;
    private volatile long turns;
    private volatile long longestGapNanos;

    @Override
    public void run() {
        long last = System.nanoTime();
        while (!this.stopped) {
            long now = System.nanoTime();
            if (now - last > this.longestGapNanos) {
                this.longestGapNanos = now - last;
            }
            last = now;
            this.turns++;
        }
    }

    public void stop() {
        this.stopped = true;
    }

    public long turns() {
        return this.turns;
    }

    public long longestGapNanos() {
        return this.longestGapNanos;
    }

    /** Forgets the gaps so far (the thread's start, say). */
    public void resetGaps() {
        this.longestGapNanos = 0;
    }
}
