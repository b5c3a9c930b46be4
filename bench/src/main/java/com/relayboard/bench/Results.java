package com.relayboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything one run measured, for the report and the charts. */
final class Results implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** One payload size at one QoS. */
    static final class Case implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int qos;
        final int payloadBytes;

        Case(int qos, int payloadBytes) {
            this.qos = qos;
            this.payloadBytes = payloadBytes;
        }

        String label() {
            return (this.payloadBytes >= 1024 ? (this.payloadBytes / 1024) + " KiB" : this.payloadBytes + " B")
                    + ", QoS " + this.qos;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** What the board spent over one phase (differences between two snapshots). */
    static final class BoardCost implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long endToEnd;
        long received;
        long relayed;
        long dropped;
        long pixels;
        long flushes;
        final Map<String, Long> allocated = new TreeMap<>();

        void add(Map<String, String> before, Map<String, String> after, long messagesOut) {
            this.endToEnd += messagesOut;
            this.received += diff(before, after, "received");
            this.relayed += diff(before, after, "relayed");
            this.dropped += diff(before, after, "dropped");
            this.pixels += diff(before, after, "pixels");
            this.flushes += diff(before, after, "flushes");
            for (String key : after.keySet()) {
                if (key.startsWith("alloc.")) {
                    this.allocated.merge(key.substring("alloc.".length()), diff(before, after, key), Long::sum);
                }
            }
        }

        double perRelayed(long total) {
            return this.relayed == 0 ? Double.NaN : (double) total / this.relayed;
        }

        long allocated(String... groups) {
            long sum = 0;
            for (String group : groups) {
                sum += this.allocated.getOrDefault(group, 0L);
            }
            return sum;
        }

        private static long diff(Map<String, String> before, Map<String, String> after, String key) {
            return Long.parseLong(after.getOrDefault(key, "0")) - Long.parseLong(before.getOrDefault(key, "0"));
        }
    }

    /** One row of the lanes matrix: a board with that many lanes on that transport, QoS 1, 16 bytes. */
    static final class LaneRow implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int lanes;
        /** {@code tcp} or {@code ssl} */
        String transport;
        Measure.Latencies loopbackLatency = new Measure.Latencies();
        Measure.Rate loopbackRate;
        Measure.Latencies linkLatency = new Measure.Latencies();
        Measure.Rate linkRate;
        /** The loopback board's "heap" answer. */
        Map<String, String> heap;
        /** The loopback board's and the link board's "peaks" answers (the link board's after its reconnects). */
        Map<String, String> loopbackPeaks;
        Map<String, String> linkPeaks;
        /** Per cut of the link: ms from the cut until the board connected again, and until it relayed again. */
        final List<Double> reconnectConnectedMs = new ArrayList<>();
        final List<Double> reconnectRelayingMs = new ArrayList<>();
        final List<Double> reconnectConnectingMs = new ArrayList<>();

        String label() {
            return this.lanes + (this.lanes == 1 ? " lane, " : " lanes, ") + this.transport + "://";
        }
    }

    final List<Case> cases = new ArrayList<>();
    final List<Subject> subjects = new ArrayList<>();
    final Map<String, Measure.Latencies> latencies = new LinkedHashMap<>();
    final Map<String, Measure.Rate> rates = new LinkedHashMap<>();
    final Map<String, BoardCost> boardLatencyPhase = new LinkedHashMap<>();
    final Map<String, BoardCost> boardRatePhase = new LinkedHashMap<>();
    /** The board's "heap" answer, per QoS. */
    final Map<Integer, Map<String, String>> heap = new TreeMap<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    /**
     * Through the Wi-Fi-like link ({@link DelayLink}): its cases and subjects (relays whose broker connections cross
     * the link), the messages per case, the link's delay and its measured publish round trip. Null in results saved
     * before the link was measured.
     */
    List<Case> linkCases;
    List<Subject> linkSubjects;
    int linkLatencySamples;
    int linkRateMessages;
    long linkOneWayMs;
    /** Median time of a QoS 1 publish until its PUBACK, by a Paho client through the link to the broker. */
    double linkRoundTripMs;
    /** The lanes of the board of the main run (the firmware's default), which the synchronous floor copies. */
    int boardLanes;
    /** One lanes x transport configuration each; null before the matrix was measured. */
    List<LaneRow> laneRows;
    /** Whether the firmware knew {@link Bench#LANES_KEY}: without it only its own lane count is measured. */
    boolean lanesOptionKnown;
    int laneLatencySamples;
    int laneRateMessages;
    int laneLinkLatencySamples;
    int laneLinkRateMessages;
    String command;
    int latencySamples;
    int rateMessages;
    int window;
    boolean shortMode;

    static String key(Case c, Subject s) {
        return c.qos + "/" + c.payloadBytes + "/" + s.key;
    }

    static String key(Case c) {
        return c.qos + "/" + c.payloadBytes;
    }

    Measure.Latencies latency(Case c, Subject s) {
        return this.latencies.computeIfAbsent(key(c, s), k -> new Measure.Latencies());
    }

    Subject subject(String key) {
        for (Subject s : this.subjects) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
