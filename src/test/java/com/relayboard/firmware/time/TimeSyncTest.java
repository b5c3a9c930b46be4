package com.relayboard.firmware.time;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.net.Backoff;
import com.relayboard.firmware.net.FakeClock;
import com.relayboard.firmware.net.StepJobRunner;

/** The clock's lifecycle in stepped time: a fake server, a held worker, a fake application clock. */
public class TimeSyncTest {

    /** 2026-12-07 08:00:00 UTC. */
    private static final long SERVER_TIME_MS = 1796630400000L;
    private static final long RESYNC_MS = 3600000L;

    private final FakeClock clock = new FakeClock(1000);
    private final StepJobRunner worker = StepJobRunner.holding();
    private final List<String> lines = new ArrayList<String>();
    private final List<String> asked = new ArrayList<String>();
    /** What the fake server does next: answer with this time, or fail with {@link #failure}. */
    private long answerMs = SERVER_TIME_MS;
    private String failure;
    private long wallClockSetTo = -1;

    private final TimeSource server = new TimeSource() {
        @Override
        public long ask(String host, int port, int timeoutMs) throws IOException {
            asked.add(host + ":" + port + " within " + timeoutMs);
            if (failure != null) {
                throw new IOException(failure);
            }
            return answerMs;
        }
    };

    private final TimeSync sync = new TimeSync(this.server, new WallClock() {
        @Override
        public void set(long utcMs) {
            wallClockSetTo = utcMs;
        }
    }, this.clock, this.worker, "pool.ntp.org", 123, RESYNC_MS,
            new Backoff(TimeSync.RETRY_INITIAL_MS, TimeSync.RETRY_MAX_MS, new Random(3)), new TimeSyncListener() {
                @Override
                public void timeChanged(TimeState state, String detail) {
                    lines.add("Time: " + state + " " + detail);
                }
            });

    @Test
    public void waitsForWifiThenAsksOnTheWorkerAndSetsTheClock() {
        this.sync.step(this.clock.nowMs(), false);
        Assert.assertEquals(TimeState.WAITING_FOR_NETWORK, this.sync.state());
        Assert.assertEquals(0, this.worker.heldJobs());

        this.sync.step(this.clock.nowMs(), true);
        Assert.assertEquals(TimeState.SYNCING, this.sync.state());
        Assert.assertEquals(1, this.worker.heldJobs());
        Assert.assertEquals("nothing asked on the loop's thread", 0, this.asked.size());
        Assert.assertEquals(this.clock.nowMs() + 50, this.sync.nextActionMs());

        this.worker.runHeld();
        Assert.assertEquals("pool.ntp.org:123 within 5000", this.asked.get(0));
        // The loop sees the reply 30 ms after it came: the clock is set to the server's time plus those 30 ms.
        this.sync.step(this.clock.advance(30), true);
        Assert.assertEquals(TimeState.SYNCED, this.sync.state());
        Assert.assertTrue(this.sync.isSet());
        Assert.assertEquals(SERVER_TIME_MS + 30, this.wallClockSetTo);
        Assert.assertEquals("Time: SYNCED 2026-12-07 08:00:00 UTC from pool.ntp.org", last());
        Assert.assertEquals(this.clock.nowMs() + RESYNC_MS, this.sync.nextActionMs());
    }

