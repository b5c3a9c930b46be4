package com.relayboard.sim;

import static com.relayboard.sim.BoardRoom.TIMEOUT_MS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.host.paho.mqttv3.IMqttDeliveryToken;
import com.relayboard.host.paho.mqttv3.MqttCallback;
import com.relayboard.host.paho.mqttv3.MqttClient;
import com.relayboard.host.paho.mqttv3.MqttException;
import com.relayboard.host.paho.mqttv3.MqttMessage;

/**
 * The web companion's Rules and Telemetry sections (issue 17, item 5), loaded in Debian's headless Chromium against
 * Debian's mosquitto with a WebSockets listener.
 *
 * <p><b>The board here is a stand-in</b> ({@link BoardStandIn}): a Paho client that plays the board's MQTT side of
 * {@code notes/rules-spec.md} (the wire format), scripted by the test, because the board's side of the rules lands
 * separately (branch {@code rules}). It does not check tables: the test decides whether it applies one (the table
 * published retained on {@code rules}, with {@code "source": "mqtt"}) or refuses it (a reason on
 * {@code rules/refused}), so what is tested is the page: the exact command it publishes, and what it shows of the
 * board's answers. The end-to-end run with the real board (a rule added from the page relaying, a loop refused by the
 * board's own checks) is {@link WebCompanionRulesBoardIT}.
 */
public class WebCompanionRulesIT {

    private static final String BOARD_ID = "relayboard-5f1a2c";
    private static final String RULES = "relayboard/" + BOARD_ID + "/rules";
    private static final String RULES_SET = RULES + "/set";
    private static final String RULES_REFUSED = RULES + "/refused";
    private static final String TELEMETRY = "relayboard/" + BOARD_ID + "/telemetry";
    private static final String TELEMETRY_GET = TELEMETRY + "/get";

    private static final String HOP1 = "{\"from\":\"/test/topic1\",\"to\":\"/test/topic2\",\"suffix\":\" (relay1)\"}";
    private static final String HOP2 = "{\"from\":\"/test/topic2\",\"to\":\"/test/topic3\",\"suffix\":\" (relay2)\"}";
    private static final String HOP3 = "{\"from\":\"/test/topic3\",\"to\":\"/test/topic4\",\"suffix\":\" (relay3)\"}";
    /** The third hop sent back to the start: topic1 -> 2 -> 3 -> 1 -> ... */
    private static final String LOOP3 = "{\"from\":\"/test/topic3\",\"to\":\"/test/topic1\",\"suffix\":\" (relay3)\"}";
    /** The second hop's suffix changed, in Chinese and with quotes: JSON escapes and UTF-8 both. */
    private static final String HOP2_CHANGED = "{\"from\":\"/test/topic2\",\"to\":\"/test/topic3\","
            + "\"suffix\":\" (\u4E2D\u7EE7 \\\"2\\\")\"}";

    /** The first telemetry document, as in the spec's example. */
    private static final String TELEMETRY_1 = "{\"uptimeS\": 3600, \"freeHeapB\": 412345, \"reconnects\": 2, "
            + "\"lastDisconnect\": \"broker closed the connection\", \"consoleSkipped\": 0, \"loopFaults\": 0, "
            + "\"rulesSource\": \"options\", \"rules\": ["
            + "{\"rule\": 1, \"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"received\": 120, \"relayed\": 118,"
            + " \"dropped\": {\"too large\": 1, \"empty\": 1}, \"inFlight\": 0, \"ackMsP50\": 3, \"ackMsP99\": 12},"
            + "{\"rule\": 2, \"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"received\": 0, \"relayed\": 0,"
            + " \"dropped\": {}, \"inFlight\": 0, \"ackMsP50\": null, \"ackMsP99\": null}]}";
    /** The one the stand-in answers {@code telemetry/get} with: later, other figures. */
    private static final String TELEMETRY_2 = "{\"uptimeS\": 3725, \"freeHeapB\": 409876, \"reconnects\": 3, "
            + "\"lastDisconnect\": \"no PINGRESP in time\", \"consoleSkipped\": 4, \"loopFaults\": 1, "
            + "\"rulesSource\": \"mqtt\", \"rules\": ["
            + "{\"rule\": 1, \"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"received\": 131, \"relayed\": 127,"
            + " \"dropped\": {\"too large\": 1, \"empty\": 1}, \"inFlight\": 2, \"ackMsP50\": 4, \"ackMsP99\": 15}]}";

