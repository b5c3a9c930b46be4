package com.relayboard.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/** Debian's mosquitto as a separate process on a free loopback port, logging errors only. */
final class Mosquitto implements AutoCloseable {

    static final String BINARY = "/usr/sbin/mosquitto";
    private static final long READY_TIMEOUT_MS = 10000;

    private final int port;
    private final Process process;
    private final File log;

    private Mosquitto(int port, Process process, File log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Mosquitto start(File workFolder, boolean tcpNoDelay) throws IOException, InterruptedException {
        return start(workFolder, tcpNoDelay, new String[0]);
    }

    /** @param extraSettings mosquitto.conf lines added to the harness's, e.g. {@code max_queued_messages 10000} */
    static Mosquitto start(File workFolder, boolean tcpNoDelay, String... extraSettings)
            throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's mosquitto (.ci/run does)");
        }
        int port = freePort();
        File config = new File(workFolder, "mosquitto.conf");
        String settings = String.join("\n",
                // As root, mosquitto would switch to its own user and could not write our log.
                "user root",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                // Packet logging would cost the broker more than the clients it serves.
                "log_type error",
                "log_type warning",
                // Off by default, as Debian ships it; --broker-tcp-nodelay turns Nagle's algorithm off.
                tcpNoDelay ? "set_tcp_nodelay true" : "",
                String.join("\n", extraSettings),
                "");
        Files.write(config.toPath(), settings.getBytes(StandardCharsets.UTF_8));
        File log = new File(workFolder, "mosquitto.log");
        Process process = new ProcessBuilder(BINARY, "-c", config.getAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(log).start();
        Mosquitto broker = new Mosquitto(port, process, log);
        broker.awaitListening(port);
        return broker;
    }

    /** @return a loopback port nobody listened on a moment ago */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return this.port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + this.port;
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until the broker listens on {@code listenerPort} (its own, or one of the extra settings'). */
    void awaitListening(int listenerPort) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start: see " + this.log);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenerPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        close();
        throw new IllegalStateException("mosquitto did not listen on " + listenerPort + ": see " + this.log);
    }
}
