package com.relayboard.firmware.net;

import java.util.List;
import java.util.Random;

import org.junit.After;
import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

import com.relayboard.firmware.path.Outbox;
import com.relayboard.firmware.path.RecordingOutboxListener;
import com.relayboard.firmware.text.Bytes;
import com.relayboard.firmware.path.OutgoingMessage;

public class MqttLinkTest {

    private static final String BROKER = "tcp://broker.local:1883";
    private static final String STATUS_TOPIC = "relayboard/relayboard-a1b2c3/status";
    private static final String[] FILTERS = { "/test/topic1", "/test/topic2" };
    private static final String CLIENT_ID = "relayboard-a1b2c3";
    private static final String PROBE_TOPIC = "relayboard/relayboard-a1b2c3/probe";
    private static final int KEEPALIVE_S = 30;

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
        this.link = new MqttLink(this.session, BROKER, CLIENT_ID, FILTERS, 1, STATUS_TOPIC, PROBE_TOPIC,
                KEEPALIVE_S, new Backoff(MqttLink.RETRY_INITIAL_MS, MqttLink.RETRY_MAX_MS, new Random(11)),
                this.outbox, this.listener, StepJobRunner.inline());
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
        Assert.assertEquals(calls.toString(), 6, calls.size());
        Assert.assertEquals("connect", calls.get(0));
        // Last rule first, so that the first rule's copies find the second rule's source subscribed.
        Assert.assertEquals("subscribe /test/topic2 1", calls.get(1));
        Assert.assertEquals("subscribe /test/topic1 1", calls.get(2));
        Assert.assertEquals("the probe topic, at QoS 0", "subscribe " + PROBE_TOPIC + " 0", calls.get(3));
        Assert.assertEquals("publish " + STATUS_TOPIC, calls.get(4));
        Assert.assertEquals("publish " + STATUS_TOPIC + "/detail", calls.get(5));
        assertOnlineAnnouncements(1);
        Bytes.assertBytes("detail", Bytes.ascii("reconnects 0; last disconnect: none"),
                this.session.publishedTo(STATUS_TOPIC + "/detail").get(0).payload);

