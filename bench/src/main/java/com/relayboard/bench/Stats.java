package com.relayboard.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles. */
final class Stats {

    private final long[] sortedNs;

    Stats(long[] samplesNs, int count) {
        this.sortedNs = Arrays.copyOf(samplesNs, count);
        Arrays.sort(this.sortedNs);
    }

    int count() {
        return this.sortedNs.length;
    }

    /**
     * Nearest-rank percentile: the smallest sample with at least {@code percent} % of the samples at or
     * below it.
     *
     * @return the percentile in nanoseconds, or -1 without samples
     */
    long percentileNs(double percent) {
        if (this.sortedNs.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * this.sortedNs.length);
        return this.sortedNs[Math.max(0, Math.min(this.sortedNs.length - 1, rank - 1))];
    }

    static double toMs(long ns) {
        return ns / 1e6;
    }
}
