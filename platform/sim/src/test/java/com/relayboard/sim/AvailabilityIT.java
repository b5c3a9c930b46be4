package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * Issue 4, item 9: the retained status topic reads {@code online} while the board is up (its detail
 * topic says how many reconnects and why the last connection ended), and {@code offline}, the Last
 * Will, within 1.5 keepalive periods after the board's process is killed with SIGKILL.
 */
public class AvailabilityIT {

    private static final String CLIENT_ID = "relayboard-avail";
    private static final String STATUS = "relayboard/" + CLIENT_ID + "/status";
    private static final int KEEPALIVE_S = 4;
    private static final long TIMEOUT_MS = 30000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void statusReadsOnlineWhileUp_andOfflineSoonAfterTheBoardIsKilled() throws Exception {
        MosquittoBroker mosquitto = this.room.mosquitto();
        int port = mosquitto.port();
        BoardProcess board = this.room.boardProcess("avail", Map.of("relayboard.mqtt.broker", mosquitto.uri(),
                "relayboard.mqtt.clientId", CLIENT_ID, "relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S)));
        board.awaitLine("MQTT: CONNECTED", TIMEOUT_MS);

        // What anyone subscribing now reads: retained.
        assertEquals(List.of("online"), DesktopClients.subscribe(port, STATUS, 1, 30, null).awaitMessages(TIMEOUT_MS));
        assertEquals(List.of("reconnects 0; last disconnect: none"),
                DesktopClients.subscribe(port, STATUS + "/detail", 1, 30, null).awaitMessages(TIMEOUT_MS));
        // Still online three keepalives later, counted by the broker rather than slept: the board probes after half a
        // keepalive of silence, so six probes received are three keepalives of keeping its link alive while idle.
        mosquitto.awaitPublishesTo(RelayBoard.PROBE_SUFFIX, 2 * 3, 2 * 3 * KEEPALIVE_S * 1000L + TIMEOUT_MS);
        assertEquals(List.of("online"), DesktopClients.subscribe(port, STATUS, 1, 30, null).awaitMessages(TIMEOUT_MS));

        DesktopClients.Subscription status = DesktopClients.subscribe(port, STATUS, 2, 30, null);
        status.awaitSubscribed(TIMEOUT_MS);
        long killedAt = System.currentTimeMillis();
        board.kill();
        assertEquals(List.of("online", "offline"), status.awaitMessages(TIMEOUT_MS));
        long offlineAfterMs = System.currentTimeMillis() - killedAt;
        System.out.println("[AvailabilityIT] offline read " + offlineAfterMs + " ms after SIGKILL (keepalive "
                + KEEPALIVE_S + " s)");
        assertTrue("offline after " + offlineAfterMs + " ms", offlineAfterMs <= KEEPALIVE_S * 1500L);
        // And it stays: the next subscriber reads offline.
        assertEquals(List.of("offline"), DesktopClients.subscribe(port, STATUS, 1, 30, null).awaitMessages(TIMEOUT_MS));
    }
}
