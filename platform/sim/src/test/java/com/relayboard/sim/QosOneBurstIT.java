package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * Issue 9: 2,000 QoS 1 messages published to topic1 as fast as {@code mosquitto_pub -l -q 1} sends
 * them, to a board on a persistent session whose broker's queue holds them (mosquitto's default of
 * 1,000 queued messages per client would drop the rest: the README says so). The board takes them as
 * fast as it relays them, and the broker holds the rest: all 2,000 come out on topic3, with no
 * reconnect, and a message published after the burst is relayed within seconds of the backlog
 * draining.
 */
public class QosOneBurstIT {

    private static final int MESSAGES = 2000;
    /** Generous: the board relays well over 500 messages a second on a loaded two-core machine. */
    private static final long BURST_TIMEOUT_MS = 120000;
    /** A message after the backlog is relayed at once: this only bounds a failing test. */
    private static final long AFTER_BURST_TIMEOUT_MS = 5000;

    @Rule
    public final BurstFixture fixture = new BurstFixture();

    @Test
    public void twoThousandQos1Messages_asFastAsThePublisherCan_allReachTopic3WithoutAReconnect() throws Exception {
        this.fixture.start("relayboard-qos1-burst", 1, true, "max_queued_messages 10000");
        RelayBoard board = this.fixture.board;
        DesktopPaho.Counter topic3 = this.fixture.topic3;
        ConsoleCapture console = this.fixture.console;

        List<String> payloads = Burst.payloads("qos1", MESSAGES);
        long startMs = System.currentTimeMillis();
        Burst.awaitExit(Burst.publish(this.fixture.port(), Burst.TOPIC1, 1, payloads), BURST_TIMEOUT_MS);
        long publishedMs = System.currentTimeMillis() - startMs;
        boolean all = topic3.awaitDistinct(MESSAGES, BURST_TIMEOUT_MS);
        long relayedMs = System.currentTimeMillis() - startMs;
        String report = topic3.distinct() + " of " + MESSAGES + " on topic3 (published in " + publishedMs
                + " ms, relayed in " + relayedMs + " ms, " + topic3.duplicates() + " duplicates); board: "
                + board.status();
        System.err.println("[qos1 burst] " + report);
        assertTrue("missing " + topic3.missing(Burst.relayed(payloads)).size() + ": " + report, all);
        assertEquals("the burst made the board reconnect: " + report, 0, board.reconnects());
        assertEquals("no Last Will, no backoff: " + report, 0, console.count("MQTT: BACKOFF"));

        long afterMs = System.currentTimeMillis();
        DesktopClients.publish(this.fixture.port(), Burst.TOPIC1, "after the burst");
        assertTrue("a message after the burst was not relayed within " + AFTER_BURST_TIMEOUT_MS + " ms: "
                + board.status(), topic3.awaitDistinct(MESSAGES + 1, AFTER_BURST_TIMEOUT_MS));
        System.err.println("[qos1 burst] after the burst: relayed in " + (System.currentTimeMillis() - afterMs) + " ms");
        int[] counters = Burst.awaitSettledCounters(board, AbstractRelayIT.TIMEOUT_MS);
        assertEquals("nothing dropped: " + board.status(), 0, counters[2]);
    }
}