    /** The broker, the stand-in and the page's server: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    private static MosquittoBroker broker;
    private static BoardStandIn board;
    private static WebCompanion companion;

    @BeforeClass
    public static void boot() throws Exception {
        broker = ROOM.mosquitto(new MosquittoBroker.Options().websocketListener());
        board = ROOM.client(new BoardStandIn(broker.port()));
        companion = new WebCompanion(BrowserPage.WEB_DIR);
        ROOM.closing(companion::stop);
        companion.start(EmbeddedBroker.freePort());
    }

    private static String table(String... rules) {
        return "{\"rules\":[" + String.join(",", rules) + "]}";
    }

    @Test
    public void page_appliesAThirdHop_showsARefusalKeepingTheOldRules_andShowsTelemetryOnRequest() throws Exception {
        // The board as it connects with no retained table: its options' rules, and its telemetry.
        board.publishRetained("relayboard/" + BOARD_ID + "/status", "online");
        board.applied(table(HOP1, HOP2), "options");
        board.publishRetained(TELEMETRY, TELEMETRY_1);

        try (BrowserPage page = BrowserPage.open(companion.pageUri(broker.websocketUri(), BOARD_ID))) {
            page.awaitText("#board-status", "online");

            // The rules in force, and where they come from; the editor holds them, in step.
            page.awaitText("#rules-source", "2 rules, from the board's options");
            String inForce = page.rulesInForce();
            assertTrue(inForce, inForce.contains("\"rules\":[" + HOP1 + "," + HOP2 + "]"));
            page.awaitText("#rules-edit-state", "in step");
            page.awaitText("#rules-set-topic", RULES_SET);

            // The telemetry, as the board published it.
            page.awaitText("#tm-uptime", "1 h 0 min 0 s (3600 s)");
            page.awaitText("#telemetry-received", "Document 1 received");
            String shown = page.telemetry();
            assertTrue(shown, shown.contains("\"heap\":\"412345 B\",\"reconnects\":\"2\","
                    + "\"lastDisconnect\":\"broker closed the connection\",\"consoleSkipped\":\"0\",\"loopFaults\":\"0\","
                    + "\"rulesSource\":\"the board's options\""));
            assertTrue(shown, shown.contains("[\"1\",\"/test/topic1 \u2192 /test/topic2\",\"120\",\"118\","
                    + "\"2 (too large: 1, empty: 1)\",\"0\",\"3 ms\",\"12 ms\"]"));
            assertTrue(shown, shown.contains("[\"2\",\"/test/topic2 \u2192 /test/topic3\",\"0\",\"0\",\"0\",\"0\","
                    + "\"none yet\",\"none yet\"]"));

            // 1. A third hop, added from the page: the exact table, retained, at QoS 1.
            page.editRules("[" + HOP1 + "," + HOP2 + "," + HOP3 + "]");
            page.awaitText("#rules-edit-state", "edited");
            page.click("#rules-apply");
            page.awaitText("#rules-edit-state", "sent");
            Received command = board.next(RULES_SET);
            assertEquals(table(HOP1, HOP2, HOP3), command.payload);
            assertEquals("the page's QoS (the stand-in subscribes at 2)", 1, command.qos);
            assertRetainedOnBroker(RULES_SET, table(HOP1, HOP2, HOP3));
            // The board applies it: the page shows the table it publishes.
            board.applied(command.payload, "mqtt");
            page.awaitText("#rules-message", "Applied: the board relays by these 3 rules now.");
            page.awaitText("#rules-source", "3 rules, set over MQTT (the broker keeps them)");
            page.awaitText("#rules-edit-state", "in step");
            inForce = page.rulesInForce();
            assertTrue(inForce, inForce.contains("\"rules\":[" + HOP1 + "," + HOP2 + "," + HOP3 + "]"));

            // 2. A table with a loop: the board refuses it; the reason is shown in words, the rules in force stay,
            // and so do the user's edits, to fix.
            page.fill("#rules-editor-rows tr:nth-child(3) .rule-to", "/test/topic1");
            page.click("#rules-apply");
            command = board.next(RULES_SET);
            assertEquals(table(HOP1, HOP2, LOOP3), command.payload);
            String reason = "rule 3: relays forever (/test/topic1 -> /test/topic2 -> /test/topic3 -> /test/topic1)";
            board.refused(reason, 3702);
            page.awaitText("#rules-refused", "The board refused the table (at the board's uptime 3702 s): " + reason
                    + ". The rules in force are unchanged.");
            page.awaitText("#rules-edit-state", "edited");
            inForce = page.rulesInForce();
            assertTrue(inForce, inForce.contains("\"source\":\"3 rules, set over MQTT (the broker keeps them)\","
                    + "\"rules\":[" + HOP1 + "," + HOP2 + "," + HOP3 + "]"));
            String editor = page.rulesEditor();
            assertTrue(editor, editor.contains("\"rules\":[" + HOP1 + "," + HOP2 + "," + LOOP3 + "]"));
            assertTrue(page.evaluate("document.getElementById('rules-apply').disabled").contains("\"value\":false"));
            page.screenshot(new File("target/web-companion/rules-refused.png"));

            // Discard: the editor takes the rules in force again.
            page.click("#rules-discard");
            page.awaitText("#rules-edit-state", "in step");
            editor = page.rulesEditor();
            assertTrue(editor, editor.contains("\"rules\":[" + HOP1 + "," + HOP2 + "," + HOP3 + "]"));

            // 3. Remove the third hop and change a suffix (Chinese, with quotes): applied as one table.
            page.click("#rules-editor-rows tr:nth-child(3) .rule-remove");
            page.fill("#rules-editor-rows tr:nth-child(2) .rule-suffix", " (\u4E2D\u7EE7 \"2\")");
            page.click("#rules-apply");
            command = board.next(RULES_SET);
            assertEquals(table(HOP1, HOP2_CHANGED), command.payload);
            board.applied(command.payload, "mqtt");
            page.awaitText("#rules-message", "Applied: the board relays by these 2 rules now.");
            page.awaitText("#rules-in-force-rows td", "\" (\u4E2D\u7EE7 \\\"2\\\")\"");
            assertTrue(page.evaluate("document.getElementById('rules-refused').textContent").contains("\"value\":\"\""));

            // 4. Unsaved edits are kept when the board's table changes under them (another client's table).
            page.fill("#rules-editor-rows tr:nth-child(1) .rule-suffix", " (mine)");
            page.awaitText("#rules-edit-state", "edited");
            board.applied(table(HOP1), "mqtt");
            page.awaitText("#rules-source", "1 rule, set over MQTT");
            page.awaitText("#rules-message", "The rules in force changed while you were editing; your changes are "
                    + "kept");
            editor = page.rulesEditor();
            assertTrue(editor, editor.contains("\"state\":\"edited\",\"rules\":[{\"from\":\"/test/topic1\","
                    + "\"to\":\"/test/topic2\",\"suffix\":\" (mine)\"}," + HOP2_CHANGED + "]"));

            // 5. What the board sends is text, never markup.
            String markup = "rule 1: \"from\" is not a topic filter (<img src=x onerror=\"window.pwned=1\">)";
            board.refused(markup, 3710);
            page.awaitText("#rules-refused", markup);
            assertTrue(page.evaluate("document.querySelectorAll('img').length").contains("\"value\":0"));
            assertTrue(page.evaluate("window.pwned === undefined").contains("\"value\":true"));

            // 6. Telemetry on request: the page asks on telemetry/get (not retained), and shows the answer.
            page.click("#telemetry-refresh");
            Received ask = board.next(TELEMETRY_GET);
            assertFalse("telemetry/get is not retained", ask.retained);
            board.publishRetained(TELEMETRY, TELEMETRY_2);
            page.awaitText("#telemetry-received", "Document 2 received");
            page.awaitText("#tm-uptime", "1 h 2 min 5 s (3725 s)");
            shown = page.telemetry();
            assertTrue(shown, shown.contains("\"heap\":\"409876 B\",\"reconnects\":\"3\","
                    + "\"lastDisconnect\":\"no PINGRESP in time\",\"consoleSkipped\":\"4\",\"loopFaults\":\"1\","
                    + "\"rulesSource\":\"MQTT\""));
            assertTrue(shown, shown.contains("\"rules\":[[\"1\",\"/test/topic1 \u2192 /test/topic2\",\"131\",\"127\","
                    + "\"2 (too large: 1, empty: 1)\",\"2\",\"4 ms\",\"15 ms\"]]"));
            page.screenshot(new File("target/web-companion/rules.png"));

            String console = page.consoleLines();
            assertFalse(console, console.contains("pageerror"));
        }
    }

    /** A fresh subscriber (Debian's mosquitto_sub) gets {@code payload} from the broker as retained, at QoS 1. */
    private static void assertRetainedOnBroker(String topic, String payload) throws Exception {
        // %r: the retained flag, %q: the QoS, %p: the payload.
        DesktopClients.Subscription sub = DesktopClients.subscribe(broker.port(), topic, 1, 10, "%r %q %p");
        List<String> lines = sub.awaitMessages(TIMEOUT_MS);
        assertEquals(List.of("1 1 " + payload), lines);
    }

