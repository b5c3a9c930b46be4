package com.relayboard.sim;

import static com.relayboard.sim.AbstractRelayIT.TIMEOUT_MS;
import static com.relayboard.sim.AbstractRelayIT.board;
import static com.relayboard.sim.AbstractRelayIT.bootBoard;
import static com.relayboard.sim.AbstractRelayIT.brokerPort;
import static com.relayboard.sim.AbstractRelayIT.console;
import static com.relayboard.sim.AbstractRelayIT.simulated;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.led.HostLeds;

/**
 * The web companion page as a user opens it: the simulator's board and embedded broker (with its WebSockets
 * listener), the page served by {@link WebCompanion}, loaded in Debian's headless Chromium; Debian's mosquitto_pub as
 * the other client. The board's light is read from the host platform, not from what the board says about it.
 * The page's screenshot is kept in {@code target/web-companion/page.png}.
 */
public class WebCompanionIT {

    private static WebCompanion companion;

    /** The board {@link AbstractRelayIT} boots, and what surrounds it: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = AbstractRelayIT.ROOM;

    @BeforeClass
    public static void boot() throws Exception {
        bootBoard(null);
        companion = new WebCompanion(BrowserPage.WEB_DIR);
        ROOM.closing(companion::stop);
        companion.start(EmbeddedBroker.freePort());
    }

    private static String ledSetTopic() {
        return "relayboard/" + board.clientId() + "/led/set";
    }

    private static void publishRetained(String topic, String payload) throws Exception {
        DesktopClients.runTool(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(brokerPort), "-q",
                "1", "-r", "-t", topic, "-m", payload));
    }

    @Test
    public void page_showsOnline_relaysWhatItPublishes_andItsSliderDrivesAndFollowsTheLed() throws Exception {
        String url = companion.pageUri(simulated.embeddedBrokerWebSocketUri(), board.clientId());
        assertTrue(url, url.contains("ws=ws%3A%2F%2F127.0.0.1%3A"));
        try (BrowserPage page = BrowserPage.open(url)) {
            page.awaitText("#board-status", "online");
            page.awaitText("#board-detail", "reconnects 0");

            // Published from the page, relayed twice by the board, each hop shown with its time.
            String text = "\u4F60\u597D from the page";
            page.fill("#publish-text", text);
            page.click("#publish-button");
            String end = page.awaitText("#chain td:nth-child(3)", text + " (relay1) (relay2)");
            assertTrue(end, end.contains(" ms"));
            page.awaitText("#chain td:nth-child(2)", text + " (relay1)");
            console.awaitLine("New message (topic=\"/test/topic1\", message=\"" + text + "\")", TIMEOUT_MS);

            // The slider drives the board's light: level 30 of the idle green.
            page.fill("#led-level", "30");
            Refusals.awaitLed(LedIndicator.scale(LedIndicator.IDLE, 30));
            console.awaitLine("LED: level 30 %, color #001800", TIMEOUT_MS);

            // Another client changes the retained command: the board applies it, and the page's controls follow.
            publishRetained(ledSetTopic(), "{\"level\": 70, \"color\": \"#FF8000\"}");
            Refusals.awaitLed(LedIndicator.scale(0xFF8000, 70));
            page.awaitValue("#led-level", "70");
            page.awaitValue("#led-color", "#ff8000");
            page.awaitText("#led-state", "{\"level\":70,\"color\":\"#FF8000\"}");

            // A bad command changes nothing: one line says why, the light and the page stay.
            int before = HostLeds.rgb();
            publishRetained(ledSetTopic(), "{\"level\": 300}");
            console.awaitLine("LED command refused: \"level\" must be a whole number from 0 to 100, not 300",
                    TIMEOUT_MS);
            assertEquals(before, HostLeds.rgb());
            page.awaitValue("#led-level", "70");

            page.screenshot(new File("target/web-companion/page.png"));

            // Clearing the retained command (an empty payload) says nothing; the next command is applied as usual.
            publishRetained(ledSetTopic(), "");
            publishRetained(ledSetTopic(), "off");
            Refusals.awaitLed(0x000000);
            page.awaitValue("#led-level", "0");
            assertEquals("one refusal only, none for the empty payload", 1,
                    console.text().split("LED command refused", -1).length - 1);
            assertFalse(console.text().contains("Exception"));
        }
    }
}
