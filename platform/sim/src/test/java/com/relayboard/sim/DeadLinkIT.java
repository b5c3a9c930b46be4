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
import com.relayboard.firmware.net.PahoBrokerSession;
import com.relayboard.firmware.net.MqttState;

/**
 * Issue 4, item 3: a link that stops carrying packets without closing (a TCP proxy between the board
 * and Debian's mosquitto goes silent) is noticed within 1.5 keepalive periods, said on the console,
 * and replaced by a new connection; with a persistent session, what the broker sent into the dead
 * link arrives afterwards.
 */
public class DeadLinkIT {

    private static final int KEEPALIVE_S = 2;
    private static final long TIMEOUT_MS = 30000;

    /** TCP connections one connect opens: a receiving and a publishing one for each lane. */
    private static final int CONNECTIONS = 2 * PahoBrokerSession.RECEIVING_CONNECTIONS;
    private MosquittoBroker mosquitto;
    private TcpProxy proxy;
    private SimulatedBoard simulated;

    @After
    public void tearDown() throws Exception {
        if (this.simulated != null) {
            this.simulated.stop();
        }
        if (this.proxy != null) {
            this.proxy.close();
        }
        if (this.mosquitto != null) {
            this.mosquitto.close();
        }
    }

    @Test
    public void silentLink_isNoticedWithinOneAndAHalfKeepalives_saidAndReplaced() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        this.mosquitto = MosquittoBroker.start();
        this.proxy = new TcpProxy(this.mosquitto.port());
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", this.proxy.uri());
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        this.simulated = new SimulatedBoard(settings, new File(Files.createTempDirectory("lcd").toFile(), "lcd.png"));
        RelayBoard board = this.simulated.start();
        awaitState(board, MqttState.CONNECTED, console);
        int port = this.mosquitto.port();

        // Idle for a while first: probes keep a quiet link up, they do not end it.
        Thread.sleep(3 * KEEPALIVE_S * 1000);
        assertEquals("a quiet, healthy link was given up:\n" + console.text(), 0, console.count("the link is dead"));
        assertEquals("one connect: the board's connections, once each", CONNECTIONS, this.proxy.accepted());

        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 2, 60, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        long silentAt = System.currentTimeMillis();
        this.proxy.blackHole();
        // The broker sends this into the dead link; QoS 1 and the persistent session bring it back.
        DesktopClients.publish(port, "/test/topic1", "into the void");

        console.awaitLineContaining("the link is dead", TIMEOUT_MS);
        long noticedAfterMs = console.timesOf("the link is dead").get(0) - silentAt;
        System.out.println("[DeadLinkIT] dead link noticed after " + noticedAfterMs + " ms (keepalive "
                + KEEPALIVE_S + " s)");
        assertTrue("noticed after " + noticedAfterMs + " ms, more than 1.5 keepalives",
                noticedAfterMs <= KEEPALIVE_S * 1500L);
        String said = console.awaitLineContaining("MQTT: BACKOFF no answer from the broker for ", TIMEOUT_MS);
        assertTrue(said, said.contains("(keepalive 2.0 s): the link is dead; retry in "));

        console.awaitLineContaining("(reconnect 1), last disconnect: no answer from the broker", TIMEOUT_MS);
        awaitState(board, MqttState.CONNECTED, console);
        assertEquals("the board reconnected through new connections", 2 * CONNECTIONS, this.proxy.accepted());
        DesktopClients.publish(port, "/test/topic1", "after");
        List<String> arrived = topic3.awaitMessages(TIMEOUT_MS);
        assertTrue(arrived.toString(), arrived.contains("into the void (relay1) (relay2)"));
        assertTrue(arrived.toString(), arrived.contains("after (relay1) (relay2)"));
        assertEquals(1, board.reconnects());
        assertTrue(board.status(), board.status().contains("reconnects 1, last disconnect: no answer from the broker"));

        // Now only what the board sends vanishes: it still receives, relays, and its publish waits for
        // an acknowledgement that never comes. That publish must not hold the relay up once the board
        // has given the link up and reconnected.
        DesktopClients.Subscription late = DesktopClients.subscribe(port, "/test/topic3", 1, 60, null);
        late.awaitSubscribed(TIMEOUT_MS);
        int deadBefore = console.count("the link is dead");
        this.proxy.silenceBoard();
        DesktopClients.publish(port, "/test/topic1", "stuck in flight");
        console.awaitLine("New message (topic=\"/test/topic1\", message=\"stuck in flight\")", TIMEOUT_MS);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (console.count("the link is dead") == deadBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        console.awaitLineContaining("(reconnect 2)", TIMEOUT_MS);
        long reconnectedAt = console.timesOf("(reconnect 2)").get(0);
        assertEquals(List.of("stuck in flight (relay1) (relay2)"), late.awaitMessages(TIMEOUT_MS));
        long relayedAfterMs = System.currentTimeMillis() - reconnectedAt;
        System.out.println("[DeadLinkIT] the publish stuck on the dead link went out again " + relayedAfterMs
                + " ms after the reconnect");
        assertTrue("relayed " + relayedAfterMs + " ms after the reconnect", relayedAfterMs <= 5000);
    }

    private static void awaitState(RelayBoard board, MqttState state, ConsoleCapture console)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (board.mqttState() != state) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the board never reached " + state + ":\n" + console.text());
            }
            Thread.sleep(20);
        }
    }
}
