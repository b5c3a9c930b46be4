package com.relayboard.sim;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The desktop side a user pairs the board with: Debian's mosquitto_pub and mosquitto_sub, run as
 * processes exactly as the README tells users to run them.
 */
final class DesktopClients {

    private DesktopClients() {
    }

    /** A running mosquitto_sub. */
    static final class Subscription {
        private final Process process;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Thread[] pumps;

        private Subscription(Process process) {
            this.process = process;
            this.pumps = new Thread[] { pump(process.getInputStream(), this.stdout), pump(process.getErrorStream(), this.stderr) };
        }

        /** Waits until the broker acknowledged the subscription (mosquitto_sub -d says so). */
        void awaitSubscribed(long timeoutMs) throws InterruptedException {
            Poll.until(timeoutMs, () -> {
                if (output().contains("SUBACK")) {
                    return true;
                }
                if (!this.process.isAlive()) {
                    // It will never get it.
                    throw new AssertionError("mosquitto_sub never got its SUBACK:\n" + output());
                }
                return false;
            }, () -> "mosquitto_sub never got its SUBACK:\n" + output());
        }

        /**
         * Waits until {@code message} has arrived, without waiting for mosquitto_sub to exit.
         *
         * @return the messages so far, {@code message} last or before
         */
        List<String> awaitMessage(String message, long timeoutMs) throws InterruptedException {
            Poll.until(timeoutMs, () -> messages().contains(message),
                    () -> "\"" + message + "\" did not arrive within " + timeoutMs + " ms:\n" + output());
            return messages();
        }

        private List<String> messages() {
            List<String> messages = new ArrayList<>();
            for (String line : stdoutText().split("\n")) {
                if (!line.isEmpty() && !line.startsWith("Client ") && !line.startsWith("Subscribed")) {
                    messages.add(line);
                }
            }
            return messages;
        }

        /** Waits for mosquitto_sub to exit (after -C messages or -W seconds) and returns its stdout lines. */
        List<String> awaitMessages(long timeoutMs) throws InterruptedException {
            if (!this.process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                this.process.destroyForcibly();
                throw new AssertionError("mosquitto_sub did not finish within " + timeoutMs + " ms:\n" + output());
            }
            for (Thread pump : this.pumps) {
                pump.join(2000);
            }
            List<String> messages = new ArrayList<>();
            for (String line : stdoutText().split("\n")) {
                if (!line.isEmpty() && !line.startsWith("Client ") && !line.startsWith("Subscribed")) {
                    messages.add(line);
                }
            }
            return messages;
        }

        private synchronized String stdoutText() {
            return this.stdout.toString(StandardCharsets.UTF_8);
        }

        synchronized String output() {
            return this.stdout.toString(StandardCharsets.UTF_8) + this.stderr.toString(StandardCharsets.UTF_8);
        }

        private Thread pump(InputStream in, ByteArrayOutputStream into) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (Subscription.this) {
                            into.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // The process ended.
                }
            }, "mosquitto_sub-pump");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }

    /**
     * Starts {@code mosquitto_sub -d -C count -W timeoutS -t topic [-F format]}.
     *
     * @param format
     *            mosquitto_sub's output format, e.g. "%x" for the payload in hex, or null for the payload
     */
    static Subscription subscribe(int port, String topic, int count, int timeoutS, String format) throws IOException {
        // stdbuf: mosquitto_sub's stdout is a pipe here, and its debug lines (the SUBACK we wait for)
        // would otherwise sit in stdio's buffer until it exits.
        List<String> command = new ArrayList<>(List.of("stdbuf", "-oL", "mosquitto_sub", "-d", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-t", topic, "-q", "1", "-C", Integer.toString(count), "-W",
                Integer.toString(timeoutS)));
        if (format != null) {
            command.add("-F");
            command.add(format);
        }
        return new Subscription(new ProcessBuilder(command).start());
    }

    /** {@code mosquitto_pub -t topic -m text} */
    static void publish(int port, String topic, String text) throws IOException, InterruptedException {
        run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1", "-t", topic, "-m",
                text));
    }

    /** {@code mosquitto_pub -r -t topic -m text}: the broker keeps it as the topic's retained message. */
    static void publishRetained(int port, String topic, String text) throws IOException, InterruptedException {
        run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1", "-t", topic, "-m",
                text, "-r"));
    }

    /** {@code mosquitto_pub -t topic -f file}: the payload's bytes exactly as given. */
    static void publish(int port, String topic, byte[] payload) throws IOException, InterruptedException {
        File file = File.createTempFile("payload", ".bin");
        try {
            Files.write(file.toPath(), payload);
            run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1", "-t", topic,
                    "-f", file.getAbsolutePath()));
        } finally {
            file.delete();
        }
    }

    /** Runs a Debian tool (mosquitto_passwd, openssl) to completion; fails with its output otherwise. */
    static void runTool(List<String> command) throws IOException, InterruptedException {
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(15, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }
}
