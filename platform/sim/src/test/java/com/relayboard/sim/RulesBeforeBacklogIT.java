package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * Issue 17 item 2, "from its first relayed message on", against Debian's mosquitto with a persistent session: what
 * the broker kept for the board while it was down comes right after the receiving connection's CONNACK, and every
 * message of that backlog must be relayed by the retained table on the rules topic, none by the options' rules.
 */
public class RulesBeforeBacklogIT {

    private static final String CLIENT_ID = "backlog-rules-board";
    private static final String SET_TOPIC = "relayboard/" + CLIENT_ID + "/rules/set";
    /** The options' first hop, with another suffix: a copy says which table made it. */
    private static final String TABLE = "{\"rules\": ["
            + "{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (by the table)\"},"
            + "{\"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"suffix\": \" (relay2)\"}]}";
    private static final String APPLIED = "Rules: 2 in force (rule 1 changed";
    /** Messages published while the board is down. */
    private static final int BACKLOG = 50;

    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    private BoardProcess board(MosquittoBroker mosquitto, String name) throws Exception {
        BoardProcess board = ROOM.boardProcess(name, Map.of("relayboard.mqtt.broker", mosquitto.uri(),
                "relayboard.mqtt.clientId", CLIENT_ID, "relayboard.mqtt.cleanSession", "false",
                "relayboard.mqtt.qos", "1"));
        board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        return board;
    }

    @Test
    public void theBacklogOfAKilledBoard_isRelayedByTheRetainedTable_fromItsFirstMessageOn() throws Exception {
        MosquittoBroker mosquitto = ROOM.mosquitto();
        BoardProcess board = board(mosquitto, "backlog-first");
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                Integer.toString(mosquitto.desktopPort()), "-q", "1", "-r", "-t", SET_TOPIC, "-m", TABLE));
        DesktopClients.runTool(command);
        board.awaitLine(APPLIED, AbstractRelayIT.TIMEOUT_MS);

        // SIGKILL: no goodbye; the broker keeps the persistent session and queues the source's messages for it.
        board.kill();
        List<String> payloads = new ArrayList<>();
        for (int i = 1; i <= BACKLOG; i++) {
            payloads.add("backlog " + i);
        }
        Burst.awaitExit(Burst.publish(mosquitto.desktopPort(), "/test/topic1", 1, payloads),
                AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.Subscription copies = DesktopClients.subscribe(mosquitto.desktopPort(), "/test/topic2",
                BACKLOG, AbstractRelayIT.SUB_TIMEOUT_S, null);
        copies.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);

        BoardProcess restarted = board(mosquitto, "backlog-restarted");
        restarted.awaitLine(APPLIED, AbstractRelayIT.TIMEOUT_MS);
        List<String> relayed = copies.awaitMessages(AbstractRelayIT.SUB_TIMEOUT_S * 1000L + 5000);
        List<String> byOptions = new ArrayList<>();
        for (String copy : relayed) {
            if (!copy.endsWith(" (by the table)")) {
                byOptions.add(copy);
            }
        }
        assertTrue(byOptions.size() + " of the backlog's copies not made by the retained table: " + byOptions
                + "\nboard:\n" + restarted.console(), byOptions.isEmpty());
        assertEquals("every backlog message relayed once: " + relayed, BACKLOG, relayed.size());
        for (int i = 1; i <= BACKLOG; i++) {
            assertTrue("backlog " + i + " missing: " + relayed, relayed.contains("backlog " + i + " (by the table)"));
        }
    }
}
