package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto, started by a test as a separate process on a free loopback port, with its own
 * configuration and log in a temporary folder (never the system broker on 1883).
 */
final class MosquittoBroker implements AutoCloseable {

    static final String BINARY = "/usr/sbin/mosquitto";
    private static final long READY_TIMEOUT_MS = 10000;

    private final File folder;
    private final int port;
    private final Process process;

    private MosquittoBroker(File folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    static MosquittoBroker start() throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new AssertionError(BINARY + " is missing: install Debian's mosquitto (.ci/run does)");
        }
        File folder = Files.createTempDirectory("mosquitto-it").toFile();
        int port = EmbeddedBroker.freePort();
        File config = new File(folder, "mosquitto.conf");
        String settings = String.join("\n",
                // Started as root, mosquitto would drop to its own user; stay, so it can read our files.
                "user root",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                // Every packet in the log: when a test fails, the broker's side of the story is there.
                "log_type all",
                "");
        Files.write(config.toPath(), settings.getBytes(StandardCharsets.UTF_8));
        File log = new File(folder, "broker.log");
        Process process = new ProcessBuilder(BINARY, "-c", config.getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log).start();
        MosquittoBroker broker = new MosquittoBroker(folder, port, process);
        broker.awaitListening(log);
        return broker;
    }

    int port() {
        return this.port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + this.port;
    }

    String log() throws IOException {
        return new String(Files.readAllBytes(new File(this.folder, "broker.log").toPath()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitListening(File log) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!this.process.isAlive()) {
                throw new AssertionError("mosquitto exited at start:\n" + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        close();
        throw new AssertionError("mosquitto did not listen on " + this.port + " within " + READY_TIMEOUT_MS + " ms:\n"
                + log());
    }
}
