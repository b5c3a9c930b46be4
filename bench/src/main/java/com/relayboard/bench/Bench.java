package com.relayboard.bench;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark: RelayBoard next to the broker floor and the tutorials' Python relay, in one run on
 * one Debian mosquitto, so that the figures compare on a noisy machine. Writes a Markdown report and
 * PNG charts. See the README's "Benchmarks" section and docs/benchmarks.md for what is measured and
 * how.
 *
 * <p>Options: {@code full} (the complete run, the default), {@code --short} (CI: a few messages of every subject,
 * case and lanes configuration, only proves the harness works), {@code --out DIR}
 * (default {@code docs}, or {@code bench/target/short} with {@code --short}), {@code --repo DIR} (the
 * repository root, default the working folder), {@code --messages N} (N in each stream, N / 10 one at
 * a time, instead of 20,000 and 2,000), {@code --report-only} (the report again from the last run's
 * saved figures), {@code --broker-tcp-nodelay} (mosquitto with
 * Nagle's algorithm off), {@code --command TEXT} (how it was started, for the report), {@code --console-burst} (only
 * the console's measurement, {@link ConsoleBurst}; with {@code --short}, a few messages). The system
 * property {@code bench.boardJvmOptions} adds options to the board's JVM (e.g. to profile it).
 */
public final class Bench {

    static final int[] QOS_LEVELS = { 0, 1 };
    static final int[] PAYLOAD_BYTES = { 16, 1024 };
    /**
     * Messages inside a relay at once in a sustained stream. Any subject holds a larger burst back at
     * the broker now, but the broker's own queue (1,000 per client by default) and QoS 0's lack of
     * redelivery would then decide the losses; a window keeps the figure the relay's own zero-loss rate,
     * the same for every subject and every run since the first.
     */
    static final int WINDOW = 32;
    private static final long READY_TIMEOUT_MS = 60000;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean shortMode = false;
        File repo = new File(".");
        File out = null;
        String command = "bench/run";
        boolean brokerNoDelay = false;
        int messages = 0;
        boolean reportOnly = false;
        boolean consoleBurst = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
            case "full":
                // The complete run, as plain bench/run: named so that a reader of .ci and the README sees which.
                break;
            case "--short":
                shortMode = true;
                break;
            case "--out":
                out = new File(args[++i]);
                break;
            case "--repo":
                repo = new File(args[++i]);
                break;
            case "--report-only":
                reportOnly = true;
                break;
            case "--messages":
                messages = Integer.parseInt(args[++i]);
                break;
            case "--console-burst":
                consoleBurst = true;
                break;
            case "--broker-tcp-nodelay":
                brokerNoDelay = true;
                break;
            case "--command":
                command = args[++i];
                break;
            default:
                System.err.println("unknown option " + args[i]
                        + "; usage: bench/run [full | --short] [--out DIR] [--messages N] [--broker-tcp-nodelay]"
                        + " | bench/run --console-burst [--short]");
                System.exit(64);
            }
        }
        // Where the board's JVM finds the host platform's agent (BoardProcess.agentJar).
        System.setProperty("bench.repo", repo.getAbsolutePath());
        if (consoleBurst) {
            ConsoleBurst.run(repo, command, shortMode);
            return;
        }
        if (out == null) {
            out = shortMode ? new File(repo, "bench/target/short") : new File(repo, "docs");
        }
        // A short run never replaces the figures a full report is written again from.
        File saved = new File(repo, shortMode ? "bench/target/last-short-results.ser" : "bench/target/last-results.ser");
        if (reportOnly) {
            // Writes the report again from the last run's figures (after editing bench/analysis.md, say).
            Results last;
            try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(saved))) {
                last = (Results) in.readObject();
            }
            Files.createDirectories(out.toPath());
            Charts.write(last, out);
            Report.write(last, new File(out, "benchmarks.md"));
            log("wrote " + new File(out, "benchmarks.md") + " from " + saved);
            return;
        }
        Results results = new Results();
        results.shortMode = shortMode;
        results.command = command;
        results.latencySamples = shortMode ? 40 : 2000;
        results.rateMessages = shortMode ? 400 : 20000;
        if (messages > 0) {
            // Scales both: N in each stream, N / 10 one at a time.
            results.rateMessages = messages;
            results.latencySamples = Math.max(rounds(shortMode), messages / 10);
        }
        results.window = WINDOW;
        int rounds = rounds(shortMode);
        int warmLatency = shortMode ? 10 : 300;
        int warmRate = shortMode ? 100 : 3000;

        File work = new File(repo, "bench/target/run-" + System.currentTimeMillis());
        Files.createDirectories(work.toPath());
        Files.createDirectories(out.toPath());
        File script = new File(repo, "bench/python/tutorial_relay.py");
        environment(results);
        log("work folder " + work + ", report to " + out);

        Subject floor1 = new Subject(Subject.FLOOR_1, "Floor: 1 hop (Paho Java)", "/bench/floor1", "/bench/floor1");
        Subject floor3 = new Subject(Subject.FLOOR_3, "Floor: 3 hops (Paho Java)", "/bench/floor3/a",
                "/bench/floor3/d");
        Subject board = new Subject(Subject.BOARD, "RelayBoard (host, headless)", "/test/topic1", "/test/topic3");
        Subject python = new Subject(Subject.PYTHON, "Tutorial relay (Paho Python)", "/bench/py/topic1",
                "/bench/py/topic3");
        Subject floorSync = new Subject(Subject.FLOOR_SYNC, "Floor: 3 hops, MicroPaho-shaped (Paho sync)",
                SYNC_HOPS.get(0)[0], SYNC_HOPS.get(SYNC_HOPS.size() - 1)[1]);
        Subject boardQuiet = new Subject(Subject.BOARD_QUIET, "RelayBoard, console off (host, headless)",
                "/bench/quiet/topic1", "/bench/quiet/topic3");
        results.subjects.addAll(Arrays.asList(floor1, floor3, board, boardQuiet, python, floorSync));
        Subject boardLink = new Subject(Subject.BOARD_LINK, "RelayBoard through the link", "/bench/link/topic1",
                "/bench/link/topic3");
        Subject pythonLink = new Subject(Subject.PYTHON_LINK, "Tutorial relay through the link",
                "/bench/pylink/topic1", "/bench/pylink/topic3");
        results.linkSubjects = new ArrayList<>(Arrays.asList(boardLink, pythonLink));
        results.linkCases = new ArrayList<>();
        results.linkOneWayMs = DelayLink.BENCH_ONE_WAY_MS;
        results.linkLatencySamples = shortMode ? 20 : 200;
        results.linkRateMessages = shortMode ? 100 : 2000;
        List<String[]> forwards = Arrays.asList(new String[] { "/bench/floor3/a", "/bench/floor3/b" },
                new String[] { "/bench/floor3/b", "/bench/floor3/c" },
                new String[] { "/bench/floor3/c", "/bench/floor3/d" });
        List<String> sinks = Arrays.asList(floor1.outTopic, floor3.outTopic, board.outTopic, boardQuiet.outTopic,
                python.outTopic,
                floorSync.outTopic, boardLink.outTopic, pythonLink.outTopic);
        List<Subject> everyone = new ArrayList<>(results.subjects);
        everyone.addAll(results.linkSubjects);

        BenchCertificates certificates = BenchCertificates.make(work);
        int tlsPort = Mosquitto.freePort();
        try (Mosquitto broker = Mosquitto.start(work, brokerNoDelay, String.join("\n", certificates.listener(tlsPort)));
                DelayLink link = DelayLink.start(broker.port(), DelayLink.BENCH_ONE_WAY_MS);
                DelayLink tlsLink = DelayLink.start(tlsPort, DelayLink.BENCH_ONE_WAY_MS)) {
            broker.awaitListening(tlsPort);
            results.environment.put("Broker", "Debian mosquitto " + mosquittoVersion() + ", loopback port "
                    + broker.port() + " (TLS " + tlsPort + ")"
                    + (brokerNoDelay ? ", set_tcp_nodelay true" : ", default settings (Nagle on)"));
            results.linkRoundTripMs = linkRoundTripMs(link, shortMode ? 10 : 50);
            log(String.format(Locale.ROOT, "link: %d ms each way, publish round trip through it %.2f ms (median)",
                    link.oneWayDelayMs(), results.linkRoundTripMs));
            for (int qos : QOS_LEVELS) {
                log("QoS " + qos + ": starting the boards, the Python relays and the floors");
                try (BoardProcess boardProcess = BoardProcess.start(broker.uri(), qos, work);
                        BoardProcess linkBoard = BoardProcess.start(linkUri(link), qos, work, BoardAgent.CONSOLE_UART,
                                "link-q" + qos, chain("/bench/link", "bench-board-link-q" + qos));
                        BoardProcess quietBoard = BoardProcess.start(broker.uri(), qos, work, BoardAgent.CONSOLE_OFF,
                                "quiet-q" + qos, chain("/bench/quiet", "bench-board-quiet-q" + qos));
                        PythonRelay pythonRelay = PythonRelay.start(script, broker.port(), qos, "/bench/py", work);
                        PythonRelay pythonLinkRelay = PythonRelay.start(script, link.port(), qos, "/bench/pylink",
                                work);
                        Clients clients = Clients.connect(broker.uri(), sinks, forwards)) {
                    results.boardLanes = Integer.parseInt(boardProcess.ask("lanes").get("count"));
                    try (SyncFloor syncFloor = SyncFloor.connect(broker.uri(), results.boardLanes, SYNC_HOPS)) {
                        Measure measure = new Measure(clients);
                        awaitReady(measure, everyone, qos, work);
                        for (int bytes : PAYLOAD_BYTES) {
                            Results.Case c = new Results.Case(qos, bytes);
                            results.cases.add(c);
                            runCase(results, c, results.subjects, measure, boardProcess, results.latencySamples,
                                    results.rateMessages, rounds, warmLatency, warmRate);
                        }
                        Results.Case linkCase = new Results.Case(qos, LINK_PAYLOAD_BYTES);
                        results.linkCases.add(linkCase);
                        runCase(results, linkCase, results.linkSubjects, measure, null, results.linkLatencySamples,
                                results.linkRateMessages, rounds, shortMode ? 5 : 20, shortMode ? 50 : 200);
                    }
                    results.heap.put(qos, boardProcess.ask("heap"));
                    log("heap " + results.heap.get(qos).get(""));
                    log("threads " + boardProcess.ask("threads").get(""));
                    boardProcess.ask("png " + new File(out, "benchmarks-lcd.png").getAbsolutePath());
                    if (!pythonRelay.isAlive() || !pythonLinkRelay.isAlive()) {
                        throw new IllegalStateException("a Python relay died; see " + work);
                    }
                }
            }
            Lanes.run(results, broker, tlsPort, certificates, link, tlsLink, work, shortMode);
        }
        try (ObjectOutputStream save = new ObjectOutputStream(new FileOutputStream(saved))) {
            save.writeObject(results);
        }
        Charts.write(results, out);
        Report.write(results, new File(out, "benchmarks.md"));
        log("wrote " + new File(out, "benchmarks.md"));
    }

    /** The synchronous floor's hops: two forwards, three broker hops, as the board's default chain. */
    static final List<String[]> SYNC_HOPS = Arrays.asList(new String[] { "/bench/sync/a", "/bench/sync/b" },
            new String[] { "/bench/sync/b", "/bench/sync/c" });
    /** Through the link only 16-byte payloads: its figures are the link's round trips, not the payload's size. */
    static final int LINK_PAYLOAD_BYTES = 16;
    /** The firmware's option for how many lanes its session uses (1 or 2). */
    static final String LANES_KEY = "relayboard.mqtt.lanes";

    /** @return the firmware's settings for a two-hop chain on topics of its own, as the default one */
    static Map<String, String> chain(String prefix, String clientId) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("relayboard.mqtt.clientId", clientId);
        settings.put("relayboard.relay.1.from", prefix + "/topic1");
        settings.put("relayboard.relay.1.to", prefix + "/topic2");
        settings.put("relayboard.relay.1.suffix", " (relay1)");
        settings.put("relayboard.relay.2.from", prefix + "/topic2");
        settings.put("relayboard.relay.2.to", prefix + "/topic3");
        settings.put("relayboard.relay.2.suffix", " (relay2)");
        return settings;
    }

    static String linkUri(DelayLink link) {
        return "tcp://127.0.0.1:" + link.port();
    }

    static void awaitReady(Measure measure, List<Subject> subjects, int qos, File work) throws Exception {
        for (Subject subject : subjects) {
            if (!measure.awaitReady(subject, qos, READY_TIMEOUT_MS)) {
                throw new IllegalStateException(subject + " passed no message within " + READY_TIMEOUT_MS
                        + " ms at QoS " + qos + " (logs in " + work + ")");
            }
        }
    }

    /**
     * The link's publish round trip: QoS 1 publishes one at a time by a synchronous Paho client through the link,
     * each waiting for its PUBACK (to a topic nobody reads), after a few to warm up.
     *
     * @return the median, ms
     */
    static double linkRoundTripMs(DelayLink link, int samples) throws Exception {
        com.relayboard.host.paho.mqttv3.MqttClient client = new com.relayboard.host.paho.mqttv3.MqttClient(
                linkUri(link), "bench-rtt-" + System.nanoTime() % 100000,
                new com.relayboard.host.paho.mqttv3.persist.MemoryPersistence());
        com.relayboard.host.paho.mqttv3.MqttConnectOptions options =
                new com.relayboard.host.paho.mqttv3.MqttConnectOptions();
        options.setSocketFactory(Clients.NO_DELAY);
        options.setCleanSession(true);
        client.connect(options);
        try {
            long[] ns = new long[samples];
            for (int i = -5; i < samples; i++) {
                long start = System.nanoTime();
                client.publish("/bench/rtt", new byte[16], 1, false);
                if (i >= 0) {
                    ns[i] = System.nanoTime() - start;
                }
            }
            return Stats.toMs(new Stats(ns, samples).percentileNs(50));
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private static int rounds(boolean shortMode) {
        return shortMode ? 2 : 4;
    }

    /** @param board the board whose costs are taken over each phase, or null to take none */
    private static void runCase(Results results, Results.Case c, List<Subject> subjects, Measure measure,
            BoardProcess board, int latencySamples, int rateMessages, int rounds, int warmLatency, int warmRate)
            throws Exception {
        log(c + ": warming up " + subjects);
        for (Subject subject : subjects) {
            measure.latency(subject, c.payloadBytes, c.qos, warmLatency, new Measure.Latencies());
            measure.rate(subject, c.payloadBytes, c.qos, warmRate, WINDOW);
        }
        Results.BoardCost latencyCost = new Results.BoardCost();
        int perRound = latencySamples / rounds;
        for (int round = 0; round < rounds; round++) {
            // Rounds take turns, so that a burst of load from elsewhere on the machine hits every subject.
            for (Subject subject : subjects) {
                Measure.Latencies into = results.latency(c, subject);
                if (board != null && subject.key.equals(Subject.BOARD)) {
                    Map<String, String> before = board.ask("snapshot");
                    int had = into.count;
                    measure.latency(subject, c.payloadBytes, c.qos, perRound, into);
                    latencyCost.add(before, board.ask("snapshot"), into.count - had);
                } else {
                    measure.latency(subject, c.payloadBytes, c.qos, perRound, into);
                }
            }
        }
        if (board != null) {
            results.boardLatencyPhase.put(Results.key(c), latencyCost);
        }
        for (Subject subject : subjects) {
            Stats stats = results.latency(c, subject).stats();
            log(String.format("%s %-30s latency p50 %.3f ms p95 %.3f ms p99 %.3f ms (%d samples, %d lost)", c,
                    subject, Stats.toMs(stats.percentileNs(50)), Stats.toMs(stats.percentileNs(95)),
                    Stats.toMs(stats.percentileNs(99)), stats.count(), results.latency(c, subject).lost));
        }
        for (Subject subject : subjects) {
            Measure.Rate rate;
            if (board != null && subject.key.equals(Subject.BOARD)) {
                Results.BoardCost rateCost = new Results.BoardCost();
                Map<String, String> before = board.ask("snapshot");
                rate = measure.rate(subject, c.payloadBytes, c.qos, rateMessages, WINDOW);
                rateCost.add(before, board.ask("snapshot"), rate.delivered);
                results.boardRatePhase.put(Results.key(c), rateCost);
            } else {
                rate = measure.rate(subject, c.payloadBytes, c.qos, rateMessages, WINDOW);
            }
            results.rates.put(Results.key(c, subject), rate);
            log(String.format("%s %-30s rate %.0f msg/s (%d sent, %d lost, %d duplicates)", c, subject,
                    rate.perSecond, rate.sent, rate.lost(), rate.duplicates));
        }
        if (board == null) {
            return;
        }
        Results.BoardCost cost = results.boardLatencyPhase.get(Results.key(c));
        log(String.format("%s board, one at a time: %.0f px and %.0f bytes (loop+outbox) per relayed message", c,
                cost.perRelayed(cost.pixels), cost.perRelayed(cost.allocated(BoardAgent.LOOP, BoardAgent.OUTBOX))));
    }

    private static void environment(Results results) {
        results.environment.put("Date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'")));
        results.environment.put("Cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        results.environment.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty(
                "java.runtime.version"));
        results.environment.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        results.environment.put("Python relay", PythonRelay.versions());
    }

    private static String mosquittoVersion() {
        try {
            Process process = new ProcessBuilder(Mosquitto.BINARY, "-h").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            int at = out.indexOf("version ");
            if (at >= 0) {
                int end = out.indexOf('\n', at);
                return out.substring(at + "version ".length(), end < 0 ? out.length() : end).trim();
            }
        } catch (IOException | InterruptedException e) {
            // Unknown then.
        }
        return "(version unknown)";
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
