package com.relayboard.firmware.path;

import java.util.List;

import org.junit.After;
import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.FakeBrokerSession;
import com.relayboard.firmware.net.Poll;
import com.relayboard.firmware.text.Bytes;
import com.relayboard.firmware.path.OutgoingMessage;

public class OutboxTest {

    private FakeBrokerSession session;
    private RecordingOutboxListener listener;
    private Outbox outbox;
    private Thread publisher;

    @Before
    public void setUp() throws BrokerException {
        this.session = new FakeBrokerSession();
        this.session.connect();
        this.listener = new RecordingOutboxListener();
        this.outbox = new Outbox(4, this.session, this.listener);
    }

    @After
    public void tearDown() {
        this.outbox.stop();
        if (this.publisher != null) {
            Assert.assertTrue("publisher thread did not end", Poll.ended(this.publisher));
        }
    }

    private void startPublisher() {
        this.outbox.start();
        this.publisher = this.outbox.publisher();
    }

    private static OutgoingMessage message(String text) {
        return new OutgoingMessage("/test/topic2", Bytes.ascii(text), 1, 1);
    }

    private void awaitPublished(final int count) {
        Poll.until(count + " message(s) published", new Poll.Condition() {
            @Override
            public boolean holds() {
                return listener.publishedCount() >= count;
            }
        });
    }

    private void awaitFailures(final int count) {
        Poll.until(count + " failure(s) reported", new Poll.Condition() {
            @Override
            public boolean holds() {
                return listener.failureCount() >= count;
            }
        });
    }

    private List<String> publishedTexts() {
        List<String> texts = new java.util.ArrayList<String>();
        for (FakeBrokerSession.Published message : this.session.published()) {
            texts.add(new String(message.payload));
        }
        return texts;
    }

    @Test
    public void offline_publishesNothingThenEverythingInOrderOnceOnline() {
        startPublisher();
        OutgoingMessage first = message("one");
        OutgoingMessage second = message("two");
        OutgoingMessage third = message("three");
        Assert.assertTrue(this.outbox.offer(first));
        Assert.assertTrue(this.outbox.offer(second));
        Assert.assertTrue(this.outbox.offer(third));
        awaitHoldingWait(1);
        Assert.assertTrue("published while offline", this.session.published().isEmpty());
        Assert.assertEquals(3, this.outbox.size());

        this.outbox.setOnline(true);
        awaitPublished(3);
        List<String> texts = publishedTexts();
        Assert.assertEquals(3, texts.size());
        Assert.assertEquals("one", texts.get(0));
        Assert.assertEquals("two", texts.get(1));
        Assert.assertEquals("three", texts.get(2));
        List<OutgoingMessage> reported = this.listener.published();
        Assert.assertSame(first, reported.get(0));
        Assert.assertSame(second, reported.get(1));
        Assert.assertSame(third, reported.get(2));
        Assert.assertEquals(0, this.outbox.size());
        Assert.assertTrue(this.listener.failures().isEmpty());
    }

    @Test
    public void published_keepsTopicPayloadAndQosAndIsNotRetained() {
        startPublisher();
        this.outbox.setOnline(true);
        byte[] payload = Bytes.of(0xFF, 0xFE, 0x00, 0x41);
        this.outbox.offer(new OutgoingMessage("/test/topic3", payload, 0, 2));
        awaitPublished(1);
        FakeBrokerSession.Published published = this.session.published().get(0);
        Assert.assertEquals("/test/topic3", published.topic);
        Bytes.assertBytes("payload", payload, published.payload);
        Assert.assertEquals(0, published.qos);
        Assert.assertFalse("relayed messages are not retained", published.retained);
    }

