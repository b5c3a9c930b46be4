package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Rule;
import org.junit.Test;

/**
 * Issue 15: the board's VM ends mid-burst as MicroEJ's Evaluation engine ends it (the simulator's
 * {@code --evaluation-limit}, seconds here instead of the engine's 60 minutes), and the chip is reset as with
 * {@code esp_restart()} added to the port's {@code main/microej.c} ({@code --after-evaluation reset}; the fresh
 * board ends the same way after as long, and is reset again). On a persistent session at QoS 1 the board had
 * acknowledged only what it had relayed, so every one of the burst's messages comes out on topic3, duplicates
 * allowed and counted; and the board never said goodbye: mosquitto's log has no DISCONNECT from it.
 */
public class EvaluationStopIT {

    private static final String CLIENT_ID = "relayboard-eval";
    private static final int MESSAGES = 1000;
    /** The engine's limit here: the VM ends while the burst is being published. */
    private static final String LIMIT = "6s";
    /** Between two publishes: spreads the burst over more than one board's life. */
    private static final long PUBLISH_GAP_MS = 12;
    private static final long TIMEOUT_MS = 180000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    private MosquittoBroker mosquitto;
    private BoardProcess board;
    private DesktopPaho.Counter topic3;
    private DesktopPaho.Publisher publisher;

    @Test
    public void theVmEndsMidBurst_theChipIsReset_andEveryQos1MessageComesOut() throws Exception {
        // The broker's queue holds the burst while the board is away: at its default of 1,000 queued messages it
        // could drop some itself, whatever the board does.
        this.mosquitto = this.room.mosquitto("max_queued_messages 10000");
        Map<String, String> settings = new TreeMap<>();
        java.util.Properties persistent = Burst.persistentQos1(this.mosquitto.uri(), CLIENT_ID);
        for (String key : persistent.stringPropertyNames()) {
            settings.put(key, persistent.getProperty(key));
        }
        this.board = this.room.boardProcess("eval", settings, "--evaluation-limit", LIMIT, "--after-evaluation",
                "reset");
        this.board.awaitLine("MQTT: CONNECTED", AbstractRelayIT.TIMEOUT_MS);
        this.topic3 = this.room.client(
                new DesktopPaho.Counter(this.mosquitto.port(), "eval-topic3", Burst.TOPIC3));
        this.publisher = this.room.client(new DesktopPaho.Publisher(this.mosquitto.port(), "eval-publisher"));

        List<String> payloads = Burst.payloads("eval", MESSAGES);
        Thread publishing = new Thread(() -> {
            try {
                for (String payload : payloads) {
                    this.publisher.publish(Burst.TOPIC1, payload, TIMEOUT_MS);
                    Thread.sleep(PUBLISH_GAP_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "eval-publisher");
        publishing.start();

        this.board.awaitLine(EvaluationEngine.MESSAGE, TIMEOUT_MS);
        int atStop = this.topic3.distinct();
        this.board.awaitLine("[simulator] Chip reset 1: a fresh board starts", AbstractRelayIT.TIMEOUT_MS);
        publishing.join(TIMEOUT_MS);

        boolean all = this.topic3.awaitDistinct(MESSAGES, TIMEOUT_MS);
        String report = this.topic3.distinct() + " of " + MESSAGES + " on topic3 (" + atStop
                + " when the first VM ended, " + this.topic3.duplicates() + " duplicates; "
                + this.board.count(EvaluationEngine.MESSAGE) + " VM ends, " + this.board.count("MQTT: CONNECTED")
                + " connects)";
        System.err.println("[eval] " + report);
        List<String> missing = this.topic3.missing(Burst.relayed(payloads));
        assertTrue("lost across the Evaluation stop and the reset: " + missing.size() + ", first "
                + missing.subList(0, Math.min(5, missing.size())) + "; " + report, all);
        assertTrue("the board had relayed the whole burst before its VM ended, so the stop proved nothing: " + report,
                atStop < MESSAGES);
        assertTrue("the fresh board connected: " + report, this.board.count("MQTT: CONNECTED") >= 2);
        // The VM just ended: no DISCONNECT from any of the board's connections, ever (the process is killed at the
        // end, which says nothing either).
        assertEquals("the board said goodbye to the broker:\n" + this.mosquitto.log(), 0,
                countLines(this.mosquitto.log(), "Received DISCONNECT from " + CLIENT_ID));
    }

    private static int countLines(String text, String fragment) {
        int count = 0;
        for (String line : text.split("\n")) {
            if (line.contains(fragment)) {
                count++;
            }
        }
        return count;
    }
}