    /** One message the stand-in received. */
    static final class Received {
        final String topic;
        final String payload;
        final int qos;
        final boolean retained;

        Received(String topic, MqttMessage message) {
            this.topic = topic;
            this.payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            this.qos = message.getQos();
            this.retained = message.isRetained();
        }
    }

    /**
     * The board's MQTT side of the rules and telemetry, as {@code notes/rules-spec.md} has it, scripted by the test:
     * it listens on {@code rules/set} and {@code telemetry/get} and publishes what the test tells it to, on the
     * spec's topics with the spec's retained flags and QoS. It stands in for the board only until the board's side
     * is merged.
     */
    static final class BoardStandIn implements MqttCallback, AutoCloseable {
        private final MqttClient client;
        private final List<Received> received = new ArrayList<>();
        private int taken;

        BoardStandIn(int port) throws MqttException {
            this.client = DesktopPaho.connect(port, BOARD_ID);
            this.client.setCallback(this);
            // QoS 2: what arrives keeps the QoS it was published with, so the test can see the page's.
            this.client.subscribe(new String[] { RULES_SET, TELEMETRY_GET }, new int[] { 2, 2 });
        }

        /** As the board does after applying a table (or at connect, the one in force): retained, QoS 1. */
        void applied(String table, String source) throws MqttException {
            publishRetained(RULES, table.substring(0, table.lastIndexOf('}')) + ",\"source\":\"" + source + "\"}");
        }