    @Test
    public void failedPublish_keepsTheMessageFirstAndSendsItAgainAfterTheReconnect() {
        startPublisher();
        this.session.failNextPublishes(1, "publishing to /test/topic2 failed: the broker closed the connection");
        this.outbox.offer(message("one"));
        this.outbox.offer(message("two"));
        this.outbox.setOnline(true);

        awaitFailures(1);
        RecordingOutboxListener.Failure failure = this.listener.failures().get(0);
        Assert.assertFalse("one failure must not drop the message", failure.dropped);
        Assert.assertEquals("publishing to /test/topic2 failed: the broker closed the connection", failure.reason);
        Assert.assertEquals("one", new String(failure.message.payload()));
        // Waiting for the reconnect, the publisher sends nothing, and "one" goes first after it.
        awaitHoldingWait(1);
        Assert.assertTrue("\"two\" overtook the failed message", this.session.published().isEmpty());
        Assert.assertEquals(2, this.outbox.size());

        this.outbox.setOnline(false);
        this.outbox.setOnline(true);
        awaitPublished(2);
        List<String> texts = publishedTexts();
        Assert.assertEquals(2, texts.size());
        Assert.assertEquals("one", texts.get(0));
        Assert.assertEquals("two", texts.get(1));
        Assert.assertEquals(1, this.listener.failureCount());
    }

    @Test
    public void messageFailingOnMaxAttemptsConnections_isDroppedAndReported() {
        startPublisher();
        this.session.failEveryPublishTo("/poison", "publishing to /poison failed: the broker closed the connection");
        OutgoingMessage poison = new OutgoingMessage("/poison", Bytes.ascii("bad"), 1, 1);
        this.outbox.offer(poison);
        this.outbox.offer(message("after"));
        this.outbox.setOnline(true);

        for (int attempt = 1; attempt < Outbox.MAX_ATTEMPTS; attempt++) {
            awaitFailures(attempt);
            Assert.assertFalse("dropped after only " + attempt + " connection(s)",
                    this.listener.failures().get(attempt - 1).dropped);
            Assert.assertTrue("\"after\" overtook the failing message", this.session.published().isEmpty());
            this.outbox.setOnline(false);
            this.outbox.setOnline(true);
        }
        awaitFailures(Outbox.MAX_ATTEMPTS);
        RecordingOutboxListener.Failure last = this.listener.failures().get(Outbox.MAX_ATTEMPTS - 1);
        Assert.assertTrue("given up on after " + Outbox.MAX_ATTEMPTS + " connections", last.dropped);
        Assert.assertSame(poison, last.message);

        awaitPublished(1);
        Assert.assertEquals("after", publishedTexts().get(0));
        Assert.assertEquals(0, this.outbox.size());
        Assert.assertEquals(Outbox.MAX_ATTEMPTS, this.listener.failureCount());
    }

    @Test
    public void failuresOnOneConnection_countOnce() {
        OutgoingMessage message = message("x");
        Assert.assertEquals(1, message.countFailure(1));
        Assert.assertEquals(1, message.countFailure(1));
        Assert.assertEquals(2, message.countFailure(2));
        Assert.assertEquals(2, message.countFailure(2));
        Assert.assertEquals(3, message.countFailure(3));
        Assert.assertEquals(3, message.failedAttempts());
    }

    @Test
    public void capacity_boundsOffer() {
        Assert.assertEquals(4, this.outbox.capacity());
        for (int i = 0; i < 4; i++) {
            Assert.assertTrue(this.outbox.hasRoom());
            Assert.assertTrue(this.outbox.offer(message("m" + i)));
        }
        Assert.assertFalse(this.outbox.hasRoom());
        Assert.assertFalse("offer beyond the capacity", this.outbox.offer(message("one too many")));
        Assert.assertEquals(4, this.outbox.size());

        startPublisher();
        this.outbox.setOnline(true);
        awaitPublished(4);
        Assert.assertTrue(this.outbox.hasRoom());
        Assert.assertEquals(4, this.session.published().size());
    }

    @Test
    public void stop_endsTheIdlePublisherThread() {
        startPublisher();
        Assert.assertTrue(this.publisher.isAlive());
        this.outbox.stop();
        Assert.assertTrue("publisher did not end after stop()", Poll.ended(this.publisher));
    }

    @Test
    public void stop_endsAPublisherWaitingToRetry() {
        startPublisher();
        this.session.failNextPublishes(1, "broken");
        this.outbox.offer(message("one"));
        this.outbox.setOnline(true);
        awaitFailures(1);
        this.outbox.stop();
        Assert.assertTrue("publisher did not end after stop()", Poll.ended(this.publisher));
        Assert.assertTrue(this.session.published().isEmpty());
    }

