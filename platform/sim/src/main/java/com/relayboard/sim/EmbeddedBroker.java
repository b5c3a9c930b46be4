package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * An in-process Moquette broker on loopback, so that the simulator works with nothing else
 * installed. No persistence (nothing written to the working directory) and no telemetry (Moquette
 * would otherwise report to its authors' server).
 */
public final class EmbeddedBroker {

    /** The port MQTT brokers listen on by default. */
    public static final int MQTT_PORT = 1883;
    /** Largest message the broker accepts: well above the board's default 64 KiB limit, so the board
     * is the one that decides what is too large. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final long READY_TIMEOUT_MS = 10000;
    /** slf4j-simple, the binding Moquette logs through, reads where to write once, when the first logger is made. */
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static final String LOG_DATE_PROPERTY = "org.slf4j.simpleLogger.showDateTime";
    private static final String LOG_DATE_FORMAT_PROPERTY = "org.slf4j.simpleLogger.dateTimeFormat";

    /** Where Moquette takes MQTT over WebSockets: the path mosquitto and mqtt.js use too. */
    public static final String WEBSOCKET_PATH = "/mqtt";

    /** Ports tried before giving up: another program may take a port between the check that it is free and the bind. */
    private static final int BIND_ATTEMPTS = 5;

    private Server server;
    private int port;
    private int websocketPort;

    /**
     * Starts on {@code preferredPort} if it is free, else on any free loopback port.
     *
     * @return the port it listens on
     */
    public int start(int preferredPort) throws IOException {
        int candidate = isFree(preferredPort) ? preferredPort : freePort();
        for (int attempt = 1; ; attempt++) {
            try {
                startOn(candidate);
                return this.port;
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof BindException) || attempt == BIND_ATTEMPTS) {
                    throw new IOException("the embedded broker cannot listen on 127.0.0.1:" + candidate + ": "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
                }
                stopQuietly();
                candidate = freePort();
            }
        }
    }

    private void startOn(int candidate) throws IOException {
        this.port = candidate;
        this.server = new Server();
        Properties settings = new Properties();
        settings.setProperty("host", "127.0.0.1");
        settings.setProperty("port", Integer.toString(this.port));
        // For the web companion page (WebCompanion): any free loopback port.
        this.websocketPort = freePort();
        settings.setProperty("websocket_port", Integer.toString(this.websocketPort));
        settings.setProperty("websocket_path", WEBSOCKET_PATH);
        settings.setProperty("allow_anonymous", "true");
        // mosquitto_pub/sub 2.x send an empty client id and let the broker assign one (MQTT 3.1.1 3.1.3.1).
        settings.setProperty("allow_zero_byte_client_id", "true");
        settings.setProperty("persistence_enabled", "false");
        settings.setProperty("telemetry_enabled", "false");
        settings.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        this.server.startServer(new MemoryConfig(settings));
        awaitListening();
    }

    /** Undoes what a start that failed to bind had set up. */
    private void stopQuietly() {
        try {
            this.server.stopServer();
        } catch (RuntimeException e) {
            // Half started: there may be nothing to stop.
        }
    }

    /**
     * Sends the broker's log (Moquette logs every packet: some 50 lines for one relayed message) to {@code file}
     * instead of the terminal, where it would bury the board's console. Call it before the first broker starts.
     */
    public static void logTo(File file) {
        System.setProperty(LOG_FILE_PROPERTY, file.getAbsolutePath());
        // A file read later needs the time of each line; the terminal had it from watching.
        System.setProperty(LOG_DATE_PROPERTY, "true");
        System.setProperty(LOG_DATE_FORMAT_PROPERTY, "yyyy-MM-dd HH:mm:ss.SSS");
    }

    public int port() {
        return this.port;
    }

    /** @return {@code ws://127.0.0.1:PORT/mqtt}, the broker's MQTT over WebSockets */
    public String websocketUri() {
        return "ws://127.0.0.1:" + this.websocketPort + WEBSOCKET_PATH;
    }

    public void stop() {
        if (this.server != null) {
            this.server.stopServer();
        }
    }

    /** @return a loopback port nobody listens on now */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Moquette binds asynchronously: wait until a TCP connect succeeds. */
    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("embedded broker did not start listening on port " + this.port, last);
    }
}
