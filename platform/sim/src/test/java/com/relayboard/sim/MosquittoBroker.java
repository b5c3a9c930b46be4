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
 * configuration and log in a temporary folder (never the system broker on 1883). It can be killed
 * with SIGKILL and restarted on the same port; with {@link #PERSISTENT} settings it then comes back
 * with the sessions and queued messages it had saved.
 */
final class MosquittoBroker implements AutoCloseable {

    static final String BINARY = "/usr/sbin/mosquitto";
    private static final long READY_TIMEOUT_MS = 10000;
    /**
     * Persistence saved every second (queues keep mosquitto's defaults: 1000 messages per client).
     * Mosquitto acknowledges a message before it saves it: what a SIGKILL hits in the second after an
     * acknowledgement is lost by the broker, whatever its clients do.
     */
    static final String[] PERSISTENT = { "persistence true", "autosave_interval 1" };

    private final File folder;
    private final int port;
    private Process process;
    /** The log of every run: each restart appends. */
    private final File log;

    private MosquittoBroker(File folder, int port, File log) {
        this.folder = folder;
        this.port = port;
        this.log = log;
    }

    static MosquittoBroker start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /**
     * @param extraSettings
     *            mosquitto.conf lines added to the test configuration, e.g. {@link #PERSISTENT}; a
     *            {@code persistence} line replaces the default {@code persistence false}
     */
    static MosquittoBroker start(String... extraSettings) throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new AssertionError(BINARY + " is missing: install Debian's mosquitto (.ci/run does)");
        }
        File folder = Files.createTempDirectory("mosquitto-it").toFile();
        int port = EmbeddedBroker.freePort();
        File config = new File(folder, "mosquitto.conf");
        boolean persistenceSet = false;
        for (String line : extraSettings) {
            persistenceSet |= line.startsWith("persistence ");
        }
        String settings = String.join("\n",
                // Started as root, mosquitto would drop to its own user; stay, so it can read our files.
                "user root",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                persistenceSet ? "persistence_location " + folder.getAbsolutePath() + "/" : "persistence false",
                "log_dest stdout",
                // Every packet in the log: when a test fails, the broker's side of the story is there.
                "log_type all",
                String.join("\n", extraSettings),
                "");
        Files.write(config.toPath(), settings.getBytes(StandardCharsets.UTF_8));
        MosquittoBroker broker = new MosquittoBroker(folder, port, new File(folder, "broker.log"));
        broker.launch();
        return broker;
    }

    private void launch() throws IOException, InterruptedException {
        File config = new File(this.folder, "mosquitto.conf");
        this.process = new ProcessBuilder(BINARY, "-c", config.getAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log)).start();
        awaitListening(this.log);
    }

    /** Kills the broker with SIGKILL: no clean shutdown, no last save; its clients' sockets are closed by the kernel. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("mosquitto did not die from SIGKILL");
        }
    }

    /** Starts the broker again on the same port, with the same configuration (and saved state, if persistent). */
    void restart() throws IOException, InterruptedException {
        if (this.process.isAlive()) {
            throw new IllegalStateException("mosquitto is still running");
        }
        launch();
    }

    /** @return how many times a client connected with this client id, over every run so far */
    int connectionsOf(String clientId) throws IOException {
        int count = 0;
        for (String line : log().split("\n")) {
            if (line.contains("New client connected from ") && line.contains(" as " + clientId + " ")) {
                count++;
            }
        }
        return count;
    }

    int port() {
        return this.port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + this.port;
    }

    String log() throws IOException {
        return new String(Files.readAllBytes(this.log.toPath()), StandardCharsets.UTF_8);
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
