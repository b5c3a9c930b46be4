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

    /** What a count records. */
    private enum Count {
        HEARD, UNMATCHED, TAKEN, RELAYED, DROPPED, GIVEN_BACK
    }

    // Guarded by this object's monitor, taken in three places only: record() writes, copy() and totals() read. A lock,
    // not volatile fields, because the figures must balance at the moment they are read (received = relayed +
    // dropped + in flight) while delivery threads and the publisher count at once.
    private int taken;
    private int relayed;
    private int dropped;
    private int givenBack;
    /** Messages on a subscription that no rule takes any more (a source a new table left out): shown, not relayed. */
    private int unmatched;
    /**
     * Messages (probes included) and publish acknowledgements: anything heard from the broker. Written under the
     * monitor, read without it (the loop only asks whether it changed).
     */
    private volatile int heard;

    /** The one place the figures change: {@code rule}, {@code reason} and {@code latencyMs} as the count needs them. */
    private synchronized void record(Count what, int rule, int reason, long latencyMs) {
        switch (what) {
        case HEARD:
            this.heard++;
            return;
        case UNMATCHED:
            this.unmatched++;
            return;
        case TAKEN:
            this.taken++;
            figures(rule).taken++;
            return;
        case RELAYED:
            this.relayed++;
            RuleFigures figures = figures(rule);
            figures.relayed++;
            if (latencyMs >= 0) {
                figures.latencyMs[figures.latencies % LATENCY_WINDOW] = latencyMs;
                figures.latencies++;
            }
            return;
        case DROPPED:
            this.dropped++;
            figures(rule).dropped[reason]++;
            return;
        default:
            this.givenBack++;
            figures(rule).givenBack++;
            return;
        }
    }

    /** Anything heard from the broker: a message, or a publish acknowledgement. */
    void countHeard() {
        record(Count.HEARD, 0, 0, -1);
    }

    /** @return how many times the broker was heard: a change means the link is alive */
    int heard() {
        return this.heard;
    }

    /** A message came on a source no rule takes any more. */
    void countUnmatched() {
        record(Count.UNMATCHED, 0, 0, -1);
    }

    /** @return messages that came on a source no rule has any more: shown, not relayed */
    public int unmatched() {
        return totals()[4];
    }

    /** A message on a relay rule's source was taken. */
    void countTaken(int rule) {
        record(Count.TAKEN, rule, 0, -1);
    }

    /** @param latencyMs from the original's receipt to the copy's acknowledgement, or -1 when not measured */
    void countRelayed(int rule, long latencyMs) {
        record(Count.RELAYED, rule, 0, latencyMs);
    }

    void countDropped(int rule, int reason) {
        record(Count.DROPPED, rule, reason, -1);
    }

    void countGivenBack(int rule) {
        record(Count.GIVEN_BACK, rule, 0, -1);
    }

    private RuleFigures figures(int rule) {
        int index = rule > 0 && rule < this.rules.length ? rule : 0;
        if (this.rules[index] == null) {
            this.rules[index] = new RuleFigures();
        }
        return this.rules[index];
    }

    /** @return a copy of rule {@code rule}'s figures, taken at one moment (the percentiles are worked out after) */
    private synchronized RuleFigures copy(int rule) {
        RuleFigures figures = figures(rule);
        RuleFigures copy = new RuleFigures();
        copy.taken = figures.taken;
        copy.relayed = figures.relayed;
        copy.givenBack = figures.givenBack;
        System.arraycopy(figures.dropped, 0, copy.dropped, 0, DROP_REASONS.length);
        System.arraycopy(figures.latencyMs, 0, copy.latencyMs, 0, LATENCY_WINDOW);
        copy.latencies = figures.latencies;
        return copy;
    }

    /**
     * @return rule {@code rule}'s figures at one moment: {received, relayed, dropped (all reasons), inFlight,
     *         ackMsP50, ackMsP99, then dropped per {@link #DROP_REASONS}}; the percentiles -1 before any copy was
     *         acknowledged. received = relayed + dropped + inFlight.
     */
    public long[] ruleSnapshot(int rule) {
        RuleFigures figures = copy(rule);
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

    /** @return {taken, relayed, dropped, givenBack, unmatched}, taken at one moment */
    private synchronized int[] totals() {
        return new int[] { this.taken, this.relayed, this.dropped, this.givenBack, this.unmatched };
    }

    /** @return messages on relay sources the board took and did not give back */
    public int received() {
        int[] totals = totals();
        return totals[0] - totals[3];
    }

    public int relayed() {
        return totals()[1];
    }

    public int dropped() {
        return totals()[2];
    }

    /** @return messages given back to the broker unacknowledged, to be delivered again */
    public int givenBack() {
        return totals()[3];
    }

    /** @return {received, relayed, dropped, inFlight}, taken at one moment */
    public int[] snapshot() {
        int[] totals = totals();
        int received = totals[0] - totals[3];
        return new int[] { received, totals[1], totals[2], received - totals[1] - totals[2] };
    }
}
