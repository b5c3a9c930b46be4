package com.relayboard.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.relayboard.firmware.config.ConfigKeys;

/**
 * The lanes matrix: the board with one lane and with two ({@link Bench#LANES_KEY}), on {@code tcp://} and on
 * {@code ssl://}, at QoS 1 with 16-byte payloads. For each, two boards on topics of their own: one on loopback (rate,
 * p50, retained heap, peak threads and sockets) and one through the Wi-Fi-like link (rate, p50, and the time a
 * reconnect takes after the link cut every connection; its peaks include the reconnects). Without the option in the
 * firmware, only the firmware's own lane count is measured, and the report says so.
 */
final class Lanes {

    private static final int QOS = 1;
    private static final int BYTES = 16;
    private static final long RECONNECT_TIMEOUT_MS = 60000;
    /**
     * The link board's reconnect backoff cap, in seconds: its first retry comes after 1 s either way, and a small cap
     * keeps its "another client uses this client id?" suspicion (three connections in a row closed within
     * {@code MqttLink.TAKEOVER_WINDOW_CAPS} caps of opening) from reading the bench's cuts as a takeover.
     */
    private static final int LINK_RETRY_MAX_S = 1;
    /** Between a reconnect and the next cut: longer than that suspicion's window (3 caps). */
    private static final long BETWEEN_CUTS_MS = 3500;
    /** A probe every this many ms while the board comes back: the resolution of "relaying again". */
    private static final long PROBE_MS = 20;

    private Lanes() {
    }

