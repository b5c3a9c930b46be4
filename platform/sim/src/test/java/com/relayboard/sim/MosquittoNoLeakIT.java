package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.host.paho.mqttv3.MqttClient;

/**
 * No leak: 100,000 messages through the chain, against Debian's mosquitto, with the board in a JVM of
 * its own at a fixed small heap ({@code -Xmx64m}). Every {@link #SAMPLE_EVERY} messages the board
 * reports its heap right after a full collection, once its LCD has drawn what it was asked to (at full
 * speed the UI thread lags behind and its queue holds megabytes; that backlog drains and is reported
 * too, but it is not a leak). After a warm-up, a least-squares line through those samples must rise by
 * less than {@link #MAX_GROWTH_BYTES_PER_MESSAGE} bytes per message.
 *
 * <p>Why that bound: the smallest thing a leak can keep per message on a 64-bit JVM with compressed
 * references is one object (a 12-byte header, padded to 16 bytes) plus the 4-byte reference that keeps
 * it, 20 bytes; a retained payload copy is more. A leak that keeps one such object every 10 messages
 * is 2 bytes per message, the bound: over the 80,000 fitted messages it adds 160 KB, while the samples
 * scatter by about 10 KB (the fit's standard error, printed on every run, was 0.06 bytes/message when
 * this was written: the bound is about 30 standard errors away from a flat line).
 */
public class MosquittoNoLeakIT {

    private static final int MESSAGES = Integer.getInteger("relayboard.it.leakMessages", 100000);
    private static final int SAMPLE_EVERY = MESSAGES / 20;
    /** Samples before this many messages are not fitted: JIT, buffers and the LCD's message list fill up. */
    private static final int WARM_UP = MESSAGES / 5;
    static final double MAX_GROWTH_BYTES_PER_MESSAGE = 2.0;
    private static final String HEAP = "64m";
    /**
     * The LCD draws every message, slower than the relay runs here: without a pause now and then, the
     * UI thread's queue grows by thousands of updates, and the queue's array keeps its largest size (a
     * high-water mark, not a leak, but it would blur the fit).
     */
    private static final int UI_CATCH_UP_EVERY = 500;
    /** Messages sent but not yet on topic3; the board's inbox holds 32. */
    private static final int WINDOW = 16;
    private static final long TIMEOUT_MS = 60000;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void hundredThousandMessages_atAFixedSmallHeap_theHeapAfterGcDoesNotGrow() throws Exception {
        MosquittoBroker broker = this.room.mosquitto();
        Process board = startBoard(broker.uri());
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        Thread reader = drain(board, replies);
        OutputStream commands = board.getOutputStream();
        this.room.closing(() -> quit(board, commands, reader));
        String started = reply(replies, "started");
        assertEquals("the board refused its configuration", "started true", started);
        awaitConnected(commands, replies);
        MqttClient subscriber = DesktopPaho.connect(broker.port(), "no-leak-topic3");
        this.room.closing(() -> DesktopPaho.close(subscriber));
        DesktopPaho.Collector topic3 = DesktopPaho.Collector.subscribe(subscriber, "/test/topic3", 0);
        MqttClient publisher = DesktopPaho.connect(broker.port(), "no-leak-publisher");
        this.room.closing(() -> DesktopPaho.close(publisher));

        Random random = new Random(7);
        List<long[]> samples = new ArrayList<>();
        samples.add(heap(commands, replies, 0));
        long startNs = System.nanoTime();
        for (int i = 1; i <= MESSAGES; i++) {
            int sent = i - 1;
            int message = i;
            Poll.until(TIMEOUT_MS, () -> sent - topic3.count() <= WINDOW,
                    () -> "the relay stalled at message " + message + ": " + topic3.count() + " on topic3; "
                            + status(commands, replies));
            publisher.publish("/test/topic1", payload(random, i), 0, false);
            if (i % UI_CATCH_UP_EVERY == 0) {
                send(commands, "idle");
                assertEquals("the LCD caught up within a minute", "idle true", reply(replies, "idle "));
            }
            if (i % SAMPLE_EVERY == 0) {
                topic3.await(i, TIMEOUT_MS);
                samples.add(heap(commands, replies, i));
            }
        }
        double seconds = (System.nanoTime() - startNs) / 1e9;
        String finalStatus = status(commands, replies);
        assertEquals("every message reached topic3; board: " + finalStatus, MESSAGES, topic3.count());

        double[] fit = fit(samples, WARM_UP);
        StringBuilder table = new StringBuilder();
        for (long[] sample : samples) {
            table.append(String.format("  %7d messages: %,11d bytes (%,11d before the LCD caught up)%n",
                    sample[0], sample[1], sample[2]));
        }
        System.err.printf("[no leak] %d messages in %.1f s (%.0f msg/s) at -Xmx%s; heap after full GC:%n%s"
                + "[no leak] fit after %d messages: %.3f bytes/message (standard error %.3f), bound %.1f%n",
                MESSAGES, seconds, MESSAGES / seconds, HEAP, table, WARM_UP, fit[0], fit[1],
                MAX_GROWTH_BYTES_PER_MESSAGE);
        assertTrue(String.format("the heap grows by %.2f bytes per message (bound %.1f):%n%s", fit[0],
                MAX_GROWTH_BYTES_PER_MESSAGE, table), fit[0] < MAX_GROWTH_BYTES_PER_MESSAGE);
        assertTrue("board still connected: " + finalStatus, finalStatus.contains("CONNECTED"));
    }