        /** As the board does when it refuses a table: not retained, QoS 1. */
        void refused(String reason, int atUptimeS) throws MqttException {
            String json = "{\"reason\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"at\":"
                    + atUptimeS + "}";
            this.client.publish(RULES_REFUSED, json.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        void publishRetained(String topic, String payload) throws MqttException {
            this.client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
        }

        /** @return the next message on {@code topic} not taken yet (earlier ones on other topics are skipped) */
        synchronized Received next(String topic) throws InterruptedException {
            Received[] found = new Received[1];
            Poll.untilNotified(this, TIMEOUT_MS, () -> {
                while (this.taken < this.received.size()) {
                    Received one = this.received.get(this.taken++);
                    if (one.topic.equals(topic)) {
                        found[0] = one;
                        return true;
                    }
                }
                return false;
            }, () -> "the stand-in got nothing on " + topic + " within " + TIMEOUT_MS + " ms");
            return found[0];
        }

        @Override
        public synchronized void messageArrived(String topic, MqttMessage message) {
            this.received.add(new Received(topic, message));
            notifyAll();
        }

        @Override
        public void connectionLost(Throwable cause) {
            // The test's next wait fails and says so.
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishes are synchronous.
        }

        @Override
        public void close() throws MqttException {
            DesktopPaho.close(this.client);
        }
    }
}