    /** A session whose first publish blocks until released, as on a link that died silently. */
    private static final class StuckFirstPublish implements BrokerSession {
        private final FakeBrokerSession delegate;
        private final Object release = new Object();
        private boolean released;
        private boolean first = true;
        private Thread stuckThread;

        StuckFirstPublish(FakeBrokerSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public String connect() throws BrokerException {
            return this.delegate.connect();
        }

        @Override
        public void subscribe(String filter, int qos) throws BrokerException {
            this.delegate.subscribe(filter, qos);
        }

        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
            boolean stuck;
            synchronized (this) {
                stuck = this.first;
                this.first = false;
                if (stuck) {
                    this.stuckThread = Thread.currentThread();
                }
            }
            if (stuck) {
                synchronized (this.release) {
                    while (!this.released) {
                        try {
                            this.release.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                // The dead link's client finally gives up.
                throw new BrokerException("publishing to " + topic + " failed: connection lost", false);
            }
            this.delegate.publish(topic, payload, qos, retained);
        }

        @Override
        public void disconnect() {
            this.delegate.disconnect();
        }

        @Override
        public void abandon() {
            this.delegate.abandon();
        }

        synchronized Thread stuckThread() {
            return this.stuckThread;
        }

        void release() {
            synchronized (this.release) {
                this.released = true;
                this.release.notifyAll();
            }
        }
    }

    @Test
    public void publishStuckOnAGivenUpLink_isLeftBehind_andTheMessageGoesOutOnTheNextConnection() {
        final StuckFirstPublish stuck = new StuckFirstPublish(this.session);
        this.outbox = new Outbox(4, stuck, this.listener);
        this.outbox.start();
        this.outbox.setOnline(true);
        this.outbox.offer(message("first"));
        this.outbox.offer(message("second"));
        Poll.until("the first publish is stuck", new Poll.Condition() {
            @Override
            public boolean holds() {
                return stuck.stuckThread() != null;
            }
        });
        Thread left = stuck.stuckThread();

        // The board gives the link up and reconnects.
        this.outbox.setOnline(false);
        this.outbox.replaceStuckPublisher();
        Assert.assertNotSame("a new publisher", left, this.outbox.publisher());
        this.outbox.setOnline(true);
        awaitPublished(2);
        List<FakeBrokerSession.Published> published = this.session.publishedTo("/test/topic2");
        Bytes.assertBytes("the stuck message first", Bytes.ascii("first"), published.get(0).payload);
        Bytes.assertBytes("then the next", Bytes.ascii("second"), published.get(1).payload);
        Assert.assertEquals(0, this.outbox.size());

        // The old publisher's publish returns at last: it reports nothing and ends.
        stuck.release();
        Assert.assertTrue("the publisher left behind ended", Poll.ended(left));
        Assert.assertEquals("its failure belongs to the link given up", 0, this.listener.failureCount());
        Assert.assertEquals(2, this.listener.publishedCount());
        this.publisher = this.outbox.publisher();
    }

    @Test
    public void replacingWithNothingInFlight_keepsThePublisher() {
        this.outbox.start();
        Thread first = this.outbox.publisher();
        this.outbox.replaceStuckPublisher();
        Assert.assertSame(first, this.outbox.publisher());
        this.publisher = first;
    }

    // ------------------------------------------------------------------ flow control and settling

    @Test
    public void send_publishesOnTheCallersThreadWhenNothingIsAhead() throws Exception {
        startPublisher();
        this.outbox.setOnline(true);
        OutgoingMessage copy = new OutgoingMessage("/test/topic2", Bytes.ascii("direct"), 1, 1, true);
        Assert.assertTrue(this.outbox.send(copy, 1000));
        Assert.assertEquals("settled before send returned", OutgoingMessage.Outcome.PUBLISHED, copy.outcome());
        Assert.assertSame(Thread.currentThread(), this.session.published().get(0).thread);
        Assert.assertSame(copy, this.listener.published().get(0));
    }

    @Test
    public void send_queuesBehindWhatIsAhead_soOrderHolds() throws Exception {
        OutgoingMessage ahead = message("ahead");
        Assert.assertTrue(this.outbox.offer(ahead));
        this.outbox.setOnline(true);
        OutgoingMessage copy = new OutgoingMessage("/test/topic2", Bytes.ascii("behind"), 1, 1, true);
        Assert.assertTrue(this.outbox.send(copy, 1000));
        Assert.assertEquals("queued, not published by the caller", OutgoingMessage.Outcome.PENDING, copy.outcome());
        startPublisher();
        Assert.assertEquals(OutgoingMessage.Outcome.PUBLISHED, this.outbox.awaitSettled(copy, Poll.DEADLINE_MS));
        Assert.assertEquals("ahead", publishedTexts().get(0));
        Assert.assertEquals("behind", publishedTexts().get(1));
    }

    @Test
    public void fullOutbox_makesTheCallerWait_andTakesTheMessageOnceThereIsRoom() throws Exception {
        for (int i = 0; i < this.outbox.capacity(); i++) {
            Assert.assertTrue(this.outbox.offer(message("m" + i)));
        }
        OutgoingMessage waiting = message("waiting");
        Assert.assertFalse("no room, and offline: the caller waits", this.outbox.offer(waiting, 50));
        startPublisher();
        this.outbox.setOnline(true);
        Assert.assertTrue("room once the publisher drains", this.outbox.offer(waiting, Poll.DEADLINE_MS));
        awaitPublished(this.outbox.capacity() + 1);
    }

    @Test
    public void byteBound_takesALargeMessageOnlyIntoAnEmptyOutbox() {
        Outbox bounded = new Outbox(8, 10, this.session, this.listener);
        Assert.assertTrue(bounded.offer(message("123456")));
        Assert.assertFalse("over the byte bound", bounded.offer(message("7890ab")));
        Assert.assertTrue("what fits is taken", bounded.offer(message("cd")));
        Outbox empty = new Outbox(8, 10, this.session, this.listener);
        Assert.assertTrue("one message alone is always taken", empty.offer(message("larger than ten bytes")));
    }

    @Test
    public void withdraw_takesAQueuedMessageOut_andSettlesIt() throws Exception {
        OutgoingMessage kept = message("kept");
        OutgoingMessage withdrawn = message("withdrawn");
        this.outbox.offer(withdrawn);
        this.outbox.offer(kept);
        Assert.assertTrue(this.outbox.withdraw(withdrawn));
        Assert.assertFalse("once", this.outbox.withdraw(withdrawn));
        Assert.assertEquals(OutgoingMessage.Outcome.WITHDRAWN, this.outbox.awaitSettled(withdrawn, 0));
        startPublisher();
        this.outbox.setOnline(true);
        Assert.assertEquals(OutgoingMessage.Outcome.PUBLISHED, this.outbox.awaitSettled(kept, Poll.DEADLINE_MS));
        Assert.assertEquals("only the kept message went out", 1, this.session.published().size());
    }

    @Test
    public void stop_withdrawsWhatIsQueued_soNoOneWaitsForIt() throws Exception {
        OutgoingMessage queued = message("queued");
        this.outbox.offer(queued);
        OutgoingMessage[] withdrawn = this.outbox.stop();
        Assert.assertEquals(1, withdrawn.length);
        Assert.assertSame(queued, withdrawn[0]);
        Assert.assertEquals(OutgoingMessage.Outcome.WITHDRAWN, this.outbox.awaitSettled(queued, 0));
        Assert.assertFalse("a stopped outbox takes nothing", this.outbox.offer(message("late"), 0));
    }

    @Test
    public void busyClient_isRetriedAtOnce_notCountedAsAFailure() throws Exception {
        this.session.failNextPublishesBusy(3);
        startPublisher();
        this.outbox.setOnline(true);
        OutgoingMessage copy = message("busy");
        this.outbox.offer(copy);
        Assert.assertEquals(OutgoingMessage.Outcome.PUBLISHED, this.outbox.awaitSettled(copy, Poll.DEADLINE_MS));
        Assert.assertEquals("no failure reported", 0, this.listener.failureCount());
        Assert.assertEquals(0, copy.failedAttempts());
    }

    /** Waits until the publisher has begun to wait, holding messages, {@code count} times. */
    private void awaitHoldingWait(final int count) {
        Poll.until("the publisher waiting with messages queued", new Poll.Condition() {
            @Override
            public boolean holds() {
                return outbox.holdingWaits() >= count;
            }
        });
    }
}
