package com.relayboard.firmware.net;

import java.util.List;
import java.util.Random;

import org.junit.After;
import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

import com.relayboard.firmware.text.Bytes;

public class MqttLinkTest {

    private static final String BROKER = "tcp://broker.local:1883";
    private static final String STATUS_TOPIC = "relayboard/relayboard-a1b2c3/status";
    private static final String[] FILTERS = { "/test/topic1", "/test/topic2" };

    private FakeBrokerSession session;
    private RecordingLifecycleListener listener;
    private RecordingOutboxListener outboxListener;
    private Outbox outbox;
    private Thread publisher;
    private MqttLink link;

    @Before
    public void setUp() {
        this.session = new FakeBrokerSession();
        this.listener = new RecordingLifecycleListener();
        this.outboxListener = new RecordingOutboxListener();
        this.outbox = new Outbox(8, this.session, this.outboxListener);
        this.link = new MqttLink(this.session, BROKER, FILTERS, 1, STATUS_TOPIC,
                new Backoff(MqttLink.RETRY_INITIAL_MS, MqttLink.RETRY_MAX_MS, new Random(11)), this.outbox,
                this.listener);
    }

    @After
    public void tearDown() {
        this.outbox.stop();
        if (this.publisher != null) {
            Assert.assertTrue("publisher thread did not end", Poll.ended(this.publisher));
        }
    }

