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

    final List<Case> cases = new ArrayList<>();
    final List<Subject> subjects = new ArrayList<>();
    final Map<String, Measure.Latencies> latencies = new LinkedHashMap<>();
    final Map<String, Measure.Rate> rates = new LinkedHashMap<>();
    final Map<String, BoardCost> boardLatencyPhase = new LinkedHashMap<>();
    final Map<String, BoardCost> boardRatePhase = new LinkedHashMap<>();
    /** The board's "heap" answer, per QoS. */
    final Map<Integer, Map<String, String>> heap = new TreeMap<>();
    final Map<String, String> environment = new LinkedHashMap<>();
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
