package com.relayboard.firmware.path;

import org.junit.Assert;
import org.junit.Test;

public class RelayCountersTest {

    private static void assertBalanced(RelayCounters counters, int rule) {
        long[] figures = counters.ruleSnapshot(rule);
        Assert.assertEquals("received = relayed + dropped + in flight", figures[0], figures[1] + figures[2] + figures[3]);
        Assert.assertTrue(figures[3] >= 0);
    }

    @Test
    public void perRule_receivedIsRelayedPlusDroppedPlusInFlight_atEveryStep() {
        RelayCounters counters = new RelayCounters();
        counters.countTaken(1);
        assertBalanced(counters, 1);
        Assert.assertEquals(1, counters.ruleSnapshot(1)[3]);
        counters.countTaken(1);
        counters.countTaken(2);
        counters.countDropped(1, RelayCounters.TOO_LARGE);
        assertBalanced(counters, 1);
        counters.countRelayed(1, 5);
        assertBalanced(counters, 1);
        counters.countGivenBack(2);
        assertBalanced(counters, 2);
        long[] one = counters.ruleSnapshot(1);
        Assert.assertArrayEquals(new long[] { 2, 1, 1, 0, 5, 5, 1, 0, 0, 0 }, one);
        Assert.assertArrayEquals(new long[] { 0, 0, 0, 0, -1, -1, 0, 0, 0, 0 }, counters.ruleSnapshot(2));
        int[] all = counters.snapshot();
        Assert.assertEquals(2, all[0]);
    }

    @Test
    public void ackLatency_percentilesAreOverTheLast64() {
        RelayCounters counters = new RelayCounters();
        for (int i = 1; i <= 100; i++) {
            counters.countTaken(3);
            counters.countRelayed(3, i);
        }
        // The last 64: 37 to 100. Nearest rank: p50 is the 32nd (68), p99 the 64th (100).
        long[] figures = counters.ruleSnapshot(3);
        Assert.assertEquals(68, figures[4]);
        Assert.assertEquals(100, figures[5]);
    }

    @Test
    public void percentile_nearestRank() {
        Assert.assertEquals(-1, RelayCounters.percentile(new long[0], 0, 50));
        Assert.assertEquals(7, RelayCounters.percentile(new long[] { 7 }, 1, 99));
        Assert.assertEquals(2, RelayCounters.percentile(new long[] { 3, 1, 2, 4 }, 4, 50));
        Assert.assertEquals(4, RelayCounters.percentile(new long[] { 3, 1, 2, 4 }, 4, 99));
    }
}
