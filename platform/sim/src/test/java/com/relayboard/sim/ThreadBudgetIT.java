package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import org.junit.After;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.paho.mqttv3.MqttClient;
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

    private MosquittoBroker mosquitto;
    private TcpProxy proxy;
    private SimulatedBoard simulated;
    private MqttClient twin;

    @After
    public void tearDown() throws Exception {
        if (this.simulated != null && this.simulated.threads() != null) {
            System.out.println("[ThreadBudgetIT] " + this.simulated.threads().describePeak());
        }
        if (this.twin != null) {
            try {
                this.twin.disconnectForcibly(0, 0);
                this.twin.close();
            } catch (Exception e) {
                // taken over by the board again: nothing left to close
            }
        }
        if (this.simulated != null) {
            // A board whose thread was refused may hang in a connect that never completes (as a real one would):
            // stop it without waiting for ever, so that the test reports rather than hangs.
            Thread stopper = new Thread(this.simulated::stop, "ThreadBudgetIT-stop");
            stopper.setDaemon(true);
            stopper.start();
            stopper.join(20000);
        }
        if (this.proxy != null) {
            this.proxy.close();
        }
        if (this.mosquitto != null) {
            this.mosquitto.close();
        }
    }

    @Test
    public void deadLinkThenTakeoverThenWifiLoss_stayWithinTheThreadBudget_andTheBoardRelaysAgain() throws Exception {
        assertTrue("the host does not enforce the thread budget: " + BoardThreads.notEnforcedBecause(),
                BoardThreads.enforced());
        ConsoleCapture console = ConsoleCapture.install();
        this.mosquitto = MosquittoBroker.start();
        this.proxy = new TcpProxy(this.mosquitto.port());
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", this.proxy.uri());
        settings.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        this.simulated = new SimulatedBoard(settings, new File(Files.createTempDirectory("lcd").toFile(), "lcd.png"));
        RelayBoard board = this.simulated.start();
        BoardThreads threads = this.simulated.threads();
        assertEquals(BoardThreads.configuredBudget(), threads.budget());
        awaitReconnects(board, 0, console);
        int port = this.mosquitto.port();
        System.out.println("[ThreadBudgetIT] connected: " + threads.describePeak());

        // 1. A dead link: the board gives its clients up (their disconnects wait for a peer that is gone)
        //    and connects a new session.
        this.proxy.blackHole();
        console.awaitLineContaining("the link is dead", TIMEOUT_MS);
        awaitReconnects(board, 1, console);
        System.out.println("[ThreadBudgetIT] after the dead link: " + threads.live() + " alive; "
                + threads.describePeak());

        // 2. At once, another client takes the board's client id over: mosquitto closes the board's connection.
        this.twin = DesktopPaho.connect(port, CLIENT_ID);
        awaitReconnects(board, 2, console);
        System.out.println("[ThreadBudgetIT] after the takeover: " + threads.live() + " alive; "
                + threads.describePeak());

        // 3. At once, the board's Wi-Fi goes, and comes back.
        this.simulated.setWifi(false);
        Thread.sleep(WIFI_OUTAGE_MS);
        this.simulated.setWifi(true);
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

        assertEquals("a thread of the board was refused: " + threads.lastRefusal() + "\n" + threads.describePeak(),
                0, threads.refusals());
        assertTrue(threads.describePeak(), threads.peak() <= threads.budget());
    }

    /** Waits until the board has reconnected {@code reconnects} times and is connected. */
    private void awaitReconnects(RelayBoard board, int reconnects, ConsoleCapture console) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        BoardThreads threads = this.simulated.threads();
        while (board.reconnects() < reconnects || board.mqttState() != MqttState.CONNECTED) {
            if (threads.refusals() > 0) {
                throw new AssertionError("the board overran its thread budget on the way to reconnect " + reconnects
                        + " (the board would throw InternalLimitsError here): " + threads.lastRefusal() + "\n"
                        + threads.describePeak());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the board never got to reconnect " + reconnects + " (at "
                        + board.reconnects() + ", " + board.mqttState() + "); "
                        + this.simulated.threads().describePeak() + "\nlast refusal: "
                        + this.simulated.threads().lastRefusal() + "\n" + console.text());
            }
            Thread.sleep(20);
        }
    }
}
