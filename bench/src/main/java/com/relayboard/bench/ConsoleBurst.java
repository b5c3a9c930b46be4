package com.relayboard.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the console costs the relay on the board's UART (issue 15): the relay's rate during a burst of
 * {@link #MESSAGES} QoS 1 messages, published as fast as the harness's publisher can, with the console on the
 * board's UART (115,200 baud, holding the whole board while it sends, as on the device) and with the console off
 * (printing nowhere: no UART, no stall). Each round starts a fresh board for each, in alternating order, against one
 * Debian mosquitto that queues the whole burst ({@code max_queued_messages 10000}). Writes
 * {@code bench/target/console-burst.md}; {@code bench/run --console-burst}.
 */
final class ConsoleBurst {

    static final int MESSAGES = 2000;
    static final int ROUNDS = 3;
    static final int PAYLOAD_BYTES = Payloads.MIN_BYTES;
    /** Before each timed burst: the JIT warms up on the same path, untimed. */
    static final int WARM_UP = 1000;
    /** After the warm-up, so that the console's budget is full again and has said its skips, as on a quiet board. */
    static final long SETTLE_MS = 3000;
    private static final long READY_TIMEOUT_MS = 60000;
    private static final String[] MODES = { BoardAgent.CONSOLE_UART, BoardAgent.CONSOLE_OFF };

    private ConsoleBurst() {
    }

    static void run(File repo, String command, boolean shortMode) throws Exception {
        int messages = shortMode ? 200 : MESSAGES;
        int rounds = shortMode ? 1 : ROUNDS;
        int warmUp = shortMode ? 100 : WARM_UP;
        File work = new File(repo, "bench/target/console-burst-" + System.currentTimeMillis());
        Files.createDirectories(work.toPath());
        List<String> rows = new ArrayList<>();
        List<List<Double>> rates = Arrays.asList(new ArrayList<Double>(), new ArrayList<Double>());
        try (Mosquitto broker = Mosquitto.start(work, false, "max_queued_messages 10000")) {
            Subject board = new Subject(Subject.BOARD, "RelayBoard (host, headless)", "/test/topic1",
                    "/test/topic3");
            for (int round = 1; round <= rounds; round++) {
                for (int turn = 0; turn < MODES.length; turn++) {
                    // Alternating which goes first, so that a drift of the machine's load hits both alike.
                    int mode = (round + turn) % MODES.length;
                    String console = MODES[mode];
                    Bench.log("console burst, round " + round + ", console " + console);
                    try (BoardProcess process = BoardProcess.start(broker.uri(), 1, work, console,
                            "burst-" + console + "-" + round);
                            Clients clients = Clients.connect(broker.uri(), Collections.singletonList(board.outTopic),
                                    Collections.<String[]>emptyList())) {
                        Measure measure = new Measure(clients);
                        if (!measure.awaitReady(board, 1, READY_TIMEOUT_MS)) {
                            throw new IllegalStateException("the board passed no message (logs in " + work + ")");
                        }
                        measure.rate(board, PAYLOAD_BYTES, 1, warmUp, warmUp);
                        Thread.sleep(SETTLE_MS);
                        Map<String, String> before = process.ask("snapshot");
                        Measure.Rate rate = measure.rate(board, PAYLOAD_BYTES, 1, messages, messages);
                        Map<String, String> after = process.ask("snapshot");
                        long stallMs = (Long.parseLong(after.get("uartStallNs"))
                                - Long.parseLong(before.get("uartStallNs"))) / 1000000;
                        long burstMs = rate.perSecond > 0 ? Math.round(rate.delivered * 1000 / rate.perSecond) : 0;
                        int skipped = Integer.parseInt(after.get("consoleSkipped"))
                                - Integer.parseInt(before.get("consoleSkipped"));
                        rates.get(mode).add(rate.perSecond);
                        String row = String.format(Locale.ROOT, "| %d | %s | %.0f | %d ms | %d | %d ms (%d %%) | %d |",
                                round, label(console), rate.perSecond, burstMs, rate.lost(), stallMs,
                                burstMs > 0 ? stallMs * 100 / burstMs : 0, skipped);
                        rows.add(row);
                        Bench.log(row);
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append(" with `").append(command).append("` (").append(rounds)
                .append(" round(s) of ").append(messages).append(" QoS 1 messages of ").append(PAYLOAD_BYTES)
                .append(" bytes, ").append(Runtime.getRuntime().availableProcessors()).append(" cores):\n\n");
        md.append("| Round | Console | Rate, msg/s | Burst | Lost | UART held the board | Message lines skipped |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (String row : rows) {
            md.append(row).append('\n');
        }
        md.append('\n');
        for (int mode = 0; mode < MODES.length; mode++) {
            md.append(String.format(Locale.ROOT, "Median, console %s: %.0f msg/s.%n", label(MODES[mode]),
                    median(rates.get(mode))));
        }
        File out = new File(repo, "bench/target/console-burst.md");
        Files.write(out.toPath(), md.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println(md);
        Bench.log("wrote " + out + " (logs in " + work + ")");
    }

    private static String label(String console) {
        return console.equals(BoardAgent.CONSOLE_UART) ? "on the board's UART" : "off";
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