    static void run(Results results, Mosquitto broker, int tlsPort, BenchCertificates certificates, DelayLink link,
            DelayLink tlsLink, File work, boolean shortMode) throws Exception {
        results.lanesOptionKnown = Arrays.asList(ConfigKeys.known()).contains(Bench.LANES_KEY);
        int[] laneCounts = results.lanesOptionKnown ? new int[] { 1, 2 } : new int[] { 0 };
        results.laneRows = new ArrayList<>();
        results.laneLatencySamples = shortMode ? 20 : 500;
        results.laneRateMessages = shortMode ? 200 : 5000;
        results.laneLinkLatencySamples = shortMode ? 10 : 200;
        results.laneLinkRateMessages = shortMode ? 50 : 2000;
        int reconnects = shortMode ? 1 : 5;
        for (int lanes : laneCounts) {
            for (String transport : new String[] { "tcp", "ssl" }) {
                boolean tls = transport.equals("ssl");
                Results.LaneRow row = new Results.LaneRow();
                row.transport = transport;
                String name = (lanes == 0 ? "own" : Integer.toString(lanes)) + transport;
                Subject loop = new Subject("lanes-" + name, "board " + name, "/bench/lanes/" + name + "/topic1",
                        "/bench/lanes/" + name + "/topic3");
                Subject far = new Subject("lanes-link-" + name, "board " + name + " through the link",
                        "/bench/laneslink/" + name + "/topic1", "/bench/laneslink/" + name + "/topic3");
                Map<String, String> loopSettings = settings("/bench/lanes/" + name, "bench-lanes-" + name, lanes,
                        tls ? certificates : null);
                Map<String, String> farSettings = settings("/bench/laneslink/" + name, "bench-laneslink-" + name,
                        lanes, tls ? certificates : null);
                farSettings.put("relayboard.mqtt.retryMaxS", Integer.toString(LINK_RETRY_MAX_S));
                String loopUri = tls ? "ssl://" + BenchCertificates.HOST + ":" + tlsPort : broker.uri();
                DelayLink farLink = tls ? tlsLink : link;
                String farUri = tls ? "ssl://" + BenchCertificates.HOST + ":" + farLink.port() : Bench.linkUri(farLink);
                Bench.log("lanes: " + name + ": starting a board on loopback and one through the link");
                try (BoardProcess loopBoard = BoardProcess.start(loopUri, QOS, work, BoardAgent.CONSOLE_UART,
                        "lanes-" + name, loopSettings);
                        BoardProcess farBoard = BoardProcess.start(farUri, QOS, work, BoardAgent.CONSOLE_UART,
                                "laneslink-" + name, farSettings);
                        Clients clients = Clients.connect(broker.uri(), Arrays.asList(loop.outTopic, far.outTopic),
                                Collections.<String[]>emptyList())) {
                    row.lanes = Integer.parseInt(loopBoard.ask("lanes").get("count"));
                    Measure measure = new Measure(clients);
                    Bench.awaitReady(measure, Arrays.asList(loop, far), QOS, work);
                    measure.latency(loop, BYTES, QOS, shortMode ? 5 : 100, new Measure.Latencies());
                    measure.rate(loop, BYTES, QOS, shortMode ? 50 : 1000, Bench.WINDOW);
                    measure.latency(far, BYTES, QOS, shortMode ? 3 : 20, new Measure.Latencies());
                    measure.latency(loop, BYTES, QOS, results.laneLatencySamples, row.loopbackLatency);
                    row.loopbackRate = measure.rate(loop, BYTES, QOS, results.laneRateMessages, Bench.WINDOW);
                    measure.latency(far, BYTES, QOS, results.laneLinkLatencySamples, row.linkLatency);
                    row.linkRate = measure.rate(far, BYTES, QOS, results.laneLinkRateMessages, Bench.WINDOW);
                    row.heap = loopBoard.ask("heap");
                    row.loopbackPeaks = loopBoard.ask("peaks");
                    for (int i = 0; i < reconnects; i++) {
                        // A cut soon after the last reconnect would look to the board like a broker that keeps
                        // closing it (a client id taken over), and it would wait a penalty backoff out.
                        Thread.sleep(BETWEEN_CUTS_MS);
                        farBoard.ask("mark");
                        long cutNs = System.nanoTime();
                        farLink.cut();
                        Map<String, String> answer = farBoard.ask("await-reconnect " + RECONNECT_TIMEOUT_MS);
                        row.reconnectConnectingMs.add(Double.parseDouble(answer.get("connectingMs")));
                        row.reconnectConnectedMs.add(Double.parseDouble(answer.get("connectedMs")));
                        long outNs = measure.firstProbeOut(far, QOS, RECONNECT_TIMEOUT_MS, PROBE_MS);
                        if (outNs == 0) {
                            throw new IllegalStateException(far + " relayed nothing within " + RECONNECT_TIMEOUT_MS
                                    + " ms of its reconnect (logs in " + work + ")");
                        }
                        row.reconnectRelayingMs.add((outNs - cutNs) / 1e6);
                    }
                    row.linkPeaks = farBoard.ask("peaks");
                }
                results.laneRows.add(row);
                Stats loopStats = row.loopbackLatency.stats();
                Stats linkStats = row.linkLatency.stats();
                Bench.log(String.format(Locale.ROOT,
                        "lanes: %s: loopback p50 %.3f ms, %.0f msg/s (%d lost); link p50 %.3f ms, %.0f msg/s (%d lost);"
                                + " reconnect %s ms (connected), %s ms (relaying); heap %s; peaks %s / %s",
                        row.label(), Stats.toMs(loopStats.percentileNs(50)), row.loopbackRate.perSecond,
                        row.loopbackRate.lost(), Stats.toMs(linkStats.percentileNs(50)), row.linkRate.perSecond,
                        row.linkRate.lost(), row.reconnectConnectedMs, row.reconnectRelayingMs,
                        Report.heapTotal(row.heap), row.loopbackPeaks.get(""), row.linkPeaks.get("")));
            }
        }
    }

    private static Map<String, String> settings(String prefix, String clientId, int lanes,
            BenchCertificates certificates) {
        Map<String, String> settings = Bench.chain(prefix, clientId);
        if (lanes > 0) {
            settings.put(Bench.LANES_KEY, Integer.toString(lanes));
        }
        if (certificates != null) {
            settings.put("relayboard.mqtt.caCert", certificates.caCert.getAbsolutePath());
        }
        return settings;
    }

    /** @return the median of {@code values}, or NaN for none */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
