package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.led.HostLeds;

/**
 * Seed 002's way, against Debian's mosquitto: a retained LED command and a persistent session. A board that starts
 * or restarts applies the retained setting before its light shows anything else than "connecting": never the
 * default idle green.
 */
public class LedRetainedCommandIT {

    private static final String CLIENT_ID = "led-retained-board";
    private static final String SET_TOPIC = "relayboard/" + CLIENT_ID + "/led/set";
    private static final String STATE_TOPIC = "relayboard/" + CLIENT_ID + "/led";
    private static final int BLUE_AT_40 = LedIndicator.scale(0x0000FF, 40);

    /** The board {@link AbstractRelayIT} boots, its broker and the restarted board: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = AbstractRelayIT.ROOM;

    private MosquittoBroker mosquitto;

    private void publish(String topic, String payload, boolean retained) throws Exception {
        if (retained) {
            DesktopClients.publishRetained(this.mosquitto.desktopPort(), topic, payload);
        } else {
            DesktopClients.publish(this.mosquitto.desktopPort(), topic, payload);
        }
    }

    @Test
    public void startAndRestart_applyTheRetainedCommandFirst_andPublishTheState() throws Exception {
        this.mosquitto = ROOM.mosquitto();
        publish(SET_TOPIC, "{\"level\": 40, \"color\": \"#0000FF\"}", true);
        System.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        System.setProperty("relayboard.mqtt.cleanSession", "false");

        // Start: the first light after "connecting" is the retained setting.
        AbstractRelayIT.bootBoard(this.mosquitto.uri());
        Refusals.awaitLed(BLUE_AT_40);
        List<Integer> shown = HostLeds.history();
        assertFalse("the default idle green never showed: " + shown, shown.contains(LedIndicator.IDLE));
        // The NeoPixel's channels are written one by one: on the way from amber to the setting, each channel is one
        // or the other, never a third colour.
        for (Integer rgb : shown.subList(0, shown.indexOf(BLUE_AT_40))) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int channel = (rgb >> shift) & 0xFF;
                assertTrue("only the connecting amber before the setting: " + shown,
                        channel == ((LedIndicator.CONNECTING >> shift) & 0xFF) || channel == ((BLUE_AT_40 >> shift) & 0xFF));
            }
        }
        DesktopClients.Subscription state = DesktopClients.subscribe(this.mosquitto.desktopPort(), STATE_TOPIC, 1,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        assertEquals("the state, retained", List.of("{\"level\":40,\"color\":\"#0000FF\"}"),
                state.awaitMessages(AbstractRelayIT.TIMEOUT_MS));

        // Restart with a persistent session: the retained command is applied again, and what was queued while the
        // board was away is relayed.
        AbstractRelayIT.simulated.stop();
        publish("/test/topic1", "queued while away", false);
        BoardProcess restarted = ROOM.boardProcess("restarted", Map.of("relayboard.mqtt.broker",
                this.mosquitto.uri(), "relayboard.mqtt.clientId", CLIENT_ID, "relayboard.mqtt.cleanSession", "false"));
        restarted.awaitLine("New message (topic=\"/test/topic1\", message=\"queued while away\")",
                AbstractRelayIT.TIMEOUT_MS);
        restarted.awaitLine("LED: level 40 %, color #0000FF", AbstractRelayIT.TIMEOUT_MS);
    }
}