        String detail = this.listener.lastMqttDetail();
        Assert.assertTrue(detail, detail.startsWith(BROKER));
        Assert.assertTrue(detail, detail.indexOf("/test/topic1") >= 0 && detail.indexOf("/test/topic2") >= 0);
    }

    @Test
    public void qosZeroConfiguration_subscribesAtQosZero() {
        MqttLink qos0 = new MqttLink(this.session, BROKER, CLIENT_ID, FILTERS, 0, STATUS_TOPIC, PROBE_TOPIC,
                KEEPALIVE_S, new Backoff(1000, 30000, new Random(1)), this.outbox, this.listener,
                StepJobRunner.inline());
        qos0.step(0, true);
        qos0.step(0, true);
        Assert.assertTrue(this.session.calls().contains("subscribe /test/topic1 0"));
        assertOnlineAnnouncements(1); // availability stays QoS 1
    }

    @Test
    public void connectionLost_backsOffThenReconnectsResubscribingEveryFilter() {
        connectAt(0);
        this.link.connectionLost("the broker closed the connection", false, 5000);
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
        Assert.assertEquals("every filter and the probe topic on every connect: " + subscriptions, 6,
                subscriptions.size());
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
            this.link.connectionLost("loss " + loss, false, t);
            t = this.link.nextActionMs();
            connectAt(t);
            Assert.assertEquals("loss " + loss, this.link.lastDisconnectReason());
        }
        Assert.assertEquals(4, this.link.connections());
        Assert.assertEquals(12, this.session.subscriptions().size());
        Assert.assertEquals(4, count(this.session.subscriptions(), PROBE_TOPIC));
        assertOnlineAnnouncements(4);
    }

    @Test
    public void refusal_backsOffWithTheReasonAndDisconnects() {
        String reason = "broker refused the connection: bad user name or password";
        this.session.failNextConnects(1, reason, true);
        this.link.step(0, true);
        this.link.step(0, true);

        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertNull("a refused attempt is no disconnect", this.link.lastDisconnectReason());
        Assert.assertEquals(0, this.link.connections());
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail().startsWith(reason + "; retry in"));
        Assert.assertTrue("a failed connect gives the session up", this.session.abandons() >= 1);
        Assert.assertEquals("without a polite disconnect, which could wait on a dying link", 0,
                this.session.disconnects());
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
    public void failedSubscribe_backsOffAndAbandonsTheConnection() {
        this.session.failNextSubscribe("subscribing to /test/topic2 failed: not authorized");
        this.link.step(0, true);
        this.link.step(0, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertTrue(this.listener.lastMqttDetail(),
                this.listener.lastMqttDetail().startsWith("subscribing to /test/topic2 failed: not authorized; retry in"));
        Assert.assertNull(this.link.lastDisconnectReason());
        Assert.assertFalse("session left connected", this.session.isConnected());
        Assert.assertEquals("given up, not politely disconnected", 1, this.session.abandons());
        Assert.assertEquals(0, this.session.disconnects());
    }

    @Test
    public void controlTopicSubscribedFirst_andItsRefusalLeavesTheRelayConnected() {
        String ledTopic = "relayboard/" + CLIENT_ID + "/led/set";
        this.link.subscribeFirst(ledTopic);
        this.session.failNextSubscribe("broker refused the subscription to " + ledTopic + " (not authorized to read it)");
        this.link.step(0, true);
        this.link.step(0, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertEquals("subscribe " + ledTopic + " 1", this.session.calls().get(1));
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail().contains(
                "; not subscribed to " + ledTopic + ": broker refused the subscription to " + ledTopic));
        for (String filter : FILTERS) {
            Assert.assertTrue(this.session.subscriptions().contains(filter));
        }
    }

    @Test
    public void settingsTheSessionCouldNotTake_areSaidOnTheStateLine_andTheRelayConnects() {
        String rulesTopic = "relayboard/" + CLIENT_ID + "/rules/set";
        String refusal = "not subscribed to " + rulesTopic + ": broker refused the subscription to " + rulesTopic
                + " (not authorized to read it)";
        this.session.noticeOnConnect(refusal);
        this.link.step(0, true);
        this.link.step(0, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail().endsWith("; " + refusal));
        for (String filter : FILTERS) {
            Assert.assertTrue(this.session.subscriptions().contains(filter));
        }
        Assert.assertFalse("the session's settings are never also subscribed by the link",
                this.session.subscriptions().contains(rulesTopic));
    }

    @Test
    public void wifiDown_waitsForNetworkDisconnectsAndTakesTheOutboxOffline() {
        this.outbox.start();
        this.publisher = this.outbox.publisher();
        connectAt(0);
        this.outbox.offer(new OutgoingMessage("/test/topic2", Bytes.ascii("before"), 1, 1));
        Poll.until("the outbox publishes while connected", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.publishedTo("/test/topic2").size() == 1;
            }
        });

        int abandonsBefore = this.session.abandons();
        this.link.step(1000, false);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertFalse(this.link.isConnected());
        Assert.assertEquals("the dead connection is given up, not politely closed", abandonsBefore + 1,
                this.session.abandons());
        Assert.assertEquals("Wi-Fi is down", this.link.lastDisconnectReason());
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK,
                this.listener.mqttStates().get(this.listener.mqttStates().size() - 1));

        // The session is closed; make it look connected so that only the outbox can hold the message back.
        try {
            this.session.connect();
        } catch (BrokerException e) {
            Assert.fail(e.getMessage());
        }
        final int holdingBefore = this.outbox.holdingWaits();
        this.outbox.offer(new OutgoingMessage("/test/topic2", Bytes.ascii("while offline"), 1, 1));
        Poll.until("the publisher holding the message", new Poll.Condition() {
            @Override
            public boolean holds() {
                return outbox.holdingWaits() > holdingBefore;
            }
        });
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
        Assert.assertNull("no connection ended: a failed attempt is not a disconnect", this.link.lastDisconnectReason());
    }

    @Test
    public void connectionLostWhileNotConnected_isIgnored() {
        this.link.connectionLost("stale", false, 0);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.link.state());
        Assert.assertNull(this.link.lastDisconnectReason());
    }

    // ------------------------------------------------------------------ dead links

    /** Connects at {@code nowMs} and takes the first step after it, from which silence is measured. */
    private void connectAndStartLivenessAt(long nowMs) {
        connectAt(nowMs);
        this.link.step(nowMs, true);
    }

    @Test
    public void silentBroker_isProbedAtHalfAKeepalive_andGivenUpAfterAWholeOne() {
        connectAndStartLivenessAt(0);
        Assert.assertEquals("wakes for the probe", 15000, this.link.nextActionMs());
        this.link.step(14999, true);
        Assert.assertEquals(0, this.session.publishedTo(PROBE_TOPIC).size());

        this.link.step(15000, true);
        List<FakeBrokerSession.Published> probes = this.session.publishedTo(PROBE_TOPIC);
        Assert.assertEquals("one probe", 1, probes.size());
        Assert.assertEquals("probes are QoS 0", 0, probes.get(0).qos);
        Assert.assertFalse(probes.get(0).retained);
        Assert.assertEquals("wakes to give the link up", 30000, this.link.nextActionMs());
        this.link.step(20000, true);
        Assert.assertEquals("one probe per silence", 1, this.session.publishedTo(PROBE_TOPIC).size());

        this.link.step(29999, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        this.link.step(30000, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals("given up without waiting for the dead link", 1, this.session.abandons());
        Assert.assertEquals("no answer from the broker for 30.0 s (keepalive 30.0 s): the link is dead",
                this.link.lastDisconnectReason());
        Assert.assertTrue(this.listener.lastMqttDetail(),
                this.listener.lastMqttDetail().startsWith("no answer from the broker for 30.0 s"));

        // And it reconnects by itself, resubscribing.
        long retryAt = this.link.nextActionMs();
        Assert.assertTrue("retry in " + (retryAt - 30000) + " ms", retryAt - 30000 >= 750 && retryAt - 30000 <= 1250);
        connectAt(retryAt);
        Assert.assertEquals(2, this.link.connections());
        Assert.assertEquals(2, count(this.session.subscriptions(), "/test/topic1"));
    }

    @Test
    public void anythingHeard_keepsTheLinkAlive_andAnsweredProbesDoNotEndIt() {
        connectAndStartLivenessAt(0);
        // Traffic every 10 s: never silent for half a keepalive, so no probe at all.
        for (long t = 10000; t <= 120000; t += 10000) {
            this.link.heard(t);
            this.link.step(t, true);
        }
        Assert.assertEquals(0, this.session.publishedTo(PROBE_TOPIC).size());
        // Idle: a probe every half keepalive, each answered 200 ms later.
        long t = 120000;
        for (int probe = 1; probe <= 4; probe++) {
            t += 15000;
            this.link.step(t, true);
            Assert.assertEquals(probe, this.session.publishedTo(PROBE_TOPIC).size());
            this.link.heard(t + 200);
            t += 200;
        }
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertEquals(0, this.session.abandons());
    }

    @Test
    public void silenceIsCountedFromTheFirstStepAfterTheConnect_notFromBeforeASlowConnect() {
        connectAt(0);
        // The connect blocked for 40 s (longer than the keepalive): the next step starts the count.
        this.link.step(40000, true);
        this.link.step(40001, true);
        Assert.assertEquals(MqttState.CONNECTED, this.link.state());
        Assert.assertEquals(55000, this.link.nextActionMs());
    }

    @Test
    public void failedProbe_givesTheLinkUp() {
        connectAndStartLivenessAt(0);
        this.session.failNextPublishes(1, "publishing to " + PROBE_TOPIC + " failed: not connected");
        this.link.step(15000, true);
        Assert.assertEquals(MqttState.BACKOFF, this.link.state());
        Assert.assertEquals(1, this.session.abandons());
        Assert.assertEquals("probing the link failed: publishing to " + PROBE_TOPIC + " failed: not connected",
                this.link.lastDisconnectReason());
    }

    @Test
    public void keepaliveZero_neverProbes() {
        MqttLink quiet = new MqttLink(this.session, BROKER, CLIENT_ID, FILTERS, 1, STATUS_TOPIC, PROBE_TOPIC, 0,
                new Backoff(1000, 30000, new Random(1)), this.outbox, this.listener, StepJobRunner.inline());
        quiet.step(0, true);
        quiet.step(0, true);
        quiet.step(0, true);
        Assert.assertEquals(Long.MAX_VALUE, quiet.nextActionMs());
        quiet.step(600000, true);
        Assert.assertEquals(MqttState.CONNECTED, quiet.state());
        Assert.assertEquals(0, this.session.publishedTo(PROBE_TOPIC).size());
        Assert.assertEquals(0, count(this.session.subscriptions(), PROBE_TOPIC));
    }

    // ------------------------------------------------------------------ reconnect count and last reason

    @Test
    public void detailTopic_saysHowManyReconnectsAndWhyTheLastConnectionEnded() {
        connectAndStartLivenessAt(0);
        this.link.connectionLost("the broker closed the connection", true, 100000);
        connectAt(this.link.nextActionMs());
        List<FakeBrokerSession.Published> details = this.session.publishedTo(STATUS_TOPIC + "/detail");
        Assert.assertEquals(2, details.size());
        Bytes.assertBytes("after the reconnect",
                Bytes.ascii("reconnects 1; last disconnect: the broker closed the connection"), details.get(1).payload);
        Assert.assertTrue("retained", details.get(1).retained);
        Assert.assertEquals(1, details.get(1).qos);
        Assert.assertEquals(1, this.link.reconnects());
        Assert.assertEquals("reconnects 1; last disconnect: the broker closed the connection", this.link.detail());
        String line = this.listener.lastMqttDetail();
        Assert.assertTrue(line, line.endsWith("(reconnect 1), last disconnect: the broker closed the connection"));
    }

    // ------------------------------------------------------------------ client id takeover

    @Test
    public void brokerClosingEveryConnectionSoonAfterItOpened_isSaidAndBackedOffLonger() {
        long t = 0;
        connectAndStartLivenessAt(t);
        long[] delays = new long[MqttLink.TAKEOVER_LOSSES];
        for (int loss = 1; loss <= MqttLink.TAKEOVER_LOSSES; loss++) {
            t += 1500;
            this.link.connectionLost("the broker closed the connection", true, t);
            delays[loss - 1] = this.link.nextActionMs() - t;
            if (loss < MqttLink.TAKEOVER_LOSSES) {
                Assert.assertTrue("a normal delay before the suspicion: " + delays[loss - 1],
                        delays[loss - 1] <= 1250);
                Assert.assertTrue(this.listener.lastMqttDetail(),
                        this.listener.lastMqttDetail().indexOf("client id") < 0);
                t = this.link.nextActionMs();
                connectAndStartLivenessAt(t);
            }
        }
        String said = this.listener.lastMqttDetail();
        Assert.assertTrue(said, said.startsWith("another client uses this client id (" + CLIENT_ID + ")? The broker "
                + "closed the last 3 connections soon after they opened (the broker closed the connection); retry in "));
        Assert.assertEquals("the reason itself stays plain", "the broker closed the connection",
                this.link.lastDisconnectReason());
        long penalty = delays[MqttLink.TAKEOVER_LOSSES - 1];
        Assert.assertTrue("longer than any normal delay (cap 30 s): " + penalty,
                penalty > MqttLink.RETRY_MAX_MS && penalty <= 2500 * (MqttLink.RETRY_MAX_MS / 1000));

        // Still kicked off soon after each reconnect: still the long delay.
        t = this.link.nextActionMs();
        connectAndStartLivenessAt(t);
        t += 2000;
        this.link.connectionLost("the broker closed the connection", true, t);
        Assert.assertTrue(this.link.nextActionMs() - t > MqttLink.RETRY_MAX_MS);

        // A connection that lasts ends the suspicion: the next loss backs off normally again.
        t = this.link.nextActionMs();
        connectAndStartLivenessAt(t);
        for (long step = t + 10000; step < t + 200000; step += 10000) {
            this.link.heard(step);
            this.link.step(step, true);
        }
        t += 200000;
        this.link.connectionLost("the broker closed the connection", true, t);
        Assert.assertTrue(this.link.nextActionMs() - t <= 1250);
        Assert.assertTrue(this.listener.lastMqttDetail().indexOf("client id") < 0);
    }

    @Test
    public void connectionsEndedOtherwise_doNotLookLikeATakeover() {
        long t = 0;
        connectAndStartLivenessAt(t);
        for (int loss = 1; loss <= 6; loss++) {
            t += 1500;
            // Reset, or timed out: the network, not another client.
            this.link.connectionLost("Connection reset", false, t);
            Assert.assertTrue(this.link.nextActionMs() - t <= 1250);
            t = this.link.nextActionMs();
            connectAndStartLivenessAt(t);
        }
        Assert.assertTrue(this.listener.lastMqttDetail().indexOf("client id") < 0);
    }

    // ------------------------------------------------------------------ the connect attempt runs off the loop

    private MqttLink linkOn(JobRunner worker) {
        return new MqttLink(this.session, BROKER, CLIENT_ID, FILTERS, 1, STATUS_TOPIC, PROBE_TOPIC, KEEPALIVE_S,
                new Backoff(MqttLink.RETRY_INITIAL_MS, MqttLink.RETRY_MAX_MS, new Random(11)), this.outbox,
                this.listener, worker);
    }

    @Test
    public void aConnectAttempt_isPolledByTheSteps_neverWaitedFor() {
        StepJobRunner worker = StepJobRunner.holding();
        MqttLink polled = linkOn(worker);
        polled.step(0, true);
        polled.step(0, true);
        Assert.assertEquals("handed to the worker", 1, worker.heldJobs());
        Assert.assertEquals("nothing done on the loop's thread", 0, this.session.connects());
        Assert.assertEquals(MqttState.CONNECTING, polled.state());
        Assert.assertEquals("polled soon", MqttLink.ATTEMPT_POLL_MS, polled.nextActionMs());
        polled.step(20, true);
        Assert.assertEquals("one attempt at a time", 1, worker.heldJobs());

        worker.runHeld();
        polled.step(40, true);
        Assert.assertEquals(MqttState.CONNECTED, polled.state());
        Assert.assertEquals(1, this.session.connects());
        for (String filter : FILTERS) {
            Assert.assertTrue(filter, this.session.subscriptions().contains(filter));
        }
    }

    @Test
    public void anAttemptGivenUpByAWifiLoss_leavesTheOutboxOffline_andItsOutcomeIsIgnored() {
        StepJobRunner worker = StepJobRunner.holding();
        MqttLink polled = linkOn(worker);
        polled.step(0, true);
        polled.step(0, true);
        polled.step(10, false);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, polled.state());
        Assert.assertEquals("the attempt's clients are given up", 1, this.session.abandons());

        worker.runHeld();
        Assert.assertEquals("an attempt given up before the worker ran it does not connect", 0, this.session.connects());
        Assert.assertFalse("a given-up attempt does not put the outbox online", this.outbox.isOnline());
        polled.step(20, false);
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, polled.state());
        Assert.assertEquals(0, polled.connections());
    }

    @Test
    public void anAttemptWithNoOutcome_isGivenUpAfterTheAttemptTimeout() {
        StepJobRunner worker = StepJobRunner.holding();
        MqttLink polled = linkOn(worker);
        polled.step(0, true);
        polled.step(0, true);
        polled.step(MqttLink.ATTEMPT_TIMEOUT_MS - 1, true);
        Assert.assertEquals(MqttState.CONNECTING, polled.state());
        polled.step(MqttLink.ATTEMPT_TIMEOUT_MS, true);
        Assert.assertEquals(MqttState.BACKOFF, polled.state());
        Assert.assertTrue(this.listener.lastMqttDetail(), this.listener.lastMqttDetail()
                .startsWith("no answer from the broker for 60.0 s while connecting; retry in "));
        Assert.assertEquals(1, this.session.abandons());
    }

    @Test
    public void anAttemptGivenUp_isInterruptedOnTheWorker_soThatACallWithoutTimeoutCannotHoldItForEver() {
        StepJobRunner worker = StepJobRunner.holding();
        MqttLink polled = linkOn(worker);
        polled.step(0, true);
        polled.step(0, true);
        Assert.assertEquals(1, worker.heldJobs());
        Runnable attempt = worker.heldJobList().get(0);
        Assert.assertTrue("nothing interrupted while the attempt may still answer", worker.interruptsAsked().isEmpty());
        polled.step(MqttLink.ATTEMPT_TIMEOUT_MS, true);
        Assert.assertEquals(MqttState.BACKOFF, polled.state());
        Assert.assertEquals("one interrupt asked", 1, worker.interruptsAsked().size());
        Assert.assertSame("for the given-up attempt", attempt, worker.interruptsAsked().get(0));
    }

    @Test
    public void anAttemptDeliveringABacklog_isNotGivenUp() {
        StepJobRunner worker = StepJobRunner.holding();
        MqttLink polled = linkOn(worker);
        polled.step(0, true);
        polled.step(0, true);
        // The backlog of a persistent session comes before the SUBACKs: the broker is heard all along.
        long nowMs = 0;
        while (nowMs < 3 * MqttLink.ATTEMPT_TIMEOUT_MS) {
            nowMs += 1000;
            polled.heard(nowMs);
            polled.step(nowMs, true);
        }
        Assert.assertEquals(MqttState.CONNECTING, polled.state());
        worker.runHeld();
        polled.step(nowMs, true);
        Assert.assertEquals(MqttState.CONNECTED, polled.state());
        Assert.assertEquals(0, this.session.abandons());
    }
}
