package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.ui.LedIndicator;

/**
 * Issue 16, item 3: the loop never blocks. Against Debian's mosquitto, through the {@link TcpProxy} that
 * {@link DeadLinkIT} uses: an LED command arrives while nothing the board sends reaches the broker any more, so the
 * LED state's publish (QoS 1) waits for an acknowledgement that never comes. The light still changes, {@code status}
 * still answers, and the loop's liveness check still finds the dead link within 1.5 keepalives and reconnects. The
 * host's MicroPaho refuses a blocking call on the loop thread, so a publish left on the loop would fail here too.
 */
public class LedDuringDeadLinkIT {

    private static final int KEEPALIVE_S = 2;
    private static final String CLIENT_ID = "led-dead-link-board";
    private static final String SET_TOPIC = "relayboard/" + CLIENT_ID + "/led/set";
    private static final int BLUE_AT_40 = LedIndicator.scale(0x0000FF, 40);

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void deadLinkDuringAnLedChange_leavesTheLedStatusAndLivenessCheckLive() throws Exception {
        ConsoleCapture console = this.room.console();
        MosquittoBroker mosquitto = this.room.mosquitto();
        TcpProxy proxy = this.room.proxy(mosquitto.port());
        Properties settings = BoardRoom.settings(proxy.uri());
        settings.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        this.room.board(settings);
        RelayBoard board = this.room.start();
        this.room.awaitConnected();

        // The board still hears the broker, but nothing it sends arrives: its LED state's publish waits forever.
        proxy.silenceBoard();
        long silentAt = System.currentTimeMillis();
        DesktopClients.publish(mosquitto.port(), SET_TOPIC, "{\"level\": 40, \"color\": \"#0000FF\"}");
        Refusals.awaitLed(BLUE_AT_40);
        assertTrue(board.status(), board.status().contains("MQTT CONNECTED"));

        console.awaitLineContaining("the link is dead", BoardRoom.TIMEOUT_MS);
        long noticedAfterMs = console.timesOf("the link is dead").get(0) - silentAt;
        System.out.println("[LedDuringDeadLinkIT] dead link noticed " + noticedAfterMs + " ms after the board went silent"
                + " (keepalive " + KEEPALIVE_S + " s), with the LED state's publish waiting");
        assertTrue("noticed after " + noticedAfterMs + " ms, more than 1.5 keepalives: the loop was held up",
                noticedAfterMs <= KEEPALIVE_S * 1500L);
        assertTrue(board.status(), board.status().contains("last disconnect: no answer from the broker"));

        // The proxy forwards new connections normally.
        console.awaitLineContaining("(reconnect 1)", BoardRoom.TIMEOUT_MS);
        this.room.awaitConnected();
        Refusals.awaitLed(BLUE_AT_40); // The light keeps the command once connected again.
        assertEquals("no fault on the loop (a blocking call there is refused):\n" + console.text(), 0,
                board.loopFaults());
    }
}
