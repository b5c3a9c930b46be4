package com.relayboard.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class StatsTest {

    @Test
    public void percentilesAreNearestRank() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (100 - i) * 1000L; // 1000 .. 100000, unsorted
        }
        Stats stats = new Stats(samples, samples.length);
        assertEquals(50000, stats.percentileNs(50));
        assertEquals(95000, stats.percentileNs(95));
        assertEquals(99000, stats.percentileNs(99));
        assertEquals(100000, stats.percentileNs(100));
    }

    @Test
    public void onlyTheCountedSamplesCount() {
        Stats stats = new Stats(new long[] { 7, 3, 999 }, 2);
        assertEquals(2, stats.count());
        assertEquals(3, stats.percentileNs(50));
        assertEquals(7, stats.percentileNs(99));
    }

    @Test
    public void noSamplesGiveMinusOne() {
        assertEquals(-1, new Stats(new long[0], 0).percentileNs(50));
    }
}