    /** Asks the board's JVM to quit, and ends it if it does not within 20 s. */
    private static void quit(Process board, OutputStream commands, Thread reader) throws InterruptedException {
        try {
            commands.write("quit\n".getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (java.io.IOException alreadyGone) {
            // The board's JVM ended already.
        }
        if (!board.waitFor(20, TimeUnit.SECONDS)) {
            board.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
    }

    /** Short text-like payloads of varying length (1 to 200 bytes): what a relay mostly carries. */
    private static byte[] payload(Random random, int i) {
        String text = "message " + i + " ";
        byte[] bytes = new byte[text.length() + random.nextInt(190)];
        byte[] prefix = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        for (int j = prefix.length; j < bytes.length; j++) {
            bytes[j] = (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    /**
     * Least squares of heap against message count, over the samples from {@code fromMessage} on.
     *
     * @return {slope in bytes per message, its standard error}
     */
    static double[] fit(List<long[]> samples, long fromMessage) {
        List<long[]> used = new ArrayList<>();
        for (long[] sample : samples) {
            if (sample[0] >= fromMessage) {
                used.add(sample);
            }
        }
        int n = used.size();
        double meanX = 0;
        double meanY = 0;
        for (long[] sample : used) {
            meanX += sample[0];
            meanY += sample[1];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (long[] sample : used) {
            sxx += (sample[0] - meanX) * (sample[0] - meanX);
            sxy += (sample[0] - meanX) * (sample[1] - meanY);
        }
        double slope = sxy / sxx;
        double residuals = 0;
        for (long[] sample : used) {
            double r = sample[1] - (meanY + slope * (sample[0] - meanX));
            residuals += r * r;
        }
        double standardError = Math.sqrt(residuals / (n - 2) / sxx);
        return new double[] { slope, standardError };
    }

    private static Process startBoard(String brokerUri) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP, "-Xms" + HEAP,
                // A stop-the-world compacting collector, like the board's: after System.gc() the heap
                // holds exactly what is reachable.
                "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Drelayboard.mqtt.broker=" + brokerUri,
                // QoS 0 keeps 200,000 hops near a minute; the code paths that could leak are the same.
                "-Drelayboard.mqtt.qos=0"));
        // The host platform's agent, as this JVM has it: the board's thread budget, and its UART that holds the
        // whole board while it sends.
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-javaagent:")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeakBoardMain.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the board's output (its console too) so that it never blocks, keeping the command replies. */
    private static Thread drain(Process board, BlockingQueue<String> replies) {
        Thread thread = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(LeakBoardMain.REPLY)) {
                        replies.add(line.substring(LeakBoardMain.REPLY.length()));
                    } else if (!line.startsWith("New message")) {
                        System.err.println("[board] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // The board's JVM ended.
            }
        }, "leak-board-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String reply(BlockingQueue<String> replies, String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            String reply = replies.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("the board's JVM did not answer \"" + prefix + "\" within " + TIMEOUT_MS
                        + " ms");
            }
            if (reply.startsWith(prefix)) {
                return reply;
            }
        }
    }

    private static void send(OutputStream commands, String command) throws java.io.IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    /** @return {messages, heap after GC once the LCD caught up, heap after GC before it did} */
    private static long[] heap(OutputStream commands, BlockingQueue<String> replies, long messages) throws Exception {
        send(commands, "heap");
        String[] figures = reply(replies, "heap ").split(" ");
        assertEquals("the LCD caught up within a minute", "true", figures[3]);
        return new long[] { messages, Long.parseLong(figures[1]), Long.parseLong(figures[2]) };
    }

    private static String status(OutputStream commands, BlockingQueue<String> replies) throws Exception {
        send(commands, "status");
        return reply(replies, "status ");
    }

    private static void awaitConnected(OutputStream commands, BlockingQueue<String> replies) throws Exception {
        String[] status = new String[1];
        // Asked every 100 ms: each look is a status command to the board's JVM.
        Poll.untilEvery(100, TIMEOUT_MS, () -> (status[0] = status(commands, replies)).startsWith("status CONNECTED"),
                () -> "the board did not connect: " + status[0]);
    }
}
