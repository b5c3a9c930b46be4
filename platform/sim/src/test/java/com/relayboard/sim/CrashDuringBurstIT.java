package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Rule;
import org.junit.Test;

/**
 * Issue 9: a board on a persistent session is killed with SIGKILL (a power cut, a watchdog reset)
 * 0.3 s into a burst of 1,000 QoS 1 messages, then started again. It had acknowledged only what it had
 * relayed, so the broker delivers the rest again: all 1,000 come out on topic3 (duplicates allowed).
 */
public class CrashDuringBurstIT {

    private static final int MESSAGES = 1000;
    private static final long KILL_AFTER_MS = 300;
    private static final long TIMEOUT_MS = 120000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void killedDuringABurst_theRestartedBoardRelaysAllThousand() throws Exception {
        // The broker's queue holds the burst for the dead board: at its default of 1,000 queued messages
        // it would drop some itself, whatever the board does.
        MosquittoBroker mosquitto = this.room.mosquitto("max_queued_messages 10000");
        Map<String, String> settings = new TreeMap<>();
        for (String key : Burst.persistentQos1(mosquitto.uri(), "relayboard-crash").stringPropertyNames()) {
            settings.put(key, Burst.persistentQos1(mosquitto.uri(), "relayboard-crash").getProperty(key));
        }
        BoardProcess board = this.room.boardProcess("crash", settings);
        board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        DesktopPaho.Counter topic3 = this.room.client(new DesktopPaho.Counter(mosquitto.port(), "crash-topic3",
                Burst.TOPIC3));

        List<String> payloads = Burst.payloads("crash", MESSAGES);
        Process publisher = Burst.publish(mosquitto.port(), Burst.TOPIC1, 1, payloads);
        Thread.sleep(KILL_AFTER_MS);
        board.kill();
        int atKill = topic3.distinct();
        Burst.awaitExit(publisher, TIMEOUT_MS);
        System.err.println("[crash] killed with " + atKill + " of " + MESSAGES + " on topic3");

        this.room.boardProcess("crash-again", settings);
        boolean all = topic3.awaitDistinct(MESSAGES, TIMEOUT_MS);
        String report = topic3.distinct() + " of " + MESSAGES + " on topic3 (" + atKill + " before the kill, "
                + topic3.duplicates() + " duplicates)";
        System.err.println("[crash] " + report);
        List<String> missing = topic3.missing(Burst.relayed(payloads));
        assertTrue("lost across the crash: " + missing.size() + ", first " + missing.subList(0, Math.min(5,
                missing.size())) + "; " + report, all);
        assertTrue("the board had relayed the whole burst before it was killed, so the kill proved nothing: "
                + report, atKill < MESSAGES);
    }
}
