package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * Issue 9: 10,000 QoS 0 messages as fast as {@code mosquitto_pub -l -q 0} sends them, to a board on
 * Debian's mosquitto at its defaults. The board never reconnects and never wedges, and its counters
 * account for every message the broker delivered to it (read from the broker's own log): each was
 * relayed or dropped and said. What the broker itself drops beyond its queue never reached the board.
 * Then a message published after the burst is relayed.
 */
public class QosZeroBurstIT {

    private static final int MESSAGES = 10000;
    private static final String CLIENT_ID = "relayboard-qos0-burst";
    private static final long BURST_TIMEOUT_MS = 120000;

    @Rule
    public final BurstFixture fixture = new BurstFixture();

    @Test
    public void tenThousandQos0Messages_noReconnectNoWedge_countersAccountForEveryDelivery() throws Exception {
        // Mosquitto at its defaults.
        this.fixture.start(CLIENT_ID, 0, false);
        RelayBoard board = this.fixture.board;
        ConsoleCapture console = this.fixture.console;

        List<String> payloads = Burst.payloads("qos0", MESSAGES);
        Burst.awaitExit(Burst.publish(this.fixture.port(), Burst.TOPIC1, 0, payloads), BURST_TIMEOUT_MS);
        awaitBrokerReceived(MESSAGES);
        // The broker has the whole burst: the board takes it all in the end, and counts each delivery.
        int[] seen = new int[1];
        int[][] snapshot = new int[1][];
        Poll.untilEvery(200, BURST_TIMEOUT_MS, () -> {
            seen[0] = deliveriesToTheBoard();
            snapshot[0] = board.counters().snapshot();
            return snapshot[0][0] == seen[0] && snapshot[0][3] == 0;
        }, () -> "the board does not account for what it was delivered (wedged?): broker delivered " + seen[0]
                + "; " + board.status());
        int delivered = seen[0];
        int[] counters = snapshot[0];
        assertEquals("received = relayed + dropped: " + board.status(), counters[0], counters[1] + counters[2]);
        String report = "broker delivered " + delivered + " to the board; board: " + board.status() + "; "
                + this.fixture.topic3.distinct() + " of " + MESSAGES + " on topic3; console lines skipped: "
                + board.skippedConsoleLines();
        System.err.println("[qos0 burst] " + report);
        assertEquals("the burst made the board reconnect: " + report, 0, board.reconnects());
        assertEquals("no Last Will, no backoff: " + report, 0, console.count("MQTT: BACKOFF"));

        // Not wedged: a message after the burst is relayed.
        DesktopClients.publish(this.fixture.port(), Burst.TOPIC1, "after the burst");
        assertTrue("not relayed after the burst: " + board.status(), awaitAfter(AbstractRelayIT.TIMEOUT_MS));
    }

    private void awaitBrokerReceived(int count) throws Exception {
        Poll.untilEvery(100, BURST_TIMEOUT_MS, () -> receivedOnTopic1() >= count,
                () -> "the broker never received the whole burst");
    }

    private int receivedOnTopic1() throws Exception {
        int count = 0;
        for (String line : this.fixture.mosquitto.log().split("\n")) {
            if (line.contains("Received PUBLISH from") && line.contains("'/test/topic1'")) {
                count++;
            }
        }
        return count;
    }

    private boolean awaitAfter(long timeoutMs) throws InterruptedException {
        return Poll.within(timeoutMs, () -> this.fixture.topic3.has("after the burst" + Burst.RELAYED_SUFFIX));
    }

    /** @return the messages on the relay's topics that mosquitto's log says it sent the board */
    private int deliveriesToTheBoard() throws Exception {
        int count = 0;
        // Each lane's receiving connection: the client id for rule 1's source, the id plus -2 for rule 2's.
        String lane1 = "Sending PUBLISH to " + CLIENT_ID + " ";
        String lane2 = "Sending PUBLISH to " + CLIENT_ID + "-2 ";
        for (String line : this.fixture.mosquitto.log().split("\n")) {
            if ((line.contains(lane1) || line.contains(lane2))
                    && (line.contains("'/test/topic1'") || line.contains("'/test/topic2'"))) {
                count++;
            }
        }
        return count;
    }
}
