package com.relayboard.sim;

import static com.relayboard.sim.BoardRoom.TIMEOUT_MS;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

/**
 * The web companion's rule editor end to end (issue 17, item 5): the real board in this JVM, Debian's mosquitto with
 * a WebSockets listener, the page in Debian's headless Chromium. A third hop added from the page relays; a table with
 * a loop is refused by the board's own checks, the reason shown on the page, and the old rules keep relaying.
 * {@link WebCompanionRulesIT} checks the page's details against a scripted board.
 */
public class WebCompanionRulesBoardIT {

    private static final String CLIENT_ID = "relayboard-rulespage";
    private static final String HOP1 = "{\"from\":\"/test/topic1\",\"to\":\"/test/topic2\",\"suffix\":\" (relay1)\"}";
    private static final String HOP2 = "{\"from\":\"/test/topic2\",\"to\":\"/test/topic3\",\"suffix\":\" (relay2)\"}";
    private static final String HOP3 = "{\"from\":\"/test/topic3\",\"to\":\"/test/topic4\",\"suffix\":\" (relay3)\"}";

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void aThirdHopFromThePage_relays_andALoopIsRefusedWithTheOldRulesKept() throws Exception {
        MosquittoBroker broker = this.room.mosquitto(new MosquittoBroker.Options().websocketListener());
        Properties settings = BoardRoom.settings(broker.uri());
        settings.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        this.room.startConnected(settings);
        WebCompanion companion = new WebCompanion(BrowserPage.WEB_DIR);
        this.room.closing(companion::stop);
        companion.start(EmbeddedBroker.freePort());

        try (BrowserPage page = BrowserPage.open(companion.pageUri(broker.websocketUri(), CLIENT_ID))) {
            page.awaitText("#rules-source", "2 rules, from the board's options");

            page.editRules("[" + HOP1 + "," + HOP2 + "," + HOP3 + "]");
            page.click("#rules-apply");
            page.awaitText("#rules-message", "Applied");
            page.awaitText("#rules-source", "3 rules, set over MQTT");
            assertRelays(broker, "from the page", "from the page (relay1) (relay2) (relay3)");

            // The third hop sent back to the start: the board's own checks refuse the loop.
            page.fill("#rules-editor-rows tr:nth-child(3) .rule-to", "/test/topic1");
            page.click("#rules-apply");
            String refused = page.awaitText("#rules-refused", "The board refused the table");
            assertTrue(refused, refused.contains("rule"));
            page.awaitText("#rules-source", "3 rules, set over MQTT");
            assertRelays(broker, "after the refusal", "after the refusal (relay1) (relay2) (relay3)");
        }
    }

    /** Publishes {@code text} on {@code /test/topic1} and waits for {@code relayed} on {@code /test/topic4}. */
    private static void assertRelays(MosquittoBroker broker, String text, String relayed) throws Exception {
        DesktopClients.Subscription topic4 = DesktopClients.subscribe(broker.port(), "/test/topic4", 1, 60, null);
        topic4.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(broker.port(), "/test/topic1", text);
        List<String> arrived = topic4.awaitMessages(TIMEOUT_MS);
        assertTrue(arrived.toString(), arrived.contains(relayed));
    }
}
