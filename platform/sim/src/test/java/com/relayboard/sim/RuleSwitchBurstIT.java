package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * Issue 17: a rule table changed in the middle of a 2,000-message QoS 1 burst (persistent session, Debian's
 * mosquitto) loses none of the messages that both tables relay; then the telemetry document's counts match what a
 * desktop subscriber saw on the target.
 */
public class RuleSwitchBurstIT {

    private static final int MESSAGES = 2000;
    private static final long BURST_TIMEOUT_MS = 120000;
    private static final String CLIENT_ID = "relayboard-rule-switch";
    /** Both hops as the options have them, and a third: every message of the burst is relayed by both tables. */
    private static final String THREE_HOPS = "{\"rules\": ["
            + "{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (relay1)\"},"
            + "{\"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"suffix\": \" (relay2)\"},"
            + "{\"from\": \"/test/topic3\", \"to\": \"/test/topic4\", \"suffix\": \" (relay3)\"}]}";

    @Rule
    // Two lanes: the third rule's new source joins lane 1 while the other lane carries rule 2's copies.
    public final BurstFixture fixture = new BurstFixture().with("relayboard.telemetry.periodS", "0")
            .with("relayboard.mqtt.lanes", "2");

    @Test
    public void aTableChangedMidBurst_losesNothingBothRelay_andTheTelemetryMatchesTheSubscriber() throws Exception {
        this.fixture.start(CLIENT_ID, 1, true, "max_queued_messages 10000");
        RelayBoard board = this.fixture.board;
        DesktopPaho.Counter topic3 = this.fixture.topic3;

        List<String> payloads = Burst.payloads("switch", MESSAGES);
        Process publisher = Burst.publish(this.fixture.port(), Burst.TOPIC1, 1, payloads);
        Poll.until(BURST_TIMEOUT_MS, () -> topic3.distinct() >= MESSAGES / 4, () -> "burst started: " + board.status());
        DesktopClients.publish(this.fixture.port(), "relayboard/" + CLIENT_ID + "/rules/set", THREE_HOPS);
        this.fixture.console.awaitLineContaining("Rules: 3 in force (rule 3 added", AbstractRelayIT.TIMEOUT_MS);
        int atSwitch = topic3.distinct();
        Burst.awaitExit(publisher, BURST_TIMEOUT_MS);
        boolean all = topic3.awaitDistinct(MESSAGES, BURST_TIMEOUT_MS);
        String report = topic3.distinct() + " of " + MESSAGES + " on topic3 (" + atSwitch + " at the switch, "
                + topic3.duplicates() + " duplicates); board: " + board.status();
        System.err.println("[rule switch burst] " + report);
        assertTrue("missing " + topic3.missing(Burst.relayed(payloads)).size() + ": " + report, all);
        assertTrue("the table came mid-burst: " + report, atSwitch < MESSAGES);
        Burst.awaitSettledCounters(board, AbstractRelayIT.TIMEOUT_MS);

        DesktopClients.Subscription telemetry = DesktopClients.subscribe(this.fixture.port(),
                "relayboard/" + CLIENT_ID + "/telemetry", 1, AbstractRelayIT.SUB_TIMEOUT_S, null);
        telemetry.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(this.fixture.port(), "relayboard/" + CLIENT_ID + "/telemetry/get", "now");
        List<String> documents = telemetry.awaitMessages(AbstractRelayIT.TIMEOUT_MS);
        assertEquals(documents.toString(), 1, documents.size());
        String json = documents.get(0);
        System.err.println("[rule switch burst] telemetry: " + json);
        Matcher rule2 = Pattern.compile("\\{\"rule\": 2, [^}]*\"received\": (\\d+), \"relayed\": (\\d+), \"dropped\": \\{\\},"
                + " \"inFlight\": 0, \"ackMsP50\": \\d+, \"ackMsP99\": \\d+\\}").matcher(json);
        assertTrue(json, rule2.find());
        int seen = topic3.distinct() + topic3.duplicates();
        assertEquals("rule 2's copies acknowledged = what the subscriber got on topic3: " + json, seen,
                Integer.parseInt(rule2.group(2)));
        assertEquals("rule 2 received what it relayed: " + json, rule2.group(1), rule2.group(2));
        assertTrue(json, json.contains("\"rulesSource\": \"mqtt\""));
    }
}
