package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * Issue 4, item 2: Debian's mosquitto is killed and stays gone for 60 s. The board's connection
 * attempts follow the backoff (1 s doubling to the cap, +-25 %: counted, no busy loop), and the relay
 * works again within one backoff cap of the broker's return. The broker comes back without
 * persistence, so the board's subscriptions exist again only because the board makes them again.
 */
public class BrokerOutageIT {

    private static final int CAP_S = 8;
    private static final long OUTAGE_MS = 60000;
    private static final long TIMEOUT_MS = 30000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void brokerGoneForAMinute_attemptsFollowTheBackoff_andTheRelayIsBackWithinOneCap() throws Exception {
        ConsoleCapture console = this.room.console();
        MosquittoBroker mosquitto = this.room.mosquitto();
        int port = mosquitto.port();
        Properties settings = BoardRoom.settings(mosquitto.uri());
        settings.setProperty("relayboard.mqtt.retryMaxS", Integer.toString(CAP_S));
        RelayBoard board = this.room.startConnected(settings);

        long goneAt = System.currentTimeMillis();
        mosquitto.kill();
        console.awaitLineContaining("MQTT: BACKOFF connection lost: the broker closed the connection", TIMEOUT_MS);
        Thread.sleep(OUTAGE_MS - (System.currentTimeMillis() - goneAt));
        long backAt = System.currentTimeMillis();
        mosquitto.restart();
        this.room.awaitConnected();
        long reconnectedAfterMs = System.currentTimeMillis() - backAt;

        List<Long> attempts = new ArrayList<>();
        for (long t : console.timesOf("MQTT: CONNECTING")) {
            if (t > goneAt && t < backAt) {
                attempts.add(t);
            }
        }
        List<Long> gapsMs = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gapsMs.add(attempts.get(i) - attempts.get(i - 1));
        }
        System.out.println("[BrokerOutageIT] " + attempts.size() + " connection attempts in " + OUTAGE_MS
                + " ms without a broker, " + gapsMs + " ms apart; reconnected " + reconnectedAfterMs
                + " ms after the broker came back (cap " + CAP_S + " s)");
        // Delays 1, 2, 4, 8, 8, ... s (+-25 %, never over the cap): 8 to 13 attempts in 60 s.
        assertTrue("attempts: " + attempts.size(), attempts.size() >= 8 && attempts.size() <= 13);
        long expectedMs = 1000;
        for (int i = 0; i < gapsMs.size(); i++) {
            // The first attempt follows the loss after the first delay, so gap i follows delay i + 2.
            expectedMs = Math.min(expectedMs * 2, CAP_S * 1000L);
            long gap = gapsMs.get(i);
            assertTrue("gap " + i + " of " + gapsMs + ": not within the backoff's " + expectedMs + " ms +-25 %",
                    gap >= expectedMs * 3 / 4 - 100 && gap <= expectedMs * 5 / 4 + 500);
        }
        // One cap at most, plus the connect itself and the test's polling.
        assertTrue("reconnected " + reconnectedAfterMs + " ms after the broker's return",
                reconnectedAfterMs <= CAP_S * 1000L + 1000);

        // The new broker knows nothing of the board: it relays because it subscribed again.
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(port, "/test/topic1", "after a minute");
        assertEquals(List.of("after a minute (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));

        // The reconnect count and the reason: on the console, in the status command, on the detail topic.
        console.awaitLineContaining("(reconnect 1), last disconnect: the broker closed the connection", TIMEOUT_MS);
        assertTrue(board.status(), board.status().endsWith("reconnects 1, last disconnect: the broker closed the connection"));
        DesktopClients.Subscription detail = DesktopClients.subscribe(port,
                "relayboard/" + board.clientId() + "/status/detail", 1, 30, null);
        assertEquals(List.of("reconnects 1; last disconnect: the broker closed the connection"),
                detail.awaitMessages(TIMEOUT_MS));
    }
}
