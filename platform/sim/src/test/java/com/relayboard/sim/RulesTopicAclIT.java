package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * The rules topic under a broker's ACL, now that the board takes it on its first lane's publishing connection
 * (client id plus {@code -pub}) before its receiving connections connect: the README's ACL lines (keyed on the
 * board's user name, {@code %u}) let it take its table; an ACL that denies the topic stops nothing.
 */
public class RulesTopicAclIT {

    private static final String CLIENT_ID = "acl-board";
    private static final String PASSWORD = "acl-board-password";
    private static final String SET_TOPIC = "relayboard/" + CLIENT_ID + "/rules/set";
    private static final String TABLE = "{\"rules\": ["
            + "{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (by the table)\"},"
            + "{\"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"suffix\": \" (relay2)\"}]}";
    /** The README's lines for the board's own rules topics, as it gives them. */
    private static final String[] README_RULES_LINES = { "pattern read relayboard/%u/rules/set",
            "pattern write relayboard/%u/rules", "pattern write relayboard/%u/rules/refused" };

    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    /** Anonymous desktop clients may do everything; the board's user its sources, targets and other own topics. */
    private static MosquittoBroker mosquitto(String... rulesLines) throws Exception {
        List<String> acl = new ArrayList<>(List.of("topic readwrite #", "user " + CLIENT_ID, "topic readwrite /test/#",
                "topic readwrite relayboard/" + CLIENT_ID + "/status",
                "topic readwrite relayboard/" + CLIENT_ID + "/status/detail",
                "topic readwrite relayboard/" + CLIENT_ID + "/led/#",
                "topic readwrite relayboard/" + CLIENT_ID + "/probe",
                "topic readwrite relayboard/" + CLIENT_ID + "/telemetry/#"));
        acl.addAll(List.of(rulesLines));
        return ROOM.mosquitto(new MosquittoBroker.Options().user(CLIENT_ID, PASSWORD).acl(acl.toArray(new String[0])));
    }

    private static BoardProcess board(MosquittoBroker mosquitto, String name) throws Exception {
        return ROOM.boardProcess(name, Map.of("relayboard.mqtt.broker", mosquitto.uri(), "relayboard.mqtt.clientId",
                CLIENT_ID, "relayboard.mqtt.username", CLIENT_ID, "relayboard.mqtt.password", PASSWORD,
                "relayboard.mqtt.cleanSession", "false", "relayboard.mqtt.qos", "1"));
    }

    private static List<String> relayOnce(MosquittoBroker mosquitto, String text) throws Exception {
        DesktopClients.Subscription copies = DesktopClients.subscribe(mosquitto.desktopPort(), "/test/topic2", 1,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        copies.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(mosquitto.desktopPort(), "/test/topic1", text);
        return copies.awaitMessages(AbstractRelayIT.TIMEOUT_MS);
    }

    @Test
    public void theReadmeAclLines_letTheBoardTakeItsRetainedTable() throws Exception {
        MosquittoBroker mosquitto = mosquitto(README_RULES_LINES);
        DesktopClients.runTool(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                Integer.toString(mosquitto.desktopPort()), "-q", "1", "-r", "-t", SET_TOPIC, "-m", TABLE));
        BoardProcess board = board(mosquitto, "acl-readme");
        board.awaitLine("Rules: 2 in force (rule 1 changed", AbstractRelayIT.TIMEOUT_MS);
        board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        assertEquals(0, board.count("not subscribed to"));
        assertEquals(List.of("under the README's ACL (by the table)"), relayOnce(mosquitto, "under the README's ACL"));
        DesktopClients.Subscription kept = DesktopClients.subscribe(mosquitto.desktopPort(),
                "relayboard/" + CLIENT_ID + "/rules", 1, AbstractRelayIT.SUB_TIMEOUT_S, null);
        String state = kept.awaitMessages(AbstractRelayIT.TIMEOUT_MS).get(0);
        assertTrue("the board may write its table in force: " + state, state.contains("(by the table)")
                && state.endsWith("\"source\": \"mqtt\"}"));
        board.kill();
    }

    /**
     * Debian's mosquitto grants a subscription its ACL denies (SUBACK with the QoS) and then delivers nothing on it,
     * so the board cannot tell; a broker that answers SUBACK 0x80 has the refusal said on the state line
     * ({@code MqttLinkTest}). Either way nothing stops: the barrier on the probe topic still comes back at once, and
     * the options' rules relay.
     */
    @Test
    public void anAclThatDeniesTheRulesTopic_stopsNothing_andTheOptionsRelay() throws Exception {
        MosquittoBroker mosquitto = mosquitto();
        DesktopClients.runTool(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                Integer.toString(mosquitto.desktopPort()), "-q", "1", "-r", "-t", SET_TOPIC, "-m", TABLE));
        BoardProcess board = board(mosquitto, "acl-denied");
        board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        assertEquals("the barrier came back: " + board.console(), 0, board.count("were not confirmed"));
        assertEquals(List.of("denied rules (relay1)"), relayOnce(mosquitto, "denied rules"));
        assertEquals("no table was taken", 0, board.count("Rules: 2 in force"));
        board.kill();
    }
}
