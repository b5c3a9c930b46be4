package com.relayboard.sim;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Paho Python ({@code python3-paho-mqtt}) as a new user runs it: {@code connect()} then
 * {@code subscribe()} at once, so the SUBSCRIBE reaches the broker before the client has its CONNACK
 * (src/test/resources/paho/subscribe_before_connack.py says what it prints).
 */
final class PahoPythonSubscriber {

    /** Debian's interpreter, where python3-paho-mqtt is installed (a pyenv python3 on the PATH may lack it). */
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";

    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread pump;

    private PahoPythonSubscriber(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this.output) {
                        this.output.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "paho-python-pump");
        this.pump.setDaemon(true);
        this.pump.start();
    }

    /**
     * @param transport
     *            "tcp", or "websockets" (on the path /mqtt)
     */
    static PahoPythonSubscriber start(int port, String transport, String topic, int count, int timeoutS)
            throws IOException {
        File script;
        try {
            script = new File(PahoPythonSubscriber.class.getResource("/paho/subscribe_before_connack.py").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return new PahoPythonSubscriber(new ProcessBuilder(DEBIAN_PYTHON, script.getAbsolutePath(), "127.0.0.1",
                Integer.toString(port), transport, topic, Integer.toString(count), Integer.toString(timeoutS))
                .redirectErrorStream(true).start());
    }

    /** Waits for the SUBACK; fails with the script's output if the connection ended first or the time ran out. */
    void awaitSubscribed(long timeoutMs) throws InterruptedException {
        // A script that ended will never get it: the wait ends with it.
        boolean subscribed = Poll.within(timeoutMs,
                () -> lines().contains("SUBACK") || !this.process.isAlive()) && lines().contains("SUBACK");
        if (!subscribed) {
            this.pump.join(2000);
            throw new AssertionError("Paho Python never got its SUBACK:\n" + text());
        }
    }

    /** Waits for the script to end; @return the payloads it received */
    List<String> awaitMessages(long timeoutMs) throws InterruptedException {
        if (!this.process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            this.process.destroyForcibly();
            throw new AssertionError("Paho Python did not finish within " + timeoutMs + " ms:\n" + text());
        }
        this.pump.join(2000);
        List<String> messages = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("MESSAGE ")) {
                messages.add(line.substring("MESSAGE ".length()));
            }
        }
        return messages;
    }

    List<String> lines() {
        return List.of(text().split("\n"));
    }

    String text() {
        synchronized (this.output) {
            return this.output.toString(StandardCharsets.UTF_8);
        }
    }

    void stop() {
        this.process.destroyForcibly();
    }
}