    @Test
    public void aServerThatDoesNotAnswerIsNamedAndRetriedWithBackoff() {
        this.failure = "did not answer within 5.0 s";
        this.sync.step(this.clock.nowMs(), true);
        this.worker.runHeld();
        this.sync.step(this.clock.advance(5000), true);
        Assert.assertEquals(TimeState.FAILED, this.sync.state());
        Assert.assertFalse(this.sync.isSet());
        Assert.assertEquals(-1, this.wallClockSetTo);
        String refusal = last();
        Assert.assertTrue(refusal, refusal.startsWith("Time: FAILED pool.ntp.org did not answer within 5.0 s; retrying in "));
        long firstDelayMs = this.sync.nextActionMs() - this.clock.nowMs();
        Assert.assertTrue("first delay " + firstDelayMs, firstDelayMs >= 7500 && firstDelayMs <= 12500);

        // Nothing is asked before the delay is over.
        this.sync.step(this.clock.advance(firstDelayMs - 1), true);
        Assert.assertEquals(TimeState.FAILED, this.sync.state());
        Assert.assertEquals(0, this.worker.heldJobs());
        this.sync.step(this.clock.advance(1), true);
        Assert.assertEquals(TimeState.SYNCING, this.sync.state());
        this.worker.runHeld();
        this.sync.step(this.clock.advance(5000), true);
        long secondDelayMs = this.sync.nextActionMs() - this.clock.nowMs();
        Assert.assertTrue("second delay " + secondDelayMs, secondDelayMs >= 15000 && secondDelayMs <= 25000);

        // The server answers again: set, and the backoff starts over.
        this.failure = null;
        this.sync.step(this.clock.advance(secondDelayMs), true);
        this.worker.runHeld();
        this.sync.step(this.clock.advance(1), true);
        Assert.assertEquals(TimeState.SYNCED, this.sync.state());
        Assert.assertTrue(this.sync.isSet());
    }

    @Test
    public void resyncsAfterTheIntervalAndStaysSetThroughFailuresAndWifiLosses() {
        this.sync.step(this.clock.nowMs(), true);
        this.worker.runHeld();
        this.sync.step(this.clock.nowMs(), true);
        Assert.assertEquals(TimeState.SYNCED, this.sync.state());

        // A Wi-Fi loss and return before the interval: no request, the clock stays set.
        this.sync.step(this.clock.advance(1000), false);
        Assert.assertEquals(TimeState.WAITING_FOR_NETWORK, this.sync.state());
        this.sync.step(this.clock.advance(1000), true);
        Assert.assertEquals(TimeState.SYNCED, this.sync.state());
        Assert.assertEquals(0, this.worker.heldJobs());

        this.sync.step(this.clock.advance(RESYNC_MS - 2000 - 1), true);
        Assert.assertEquals(0, this.worker.heldJobs());
        this.failure = "did not answer within 5.0 s";
        this.sync.step(this.clock.advance(1), true);
        Assert.assertEquals(TimeState.SYNCING, this.sync.state());
        this.worker.runHeld();
        this.sync.step(this.clock.advance(5000), true);
        Assert.assertEquals(TimeState.FAILED, this.sync.state());
        Assert.assertTrue("a failed re-sync leaves the clock set", this.sync.isSet());
        Assert.assertTrue(last(), last().endsWith("(the clock keeps its last setting)"));
    }

    @Test
    public void aReplyThatComesAfterWifiWentDownIsIgnored() {
        this.sync.step(this.clock.nowMs(), true);
        this.sync.step(this.clock.advance(10), false);
        this.worker.runHeld();
        this.sync.step(this.clock.advance(10), false);
        Assert.assertFalse(this.sync.isSet());
        Assert.assertEquals(-1, this.wallClockSetTo);
        Assert.assertEquals("Time: WAITING_FOR_NETWORK Wi-Fi is down", last());
        // Back up: a new request.
        this.sync.step(this.clock.advance(10), true);
        Assert.assertEquals(TimeState.SYNCING, this.sync.state());
        Assert.assertEquals(1, this.worker.heldJobs());
    }

    @Test
    public void aServerOffPort123IsNamedWithItsPort() {
        TimeSync local = new TimeSync(this.server, new WallClock() {
            @Override
            public void set(long utcMs) {
                wallClockSetTo = utcMs;
            }
        }, this.clock, StepJobRunner.inline(), "127.0.0.1", 40123, RESYNC_MS,
                new Backoff(TimeSync.RETRY_INITIAL_MS, TimeSync.RETRY_MAX_MS, new Random(3)), new TimeSyncListener() {
                    @Override
                    public void timeChanged(TimeState state, String detail) {
                        lines.add("Time: " + state + " " + detail);
                    }
                });
        local.step(this.clock.nowMs(), true);
        local.step(this.clock.nowMs(), true);
        Assert.assertEquals("Time: SYNCED 2026-12-07 08:00:00 UTC from 127.0.0.1:40123", last());
    }

    private String last() {
        return this.lines.get(this.lines.size() - 1);
    }
}
