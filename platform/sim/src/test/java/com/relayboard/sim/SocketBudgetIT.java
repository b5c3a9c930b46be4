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
import com.relayboard.firmware.net.PahoBrokerSession;
import com.relayboard.host.net.StationNetwork;

/**
 * Issue 15: the board never asks for a 10th socket (lwIP's 10 on the ESP32 ports, one kept by NET's async_select:
 * 9 for the application, which the host enforces as a default, see {@link StationNetwork}) through a dead link, a
 * takeover of its client id, a Wi-Fi loss and the broker's restart, one right after the other, all over TLS: the
 * case where the board cannot close the sockets of the clients it gives up, and must disconnect them before it
 * opens new ones. Against Debian's mosquitto with a TLS listener, through a proxy that can black-hole the link.
 * Prints the socket peak after each step, checks that nothing was refused, that the peak stayed within the 9, and
 * that the board relays afterwards.
 *
 * <p>Nothing here touches the board's clock: the board connects over TLS however its own clock gets right (today the
 * desktop's; with SNTP, from the simulated access point's time server before its first {@code ssl://} connect).
 */
public class SocketBudgetIT {

    private static final String CLIENT_ID = "relayboard-sockets";
    private static final int KEEPALIVE_S = 2;
    private static final long TIMEOUT_MS = 90000;
    private static final long WIFI_OUTAGE_MS = 3000;
    /** Each lane is a receiving and a publishing connection. */
    private static final int BOARD_CLIENT_SOCKETS = 2 * PahoBrokerSession.RECEIVING_CONNECTIONS;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void deadLinkThenTakeoverThenWifiLossThenBrokerRestart_overTls_neverAskForATenthSocket() throws Exception {
        StationNetwork network = StationNetwork.get();
        assertEquals("the board's budget, as on the ESP32 ports", StationNetwork.DEFAULT_MAX_SOCKETS,
                network.maxSockets());
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Pair ca = certificates.ca("ca-sockets");
        TestCertificates.Pair server = certificates.server("server-sockets", ca, "localhost", "127.0.0.1");
        ConsoleCapture console = this.room.console();
        // The sockets' story, whatever happened.
        this.room.report(() -> System.out.println("[SocketBudgetIT] " + StationNetwork.get().describe()));
        MosquittoBroker mosquitto = this.room.mosquitto(
                new MosquittoBroker.Options().tls(ca.cert, server.cert, server.key).desktopListener());
        TcpProxy proxy = this.room.proxy(mosquitto.port());
        Properties settings = BoardRoom.settings("ssl://localhost:" + proxy.port());
        settings.setProperty("relayboard.mqtt.caCert", ca.cert.getAbsolutePath());
        settings.setProperty("relayboard.mqtt.clientId", CLIENT_ID);
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        // The most lanes a board may open: the budget must hold for every configuration, not only the default.
        settings.setProperty("relayboard.mqtt.lanes", Integer.toString(ConfigLoader.MAX_MQTT_LANES));
        SimulatedBoard simulated = this.room.board(settings);
        RelayBoard board = this.room.start();
        awaitReconnects(board, 0, console);
        step("connected over TLS");

        // 1. A dead link: the board gives its TLS clients up; it cannot close their sockets, so it disconnects them
        //    before it connects a new session.
        proxy.blackHole();
        console.awaitLineContaining("the link is dead", TIMEOUT_MS);
        awaitReconnects(board, 1, console);
        step("after the dead link");

        // 2. At once, another client takes the board's client id over: mosquitto closes the board's receiving
        //    connection, and its other connections are still open when the board reconnects.
        this.room.closing(DesktopPaho.closingForcibly(DesktopPaho.connect(mosquitto.desktopPort(), CLIENT_ID)));
        awaitReconnects(board, 2, console);
        step("after the takeover");

        // 3. At once, the board's Wi-Fi goes, and comes back.
        simulated.setWifi(false);
        Thread.sleep(WIFI_OUTAGE_MS);
        simulated.setWifi(true);
        awaitReconnects(board, 3, console);
        step("after the Wi-Fi loss");

        // 4. At once, the broker restarts: every TLS connection ends, and the board handshakes again.
        mosquitto.kill();
        mosquitto.restart();
        awaitReconnects(board, 4, console);
        step("after the broker's restart (TLS reconnect)");

        // The board relays again.
        int desktop = mosquitto.desktopPort();
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(desktop, "/test/topic3", 1, 60, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(desktop, "/test/topic1", "after the worst, over TLS");
        List<String> arrived = topic3.awaitMessages(TIMEOUT_MS);
        assertTrue(arrived.toString() + "\n" + network.describe(),
                arrived.contains("after the worst, over TLS (relay1) (relay2)"));

        assertEquals("a socket of the board was refused: " + network.describe(), 0, network.refusals());
        // The cap cannot be passed (the host refuses the 10th, counted above); what the board's design promises is
        // less: two connections a lane, never two sets at once, and one UDP socket for the moment an SNTP exchange takes.
        assertTrue("more sockets at once than the board's 4 clients and its SNTP exchange: " + network.describe(),
                network.peakSockets() <= BOARD_CLIENT_SOCKETS + 1);
    }

    private static void step(String what) {
        System.out.println("[SocketBudgetIT] " + what + ": " + StationNetwork.get().describe());
    }

    /** Waits until the board has reconnected {@code reconnects} times and is connected; fails on a refused socket. */
    private static void awaitReconnects(RelayBoard board, int reconnects, ConsoleCapture console)
            throws InterruptedException {
        StationNetwork network = StationNetwork.get();
        Poll.until(TIMEOUT_MS, () -> {
            if (network.refusals() > 0) {
                throw new AssertionError("the board asked for a 10th socket on the way to reconnect " + reconnects
                        + " (on the ESP32 ports NET throws " + StationNetwork.NO_SOCKET_LEFT + " there): "
                        + network.describe());
            }
            return board.reconnects() >= reconnects && board.mqttState() == MqttState.CONNECTED;
        }, () -> "the board never got to reconnect " + reconnects + " (at " + board.reconnects() + ", "
                + board.mqttState() + "); " + network.describe() + "\n" + console.text());
    }
}
