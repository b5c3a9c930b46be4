package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.threads.BoardThreads;

/**
 * Issue 10, item 5: the board's threads stay within {@code core.memory.threads.size} in the worst case the issue
 * names: a dead link (what its clients were doing is left behind while a new session connects), then a takeover
 * of its client id by another client, then its Wi-Fi lost and back, one right after the other, against Debian's
 * mosquitto. The host platform refuses a thread beyond the budget as the board would (BoardThreads); this test
 * checks that nothing was refused, that the board relays again afterwards, and prints the peak and the threads
 * alive at the peak.
 */
public class ThreadBudgetIT {

    private static final String CLIENT_ID = "relayboard-threads";
    private static final int KEEPALIVE_S = 2;
    private static final long TIMEOUT_MS = 60000;
    private static final long WIFI_OUTAGE_MS = 3000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void deadLinkThenTakeoverThenWifiLoss_stayWithinTheThreadBudget_andTheBoardRelaysAgain() throws Exception {
        assertTrue("the host does not enforce the thread budget: " + BoardThreads.notEnforcedBecause(),
                BoardThreads.enforced());
        ConsoleCapture console = this.room.console();
        MosquittoBroker mosquitto = this.room.mosquitto();
        TcpProxy proxy = this.room.proxy(mosquitto.port());
        Properties settings = BoardRoom.settings(proxy.uri());
        settings.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        // The most lanes a board may open: the budget must hold for every configuration, not only the default.
        settings.setProperty("relayboard.mqtt.lanes", Integer.toString(ConfigLoader.MAX_MQTT_LANES));
        SimulatedBoard simulated = this.room.board(settings);
        // The peak and the threads alive at it, whatever happened (a board over its budget may hang).
        this.room.report(() -> {
            if (simulated.threads() != null) {
                System.out.println("[ThreadBudgetIT] " + simulated.threads().describePeak());
            }
        });
        RelayBoard board = this.room.start();
        BoardThreads threads = simulated.threads();
        assertEquals(BoardThreads.configuredBudget(), threads.budget());
        awaitReconnects(board, 0, console);
        int port = mosquitto.port();
        System.out.println("[ThreadBudgetIT] connected: " + threads.describePeak());

        // 1. A dead link: the board gives its clients up (their disconnects wait for a peer that is gone)
        //    and connects a new session.
        proxy.blackHole();
        console.awaitLineContaining("the link is dead", TIMEOUT_MS);
        awaitReconnects(board, 1, console);
        System.out.println("[ThreadBudgetIT] after the dead link: " + threads.live() + " alive; "
                + threads.describePeak());

        // 2. At once, another client takes the board's client id over: mosquitto closes the board's connection.
        this.room.closing(DesktopPaho.closingForcibly(DesktopPaho.connect(port, CLIENT_ID)));
        awaitReconnects(board, 2, console);
        System.out.println("[ThreadBudgetIT] after the takeover: " + threads.live() + " alive; "
                + threads.describePeak());

        // 3. At once, the board's Wi-Fi goes, and comes back.
        simulated.setWifi(false);
        Thread.sleep(WIFI_OUTAGE_MS);
        simulated.setWifi(true);
        awaitReconnects(board, 3, console);
        System.out.println("[ThreadBudgetIT] after the Wi-Fi loss: " + threads.live() + " alive; "
                + threads.describePeak());

        // The board relays again.
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 60, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(port, "/test/topic1", "after the worst");
        List<String> arrived = topic3.awaitMessages(TIMEOUT_MS);
        assertTrue(arrived.toString() + "\n" + threads.describePeak(),
                arrived.contains("after the worst (relay1) (relay2)"));

        // The check that can fail: the host refuses any start at the budget (BoardThreads), so the peak itself
        // never passes it; a refusal is what overrunning it looks like.
        assertEquals("a thread of the board was refused: " + threads.lastRefusal() + "\n" + threads.describePeak(),
                0, threads.refusals());
        System.out.println("[ThreadBudgetIT] peak " + threads.peak() + " of " + threads.budget() + " threads");
    }

    /** Waits until the board has reconnected {@code reconnects} times and is connected. */
    private void awaitReconnects(RelayBoard board, int reconnects, ConsoleCapture console) throws InterruptedException {
        BoardThreads threads = this.room.simulated.threads();
        Poll.until(TIMEOUT_MS, () -> {
            if (threads.refusals() > 0) {
                throw new AssertionError("the board overran its thread budget on the way to reconnect " + reconnects
                        + " (the board would throw InternalLimitsError here): " + threads.lastRefusal() + "\n"
                        + threads.describePeak());
            }
            return board.reconnects() >= reconnects && board.mqttState() == MqttState.CONNECTED;
        }, () -> "the board never got to reconnect " + reconnects + " (at " + board.reconnects() + ", "
                + board.mqttState() + "); " + threads.describePeak() + "\nlast refusal: " + threads.lastRefusal()
                + "\n" + console.text());
    }
}
