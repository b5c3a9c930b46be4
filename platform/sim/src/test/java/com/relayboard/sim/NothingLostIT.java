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
 * Issue 4, item 1: with QoS 1 and a persistent session, 1,000 messages published to topic1 while the
 * board goes through three outages (its Wi-Fi down, the broker killed with SIGKILL and restarted, its
 * link silently black-holed) all arrive on topic3. Duplicates are allowed by QoS 1: they are counted
 * and reported.
 *
 * <p>Debian's mosquitto runs with persistence saved every second. The board reaches it through a
 * {@link TcpProxy}; the desktop publisher (Paho, QoS 1) and the topic3 subscriber (Paho, persistent
 * session) connect to it directly.
 */
public class NothingLostIT {

    private static final int MESSAGES = 1000;
    /**
     * Long enough that the board does not give its silenced link up during the 3 s hold before the
     * SIGKILL (it may give up no sooner than half a keepalive after the hold began).
     */
    private static final int KEEPALIVE_S = 8;
    /** Mosquitto saves every 2 s at most with autosave_interval 1 (it saves when more than 1 s passed). */
    private static final long HOLD_BEFORE_KILL_MS = 3000;
    /** Between two publishes: spreads the thousand messages over the outages. */
    private static final long PUBLISH_GAP_MS = 12;
    private static final long OUTAGE_MS = 3000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    private MosquittoBroker mosquitto;
    private TcpProxy proxy;
    private SimulatedBoard simulated;
    private DesktopPaho.Counter topic3;
    private DesktopPaho.Publisher publisher;
    private volatile int published;
    private volatile boolean paused;
    private volatile boolean pausedAck;

    @Test
    public void thousandQos1Messages_throughThreeOutages_allArriveOnTopic3() throws Exception {
        ConsoleCapture console = this.room.console();
        this.mosquitto = this.room.mosquitto(MosquittoBroker.PERSISTENT);
        int port = this.mosquitto.port();
        this.proxy = this.room.proxy(port);
        Properties settings = BoardRoom.settings(this.proxy.uri());
        settings.setProperty("relayboard.mqtt.clientId", "relayboard-nothing-lost");
        settings.setProperty("relayboard.mqtt.qos", "1");
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        settings.setProperty("relayboard.mqtt.keepaliveS", Integer.toString(KEEPALIVE_S));
        settings.setProperty("relayboard.mqtt.retryMaxS", "2");
        this.simulated = this.room.board(settings);
        RelayBoard board = this.room.start();
        this.room.awaitConnected();
        this.topic3 = this.room.client(new DesktopPaho.Counter(port, "it-topic3-counter", "/test/topic3"));
        this.publisher = this.room.client(new DesktopPaho.Publisher(port, "it-topic1-publisher"));

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            expected.add(String.format("m%04d (relay1) (relay2)", i));
        }
        long startMs = System.currentTimeMillis();
        Thread publishing = new Thread(() -> {
            try {
                for (int i = 1; i <= MESSAGES; i++) {
                    while (this.paused) {
                        this.pausedAck = true;
                        Thread.sleep(10);
                    }
                    this.pausedAck = false;
                    this.publisher.publish("/test/topic1", String.format("m%04d", i), 60000);
                    this.published = i;
                    Thread.sleep(PUBLISH_GAP_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "topic1-publisher");
        publishing.start();

        // Outage 1: Wi-Fi down in the middle of the traffic; the broker queues for the board meanwhile.
        awaitPublished(150);
        this.simulated.setWifi(false);
        Thread.sleep(OUTAGE_MS);
        this.simulated.setWifi(true);

        // Outage 2: the broker is killed with SIGKILL and restarted. Mosquitto acknowledges before it
        // saves, so the test first holds all traffic (the publisher, and the board's link, silenced
        // without closing) until an autosave must have run: then a loss could only be the board's.
        awaitPublished(450);
        // The board must be back on the broker when it dies, or the outage would not be the board's.
        this.room.awaitConnected();
        this.paused = true;
        Poll.until("the publisher to pause", 120000, () -> this.pausedAck);
        this.proxy.blackHole();
        Thread.sleep(HOLD_BEFORE_KILL_MS);
        this.mosquitto.kill();
        // The dead broker's kernel closes its sockets: the board sees its connection end.
        this.proxy.closeBlackHoled();
        Thread.sleep(1000);
        this.mosquitto.restart();
        this.paused = false;

        // Outage 3: the board's link goes silent without closing, in the middle of the traffic.
        awaitPublished(750);
        this.room.awaitConnected();
        this.proxy.blackHole();

        publishing.join(180000);
        assertEquals("the publisher did not finish", MESSAGES, this.published);
        boolean all = this.topic3.awaitDistinct(MESSAGES, 180000);
        // The messages flow as soon as the new receiving connections are up; the connect attempt (subscribes,
        // status lines) may still be finishing, and a reconnect counts once it has.
        this.room.awaitConnected();
        long tookMs = System.currentTimeMillis() - startMs;
        String report = "[NothingLostIT] " + this.topic3.distinct() + " of " + MESSAGES + " distinct messages on topic3 in "
                + tookMs + " ms; " + this.topic3.duplicates() + " duplicates; board " + board.status();
        System.out.println(report);
        assertTrue("missing on topic3: " + this.topic3.missing(expected) + "\n" + report, all);
        assertEquals(report, 0, this.topic3.missing(expected).size());
        assertEquals("the board dropped messages: " + report, 0, board.dropped());
        assertTrue("Wi-Fi outage not seen: " + console.text(), console.count("MQTT: WAITING_FOR_NETWORK Wi-Fi is down") >= 1);
        assertTrue("the broker's death was not seen by a connected board: " + console.text(),
                console.count("MQTT: BACKOFF connection lost: the broker closed the connection") >= 1);
        // The board's own probe, or the client's keepalive ping on one of its connections, whichever ends first.
        assertTrue("dead link not seen: " + console.text(), console.count("the link is dead") >= 1);
        assertTrue(report, board.reconnects() >= 3);
    }

    private void awaitPublished(int count) throws InterruptedException {
        Poll.until(120000, () -> this.published >= count, () -> "the publisher is stuck at " + this.published);
    }
}
