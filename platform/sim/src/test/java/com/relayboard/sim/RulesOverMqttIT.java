package com.relayboard.sim;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * Issue 17 against Debian's mosquitto, with a persistent session: a rule added over MQTT relays within a second; the
 * broker keeps the table, so that it survives a SIGKILL of the board and a SIGKILL of mosquitto (persistence on); a
 * refused table leaves the rules in force relaying.
 */
public class RulesOverMqttIT {

    private static final String CLIENT_ID = "rules-board";
    private static final String SET_TOPIC = "relayboard/" + CLIENT_ID + "/rules/set";
    private static final String STATE_TOPIC = "relayboard/" + CLIENT_ID + "/rules";
    private static final String THREE_HOPS = "{\"rules\": ["
            + "{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (relay1)\"},"
            + "{\"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"suffix\": \" (relay2)\"},"
            + "{\"from\": \"/test/topic3\", \"to\": \"/test/topic4\", \"suffix\": \" (relay3)\"}]}";
    private static final String ADDED = "Rules: 3 in force (rule 3 added: /test/topic3 -> /test/topic4 + \" (relay3)\")";
    /** The bound: a rule added over MQTT relays within a second. */
    private static final long WITHIN_MS = 1000;

    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    private MosquittoBroker mosquitto;

    private void publish(String topic, String payload, boolean retained) throws Exception {
        if (retained) {
            DesktopClients.publishRetained(this.mosquitto.desktopPort(), topic, payload);
        } else {
            DesktopClients.publish(this.mosquitto.desktopPort(), topic, payload);
        }
    }

    private BoardProcess board(String name) throws Exception {
        BoardProcess board = ROOM.boardProcess(name, Map.of("relayboard.mqtt.broker", this.mosquitto.uri(),
                "relayboard.mqtt.clientId", CLIENT_ID, "relayboard.mqtt.cleanSession", "false"));
        board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        return board;
    }

    /** Publishes on /test/topic3 and waits for the third hop's copy on /test/topic4, within {@code timeoutMs}. */
    private void assertThirdHopRelays(String text, long timeoutMs) throws Exception {
        DesktopClients.Subscription copies = DesktopClients.subscribe(this.mosquitto.desktopPort(), "/test/topic4", 1,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        copies.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        publish("/test/topic3", text, false);
        assertEquals(List.of(text + " (relay3)"), copies.awaitMessages(timeoutMs));
    }

    @Test
    public void aRuleAddedOverMqtt_relaysAtOnce_survivesBoardAndBrokerKills_andRefusalsKeepIt() throws Exception {
        this.mosquitto = ROOM.mosquitto(MosquittoBroker.PERSISTENT);
        BoardProcess board = board("rules-first");
        DesktopClients.Subscription kept = DesktopClients.subscribe(this.mosquitto.desktopPort(), STATE_TOPIC, 2,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        kept.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);

        // Added over MQTT: the board says it and relays the new hop within a second of the table.
        publish(SET_TOPIC, THREE_HOPS, true);
        board.awaitLine(ADDED, WITHIN_MS);
        assertThirdHopRelays("added", WITHIN_MS);
        List<String> states = kept.awaitMessages(AbstractRelayIT.TIMEOUT_MS);
        assertEquals("the options' table at connect (retained), then the new one: " + states, 2, states.size());
        assertEquals(true, states.get(1).contains("/test/topic4") && states.get(1).endsWith("\"source\": \"mqtt\"}"));

        // Refused (not retained, so that the broker keeps the good table): the rules in force stay and relay.
        publish(SET_TOPIC, "{\"rules\": [{\"from\": \"/a\", \"to\": \"/b\"}, {\"from\": \"/b\", \"to\": \"/a\"}]}",
                false);
        board.awaitLine("Rules refused, the 3 in force stay: rule 1: \"to\" and rule 2: \"to\" relay in a loop forever",
                AbstractRelayIT.TIMEOUT_MS);
        assertThirdHopRelays("after a refusal", AbstractRelayIT.TIMEOUT_MS);

        // The board killed: the one that starts takes the table from the broker.
        board.kill();
        BoardProcess restarted = board("rules-restarted");
        restarted.awaitLine(ADDED, AbstractRelayIT.TIMEOUT_MS);
        assertThirdHopRelays("after the board's restart", AbstractRelayIT.TIMEOUT_MS);

        // mosquitto killed (it saves every second) and restarted, then the board: the table is still there.
        Thread.sleep(1500); // autosave_interval 1: the table is on disk after a second at most
        restarted.kill();
        this.mosquitto.kill();
        this.mosquitto.restart();
        BoardProcess third = board("rules-after-broker-restart");
        third.awaitLine(ADDED, AbstractRelayIT.TIMEOUT_MS);
        assertThirdHopRelays("after the broker's restart", AbstractRelayIT.TIMEOUT_MS);
    }
}
