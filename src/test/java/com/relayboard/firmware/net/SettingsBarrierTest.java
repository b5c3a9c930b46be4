package com.relayboard.firmware.net;

import org.junit.Assert;
import org.junit.Test;

/**
 * The settings-first barrier: the wait ends when the barrier came back on the client it was sent on (then whatever
 * that client's callback thread handed over before it has been taken), not on another client's, and at once when
 * the client is given up. Clients are plain objects; the callback thread is played by the test.
 */
public class SettingsBarrierTest {

    private static final String BARRIER_TOPIC = "relayboard/b/probe";

    /** The client the lane holds now, as {@code PahoLane} keeps its publishing client. */
    private static final class Lane implements SettingsBarrier.Current {
        volatile Object publishing;

        @Override
        public boolean is(Object client) {
            return this.publishing == client;
        }
    }

    private final SettingsBarrier barrier = new SettingsBarrier(BARRIER_TOPIC);
    private final Lane lane = new Lane();

    @Test
    public void theBarrierTopicIsTheBarrier_anythingElseIsASetting() {
        Assert.assertTrue(this.barrier.isBarrier(BARRIER_TOPIC));
        Assert.assertFalse(this.barrier.isBarrier("relayboard/b/rules/set"));
        Assert.assertFalse("no barrier topic: nothing is the barrier", new SettingsBarrier(null).isBarrier("x"));
    }

    @Test
    public void whatTheCallbackHandedOverBeforeTheBarrier_isTakenWhenTheWaitEnds() throws Exception {
        final Object client = new Object();
        this.lane.publishing = client;
        final StringBuilder taken = new StringBuilder();
        Thread callback = new Thread(new Runnable() {
            @Override
            public void run() {
                synchronized (taken) {
                    taken.append("table");
                }
                SettingsBarrierTest.this.barrier.passed(client);
            }
        }, "test-callback");
        callback.start();
        Assert.assertTrue("the barrier came back", this.barrier.await(client, 60000, this.lane));
        synchronized (taken) {
            Assert.assertEquals("table", taken.toString());
        }
    }

    @Test
    public void aBarrierBackOnTheClientOfAnEarlierConnect_doesNotCount() throws Exception {
        Object before = new Object();
        Object now = new Object();
        this.lane.publishing = now;
        this.barrier.passed(before);
        Assert.assertFalse(this.barrier.await(now, 1, this.lane));
    }

    @Test
    public void aClientGivenUp_endsTheWaitAtOnce_withoutTheBarrier() throws Exception {
        Object client = new Object();
        this.lane.publishing = null;
        // Given up before or while it waits: the time-out (a minute) is never reached.
        Assert.assertFalse(this.barrier.await(client, 60000, this.lane));
    }

    @Test
    public void aBarrierThatCameBackOnAClientSinceGivenUp_doesNotCount() throws Exception {
        Object client = new Object();
        this.lane.publishing = client;
        this.barrier.passed(client);
        this.lane.publishing = null;
        this.barrier.wake();
        Assert.assertFalse(this.barrier.await(client, 60000, this.lane));
    }
}
