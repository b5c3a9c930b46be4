package com.relayboard.firmware.net;

import java.util.Random;

import org.junit.Assert;
import org.junit.Test;

public class BackoffTest {

    private static void assertWithinJitter(String what, long expectedMs, long delayMs) {
        long low = expectedMs - expectedMs / 4;
        long high = expectedMs + expectedMs / 4;
        Assert.assertTrue(what + ": " + delayMs + " ms is not within 25 % of " + expectedMs + " ms",
                delayMs >= low && delayMs <= high);
    }

    @Test
    public void delays_doubleFromOneSecondWithin25Percent() {
        for (long seed = 0; seed < 20; seed++) {
            Backoff backoff = new Backoff(1000, 30000, new Random(seed));
            long expected = 1000;
            for (int n = 1; n <= 5; n++) {
                assertWithinJitter("seed " + seed + ", delay " + n, expected, backoff.nextDelayMs());
                Assert.assertEquals(n, backoff.attempts());
                expected *= 2;
            }
        }
    }

    @Test
    public void delays_neverExceedTheCap() {
        for (long seed = 0; seed < 20; seed++) {
            Backoff backoff = new Backoff(1000, 30000, new Random(seed));
            for (int n = 1; n <= 40; n++) {
                long delay = backoff.nextDelayMs();
                Assert.assertTrue("seed " + seed + ", delay " + n + " = " + delay + " ms", delay <= 30000);
                Assert.assertTrue("seed " + seed + ", delay " + n + " = " + delay + " ms", delay >= 750);
            }
        }
    }

    @Test
    public void afterManyFailures_delaysStayNearTheCap() {
        Backoff backoff = new Backoff(1000, 30000, new Random(7));
        for (int n = 0; n < 1000; n++) {
            backoff.nextDelayMs();
        }
        for (int n = 0; n < 50; n++) {
            long delay = backoff.nextDelayMs();
            Assert.assertTrue(delay + " ms", delay >= 22500 && delay <= 30000);
        }
        Assert.assertEquals(30000, backoff.maxMs());
    }

    /**
     * Boards that lost their router together reach the cap together; what keeps them apart is how evenly
     * the capped delays spread. Clipping a plus or minus 25 % window at the cap made about half of them
     * exactly the cap.
     */
    @Test
    public void cappedDelays_spreadEvenlyBelowTheCap_noneMoreLikelyThanAnother() {
        long capMs = 30000;
        Backoff backoff = new Backoff(1000, capMs, new Random(11));
        for (int n = 0; n < 10; n++) {
            backoff.nextDelayMs(); // past 1, 2, 4, 8, 16 s: every later base is the cap
        }
        int samples = 3000;
        int atTheCap = 0;
        int[] thirds = new int[3];
        long lowestMs = Long.MAX_VALUE;
        for (int n = 0; n < samples; n++) {
            long delayMs = backoff.nextDelayMs();
            Assert.assertTrue(delayMs + " ms", delayMs >= capMs * 3 / 4 && delayMs <= capMs);
            if (delayMs == capMs) {
                atTheCap++;
            }
            lowestMs = Math.min(lowestMs, delayMs);
            int third = (int) ((delayMs - capMs * 3 / 4) * 3 / (capMs / 4 + 1));
            thirds[third]++;
        }
        // An even draw over 7,501 values puts about 0.4 of 3,000 samples on any one value.
        Assert.assertTrue(atTheCap + " of " + samples + " capped delays are exactly the cap", atTheCap <= 5);
        Assert.assertTrue("lowest capped delay " + lowestMs + " ms", lowestMs < capMs * 3 / 4 + capMs / 40);
        for (int third = 0; third < 3; third++) {
            Assert.assertTrue("third " + third + " of the window holds " + thirds[third] + " of " + samples,
                    thirds[third] > samples / 4);
        }
    }

    @Test
    public void reset_startsOverFromTheInitialDelay() {
        Backoff backoff = new Backoff(1000, 30000, new Random(3));
        for (int n = 0; n < 8; n++) {
            backoff.nextDelayMs();
        }
        backoff.reset();
        Assert.assertEquals(0, backoff.attempts());
        assertWithinJitter("first after reset", 1000, backoff.nextDelayMs());
        assertWithinJitter("second after reset", 2000, backoff.nextDelayMs());
    }

    @Test
    public void boardsWithDifferentRandomness_doNotRetryInLockStep() {
        long first = new Backoff(1000, 30000, new Random(0)).nextDelayMs();
        boolean differs = false;
        for (long seed = 1; seed < 20 && !differs; seed++) {
            differs = new Backoff(1000, 30000, new Random(seed)).nextDelayMs() != first;
        }
        Assert.assertTrue("every board waits exactly " + first + " ms: no jitter", differs);
    }

    @Test
    public void tinyDelays_stayAtLeastOneMillisecond() {
        Backoff backoff = new Backoff(1, 1, new Random(1));
        for (int n = 0; n < 10; n++) {
            Assert.assertEquals(1, backoff.nextDelayMs());
        }
    }

    @Test
    public void constructor_refusesNonPositiveInitialOrCapBelowInitial() {
        long[][] bad = { { 0, 1000 }, { -1, 1000 }, { 2000, 1000 } };
        for (long[] args : bad) {
            try {
                new Backoff(args[0], args[1], new Random(1));
                Assert.fail("accepted initial " + args[0] + ", max " + args[1]);
            } catch (IllegalArgumentException e) {
                Assert.assertNotNull(e.getMessage());
            }
        }
        new Backoff(1000, 1000, new Random(1)); // equal is fine
    }

    @Test
    public void durations_areShownInTenthsOfSeconds() {
        Assert.assertEquals("1.0 s", Durations.seconds(1000));
        Assert.assertEquals("2.5 s", Durations.seconds(2500));
        Assert.assertEquals("0.8 s", Durations.seconds(750));
        Assert.assertEquals("0.0 s", Durations.seconds(0));
        Assert.assertEquals("30.0 s", Durations.seconds(30000));
    }

    @Test
    public void penaltyDelay_isTwiceTheCapWithin25Percent_andAboveEveryNormalDelay() {
        for (long seed = 0; seed < 20; seed++) {
            Backoff backoff = new Backoff(1000, 8000, new Random(seed));
            long penalty = backoff.penaltyDelayMs();
            assertWithinJitter("seed " + seed, 16000, penalty);
            Assert.assertTrue(penalty > backoff.maxMs());
            Assert.assertEquals("counts as a failure", 1, backoff.attempts());
        }
    }
}