    private void connectAt(long nowMs) {
        this.link.step(nowMs, true);
        this.link.step(nowMs, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
    }

    private int count(List<String> items, String item) {
        int count = 0;
        for (String each : items) {
            if (each.equals(item)) {
                count++;
            }
        }
        return count;
    }

    private void assertOnlineAnnouncements(int expected) {
        List<FakeBrokerSession.Published> status = this.session.publishedTo(STATUS_TOPIC);
        Assert.assertEquals("status announcements", expected, status.size());
        for (FakeBrokerSession.Published message : status) {
            Bytes.assertBytes("status payload", Bytes.ascii(MqttLink.ONLINE), message.payload);
            Assert.assertEquals("status QoS", 1, message.qos);
            Assert.assertTrue("status must be retained", message.retained);
        }
    }

    @Test
    public void withoutNetwork_waitsAndDoesNotTryToConnect() {
        for (long t = 0; t < 5000; t += 100) {
            this.link.step(t, false);
        }
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertFalse(this.link.isConnected());
        Assert.assertEquals(0, this.session.connects());
        Assert.assertTrue(this.listener.mqttStates().isEmpty());
    }

    @Test
    public void networkUp_goesConnectingThenConnectedSubscribedAndAnnouncedOnline() {
        this.link.step(0, true);
        Assert.assertEquals(MqttState.CONNECTING, this.link.state());
        Assert.assertEquals("announced before the blocking connect", 0, this.session.connects());
        Assert.assertEquals(BROKER, this.listener.lastMqttDetail());

        this.link.step(0, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertTrue(this.link.isConnected());
        Assert.assertEquals(1, this.link.connections());

        List<String> calls = this.session.calls();
        Assert.assertEquals(4, calls.size());
        Assert.assertEquals("connect", calls.get(0));
        Assert.assertEquals("subscribe /test/topic1 1", calls.get(1));
        Assert.assertEquals("subscribe /test/topic2 1", calls.get(2));
        Assert.assertEquals("publish " + STATUS_TOPIC, calls.get(3));
        assertOnlineAnnouncements(1);

        String detail = this.listener.lastMqttDetail();
        Assert.assertTrue(detail, detail.startsWith(BROKER));
        Assert.assertTrue(detail, detail.indexOf("/test/topic1") >= 0 && detail.indexOf("/test/topic2") >= 0);
    }

    @Test
    public void qosZeroConfiguration_subscribesAtQosZero() {
        MqttLink qos0 = new MqttLink(this.session, BROKER, FILTERS, 0, STATUS_TOPIC,
                new Backoff(1000, 30000, new Random(1)), this.outbox, this.listener);
        qos0.step(0, true);
        qos0.step(0, true);
        Assert.assertTrue(this.session.calls().contains("subscribe /test/topic1 0"));
        assertOnlineAnnouncements(1); // availability stays QoS 1
    }

    @Test
    public void connectionLost_backsOffThenReconnectsResubscribingEveryFilter() {
        connectAt(0);
        this.link.connectionLost("the broker closed the connection", 5000);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals("the broker closed the connection", this.link.lastDisconnectReason());
        long retryAt = this.link.nextActionMs();
        Assert.assertTrue("first reconnect delay " + (retryAt - 5000) + " ms",
                retryAt - 5000 >= 750 && retryAt - 5000 <= 1250);
        Assert.assertTrue(this.listener.lastMqttDetail(),
                this.listener.lastMqttDetail().startsWith("connection lost: the broker closed the connection; retry in"));

        this.link.step(retryAt - 1, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals("no reconnect before the delay", 1, this.session.connects());

        this.link.step(retryAt, true);
        Assert.assertEquals(MqttState.CONNECTING, this.link.state());
        this.link.step(retryAt, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());

        Assert.assertEquals(2, this.link.connections());
        List<String> subscriptions = this.session.subscriptions();
        Assert.assertEquals("every filter on every connect: " + subscriptions, 4, subscriptions.size());
        Assert.assertEquals(2, count(subscriptions, "/test/topic1"));
        Assert.assertEquals(2, count(subscriptions, "/test/topic2"));
        assertOnlineAnnouncements(2);
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail().indexOf("reconnect 1") >= 0);
        Assert.assertEquals("the reason of the last loss is kept", "the broker closed the connection",
                this.link.lastDisconnectReason());
    }

    @Test
    public void everyReconnect_isCountedAndResubscribes() {
        long t = 0;
        connectAt(t);
        for (int loss = 1; loss <= 3; loss++) {
            t += 1000;
            this.link.connectionLost("loss " + loss, t);
            t = this.link.nextActionMs();
            connectAt(t);
            Assert.assertEquals("loss " + loss, this.link.lastDisconnectReason());
        }
        Assert.assertEquals(4, this.link.connections());
        Assert.assertEquals(8, this.session.subscriptions().size());
        assertOnlineAnnouncements(4);
    }

    @Test
    public void refusal_backsOffWithTheReasonAndDisconnects() {
        String reason = "broker refused the connection: bad user name or password";
        this.session.failNextConnects(1, reason, true);
        this.link.step(0, true);
        this.link.step(0, true);

        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals(reason, this.link.lastDisconnectReason());
        Assert.assertEquals(0, this.link.connections());
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail().startsWith(reason + "; retry in"));
        Assert.assertTrue("a failed connect closes the session", this.session.disconnects() >= 1);
        Assert.assertTrue("no subscription without a connection", this.session.subscriptions().isEmpty());
        long retryAt = this.link.nextActionMs();
        Assert.assertTrue(retryAt + " ms", retryAt >= 750 && retryAt <= 1250);

        this.link.step(retryAt, true);
        this.link.step(retryAt, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertEquals(1, this.link.connections());
    }

    @Test
    public void repeatedRefusals_backOffExponentiallyInsteadOfRetryingBusily() {
        this.session.failEveryConnect("broker refused the connection: not authorized", true);
        FakeClock clock = new FakeClock(0);
        for (; clock.nowMs() <= 60000; clock.advance(10)) {
            this.link.step(clock.nowMs(), true);
        }
        int connects = this.session.connects();
        // 1, 2, 4, 8, 16, 30 s apart (within 25 %): 6 or 7 attempts in a minute.
        Assert.assertTrue(connects + " connects in 60 s", connects >= 6 && connects <= 7);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
    }

    @Test
    public void failedSubscribe_backsOffAndDisconnects() {
        this.session.failNextSubscribe("subscribing to /test/topic2 failed: not authorized");
        this.link.step(0, true);
        this.link.step(0, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals("subscribing to /test/topic2 failed: not authorized", this.link.lastDisconnectReason());
        Assert.assertFalse("session left connected", this.session.isConnected());
    }

    @Test
    public void wifiDown_waitsForNetworkDisconnectsAndTakesTheOutboxOffline() {
        this.publisher = new Thread(this.outbox, "test-outbox");
        this.publisher.start();
        connectAt(0);
        this.outbox.offer(new OutgoingMessage("/test/topic2", Bytes.ascii("before"), 1, 1));
        Poll.until("the outbox publishes while connected", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.publishedTo("/test/topic2").size() == 1;
            }
        });

        int disconnectsBefore = this.session.disconnects();
        this.link.step(1000, false);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertFalse(this.link.isConnected());
        Assert.assertEquals(disconnectsBefore + 1, this.session.disconnects());
        Assert.assertEquals("Wi-Fi is down", this.link.lastDisconnectReason());
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK,
                this.listener.mqttStates().get(this.listener.mqttStates().size() - 1));

        // The session is closed; make it look connected so that only the outbox can hold the message back.
        try {
            this.session.connect();
        } catch (BrokerException e) {
            Assert.fail(e.getMessage());
        }
        this.outbox.offer(new OutgoingMessage("/test/topic2", Bytes.ascii("while offline"), 1, 1));
        Poll.sleep(300);
        Assert.assertEquals("published while the link was down", 1, this.session.publishedTo("/test/topic2").size());

        this.link.step(2000, false);
        Assert.assertEquals("stays waiting", MqttState.WAITING_FOR_NETWORK, this.link.state());
        connectAt(3000);
        Poll.until("the queued message is published after the reconnect", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.publishedTo("/test/topic2").size() == 2;
            }
        });
        Bytes.assertBytes("second", Bytes.ascii("while offline"), this.session.publishedTo("/test/topic2").get(1).payload);
        Assert.assertEquals(2, this.link.connections());
    }

    @Test
    public void wifiDownDuringBackoff_waitsForNetwork() {
        this.session.failNextConnects(1, "cannot reach broker broker.local:1883 (connection refused)", false);
        this.link.step(0, true);
        this.link.step(0, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        this.link.step(100, false);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertEquals("the reason of the failed attempt is kept",
                "cannot reach broker broker.local:1883 (connection refused)", this.link.lastDisconnectReason());
    }

    @Test
    public void connectionLostWhileNotConnected_isIgnored() {
        this.link.connectionLost("stale", 0);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertNull(this.link.lastDisconnectReason());
    }
}
