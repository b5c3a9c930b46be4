package com.relayboard.firmware.path;

import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.DeliveryReceipt;
import com.relayboard.firmware.net.FakeBrokerSession;
import com.relayboard.firmware.net.Lane;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.relay.RelayRule;
import com.relayboard.firmware.text.Bytes;

/**
 * A relayed message's receipt through its states, played on the test's thread as the delivery thread, and the
 * lane its copy carries: no publisher thread runs, so nothing moves but what the test does.
 */
public class RelayReceiptTest {

    private static final RelayRule RULE_1 = new RelayRule(1, "/test/topic1", "/test/topic2", " (relay1)");

    private final FakeBrokerSession session = new FakeBrokerSession();
    private final List<String> reports = new ArrayList<String>();
    private MessagePath path;
    private Outbox outbox;

    @Before
    public void setUp() throws BrokerException {
        this.session.connect();
        this.path = new MessagePath(new Relay(new RelayRule[] { RULE_1 }, 1), 1024, true, "/probe", new PathEvents() {
            @Override
            public synchronized boolean report(MessageReport report) {
                reports.add(report.kind() + " " + report.topic());
                return true;
            }

            @Override
            public void publishRetrying(String topic, String reason) {
            }

            @Override
            public void commandArrived() {
            }

            @Override
            public void connectionLost(String reason, boolean closedByBroker) {
            }
        });
        this.outbox = new Outbox(4, this.session, this.path);
        this.path.publishThrough(this.outbox);
    }

    @After
    public void tearDown() {
        this.outbox.stop();
    }

    @Test
    public void onlineAndEmpty_theCopyIsPublishedOnItsOwnLane_andTheReceiptIsSafe() throws Exception {
        this.outbox.open();
        final List<String> laneTwo = new ArrayList<String>();
        Lane second = new Lane() {
            @Override
            public void publish(String topic, byte[] payload, int qos, boolean retained) {
                laneTwo.add(topic + " " + new String(payload));
            }
        };
        RelayReceipt receipt = (RelayReceipt) this.path.onMessage(second, "/test/topic1", Bytes.ascii("hi"), 1);
        Assert.assertEquals(RelayReceipt.State.REPORTING, receipt.state());
        Assert.assertEquals(DeliveryReceipt.State.SAFE, receipt.awaitSafe(0));
        Assert.assertEquals(RelayReceipt.State.SAFE, receipt.state());
        Assert.assertEquals("[/test/topic2 hi (relay1)]", laneTwo.toString());
        Assert.assertTrue("not on the session's first lane", this.session.publishedTo("/test/topic2").isEmpty());
        Assert.assertEquals("[RELAYED /test/topic1]", this.reports.toString());
    }

    @Test
    public void offline_theCopyWaitsQueued_andAConnectionGoneGivesItBack() throws Exception {
        RelayReceipt receipt = (RelayReceipt) this.path.onMessage(this.session, "/test/topic1", Bytes.ascii("hi"), 1);
        Assert.assertEquals(DeliveryReceipt.State.WAITING, receipt.awaitSafe(0));
        Assert.assertEquals(RelayReceipt.State.AWAITING_ACK, receipt.state());
        Assert.assertEquals(1, this.outbox.size());
        Assert.assertEquals(Outbox.PublisherState.OFFLINE, this.outbox.publisherState());

        receipt.giveBack();
        Assert.assertEquals(RelayReceipt.State.GIVEN_BACK, receipt.state());
        Assert.assertEquals(DeliveryReceipt.State.GIVEN_BACK, receipt.awaitSafe(0));
        Assert.assertEquals("withdrawn from the outbox", 0, this.outbox.size());
        Assert.assertEquals(1, this.path.counters().givenBack());
        Assert.assertEquals("the report came once", "[RELAYED /test/topic1]", this.reports.toString());
    }

    @Test
    public void theBoardStopping_givesTheWaitingCopyBack() throws Exception {
        RelayReceipt receipt = (RelayReceipt) this.path.onMessage(this.session, "/test/topic1", Bytes.ascii("hi"), 1);
        Assert.assertEquals(DeliveryReceipt.State.WAITING, receipt.awaitSafe(0));
        this.path.stop();
        Assert.assertEquals(Outbox.PublisherState.STOPPED, this.outbox.publisherState());
        Assert.assertEquals(DeliveryReceipt.State.GIVEN_BACK, receipt.awaitSafe(0));
        Assert.assertEquals(RelayReceipt.State.GIVEN_BACK, receipt.state());
        Assert.assertEquals(1, this.path.counters().givenBack());
    }
}
