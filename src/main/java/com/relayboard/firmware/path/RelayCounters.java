package com.relayboard.firmware.path;

import com.relayboard.firmware.relay.RuleChecks;

/**
 * The message path's counts, kept so that at any moment
 * {@code received == relayed + dropped + inFlight}. A message that went back to the broker (its
 * connection was lost before it was safe) no longer counts as received: the broker delivers it again,
 * and it is received then. Written by the delivery and publisher threads, read by anyone.
 */
public final class RelayCounters {

    /** Why a message taken by a rule was dropped: the telemetry's keys, in this order. */
    public static final String[] DROP_REASONS = { "too large", "not published", "connection lost", "board stopped" };
    static final int TOO_LARGE = 0;
    static final int NOT_PUBLISHED = 1;
    static final int CONNECTION_LOST = 2;
    static final int BOARD_STOPPED = 3;
    /** The ack latency's percentiles are over this many of a rule's last relayed copies. */
    public static final int LATENCY_WINDOW = 64;

    /** The figures of one rule number (1 to {@link RuleChecks#MAX_RULES}), whichever table it was in. */
    private static final class RuleFigures {
        int taken;
        int relayed;
        int givenBack;
        final int[] dropped = new int[DROP_REASONS.length];
        final long[] latencyMs = new long[LATENCY_WINDOW];
        int latencies;
    }

    private final RuleFigures[] rules = new RuleFigures[RuleChecks.MAX_RULES + 1];

    private int taken;
    private int relayed;
    private int dropped;
    private int givenBack;
    /**
     * Messages (probes included) and publish acknowledgements: anything heard from the broker. Counted here, under
     * the counters' monitor, rather than under a monitor of the path's own.
     */
    private int heard;

    /** A message on a relay rule's source was taken. */
    synchronized void countHeard() {
        this.heard++;
    }

    /** @return how many times the broker was heard: a change means the link is alive */
    synchronized int heard() {
        return this.heard;
    }

    /**
     * Messages on a subscription that no rule takes any more (a source a new rule table left out): shown, not relayed,
     * and not among {@link #received()}.
     */
    private int unmatched;

    synchronized void countUnmatched() {
        this.unmatched++;
    }

    /** @return messages that came on a source no rule has any more: shown, not relayed */
    public synchronized int unmatched() {
        return this.unmatched;
    }

    synchronized void countTaken(int rule) {
        this.taken++;
        figures(rule).taken++;
    }

    /** @param latencyMs from the original's receipt to the copy's acknowledgement, or -1 when not measured */
    synchronized void countRelayed(int rule, long latencyMs) {
        this.relayed++;
        RuleFigures figures = figures(rule);
        figures.relayed++;
        if (latencyMs >= 0) {
            figures.latencyMs[figures.latencies % LATENCY_WINDOW] = latencyMs;
            figures.latencies++;
        }
    }

    synchronized void countDropped(int rule, int reason) {
        this.dropped++;
        figures(rule).dropped[reason]++;
    }

    synchronized void countGivenBack(int rule) {
        this.givenBack++;
        figures(rule).givenBack++;
    }

    private RuleFigures figures(int rule) {
        int index = rule > 0 && rule < this.rules.length ? rule : 0;
        if (this.rules[index] == null) {
            this.rules[index] = new RuleFigures();
        }
        return this.rules[index];
    }

    /**
     * @return rule {@code rule}'s figures at one moment: {received, relayed, dropped (all reasons), inFlight,
     *         ackMsP50, ackMsP99, then dropped per {@link #DROP_REASONS}}; the percentiles -1 before any copy was
     *         acknowledged. received = relayed + dropped + inFlight.
     */
    public synchronized long[] ruleSnapshot(int rule) {
        RuleFigures figures = figures(rule);
        long[] snapshot = new long[6 + DROP_REASONS.length];
        int received = figures.taken - figures.givenBack;
        int droppedAll = 0;
        for (int i = 0; i < DROP_REASONS.length; i++) {
            droppedAll += figures.dropped[i];
            snapshot[6 + i] = figures.dropped[i];
        }
        snapshot[0] = received;
        snapshot[1] = figures.relayed;
        snapshot[2] = droppedAll;
        snapshot[3] = received - figures.relayed - droppedAll;
        int count = Math.min(figures.latencies, LATENCY_WINDOW);
        snapshot[4] = percentile(figures.latencyMs, count, 50);
        snapshot[5] = percentile(figures.latencyMs, count, 99);
        return snapshot;
    }

    /** @return the nearest-rank {@code percent}-th percentile of the first {@code count} values, or -1 for none */
    static long percentile(long[] values, int count, int percent) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = new long[count];
        System.arraycopy(values, 0, sorted, 0, count);
        // Insertion sort: 64 values at most.
        for (int i = 1; i < count; i++) {
            long value = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > value) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = value;
        }
        int rank = (percent * count + 99) / 100;
        return sorted[Math.max(0, rank - 1)];
    }

    /** @return messages on relay sources the board took and did not give back */
    public synchronized int received() {
        return this.taken - this.givenBack;
    }

    public synchronized int relayed() {
        return this.relayed;
    }

    public synchronized int dropped() {
        return this.dropped;
    }

    /** @return messages given back to the broker unacknowledged, to be delivered again */
    public synchronized int givenBack() {
        return this.givenBack;
    }

    /** @return {received, relayed, dropped, inFlight}, taken at one moment */
    public synchronized int[] snapshot() {
        int received = this.taken - this.givenBack;
        return new int[] { received, this.relayed, this.dropped, received - this.relayed - this.dropped };
    }
}
