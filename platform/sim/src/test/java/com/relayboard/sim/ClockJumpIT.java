package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

import ej.bon.Util;

/**
 * Moving the board's application clock an hour back, then two hours forward, while it is connected to Debian's
 * mosquitto: nothing times out and nothing stalls, because every deadline of the firmware is on the monotonic clock.
 * With keepalive 2 s the board probes its link about once a second from its loop; the probes keep coming after each
 * jump (a loop waiting on a deadline an hour away would send none), the relay goes on, the board never reconnects
 * (a dead-link deadline read from the application clock would give the link up at the forward jump), and the clock is
 * not asked again (its re-sync interval is monotonic too).
 */
public class ClockJumpIT {

    private static final long HOUR_MS = 3600000L;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void applicationClockJumps_neitherTimeOutNorStallTheBoard() throws Exception {
        ConsoleCapture console = this.room.console();
        MosquittoBroker broker = this.room.mosquitto();
        Properties settings = BoardRoom.settings(broker.uri());
        settings.setProperty("relayboard.mqtt.keepaliveS", "2");
        this.room.board(settings);
        RelayBoard board = this.room.start();
        console.awaitLineContaining("Time: SYNCED ", AbstractRelayIT.TIMEOUT_MS);
        this.room.awaitConnected();
        String probes = "relayboard/" + board.clientId() + "/probe";
        assertProbingAndRelaying(broker, probes, "before");

        Util.setCurrentTimeMillis(Util.currentTimeMillis() - HOUR_MS);
        assertProbingAndRelaying(broker, probes, "an hour back");

        Util.setCurrentTimeMillis(Util.currentTimeMillis() + 2 * HOUR_MS);
        assertProbingAndRelaying(broker, probes, "an hour forward");

        assertEquals("never reconnected:\n" + console.text(), 0, board.reconnects());
        assertEquals("no backoff:\n" + console.text(), 0, console.count("MQTT: BACKOFF"));
        assertEquals("the clock was asked once (its re-sync is an hour away on the monotonic clock):\n"
                + console.text(), 1, console.count("Time: SYNCING"));
    }

    /** Three probes from the board's loop, then a message relayed, each within a bounded wait. */
    private static void assertProbingAndRelaying(MosquittoBroker broker, String probeTopic, String when)
            throws Exception {
        DesktopClients.Subscription probes = DesktopClients.subscribe(broker.port(), probeTopic, 3, 20, null);
        probes.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        assertEquals("three probes " + when, 3, probes.awaitMessages(AbstractRelayIT.TIMEOUT_MS).size());
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(broker.port(), "/test/topic3", 1, 20, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(broker.port(), "/test/topic1", when);
        List<String> relayed = topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS);
        assertTrue("relayed " + when + ": " + relayed, relayed.contains(when + " (relay1) (relay2)"));
    }
}
