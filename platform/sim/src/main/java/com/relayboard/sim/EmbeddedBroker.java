package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;

/**
 * An in-process HiveMQ Community Edition broker on loopback, so that the simulator works with nothing else
 * installed: MQTT over TCP and over WebSockets ({@value #WEBSOCKET_PATH}). HiveMQ CE rather than Moquette 0.17
 * because it follows MQTT 3.1.1 section 3.1.4: a client may send SUBSCRIBE right after CONNECT, before its
 * CONNACK, which Moquette answers by closing the connection (docs/benchmarks.md, "Embedded broker", has the
 * comparison). Its files (configuration, data, extensions) live in a temporary folder removed at stop, its
 * sessions and retained messages in memory only, and its usage statistics (sent to its authors) are off.
 */
public final class EmbeddedBroker {

    /** The port MQTT brokers listen on by default. */
    public static final int MQTT_PORT = 1883;
    /** Largest message the broker accepts: well above the board's default 64 KiB limit, so the board
     * is the one that decides what is too large. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final long READY_TIMEOUT_MS = 30000;
    private static final long STOP_TIMEOUT_MS = 10000;

    /** Where the broker takes MQTT over WebSockets: the path mosquitto and mqtt.js use too. */
    public static final String WEBSOCKET_PATH = "/mqtt";

    /** Ports tried before giving up: another program may take a port between the check that it is free and the bind. */
    private static final int BIND_ATTEMPTS = 5;

    /**
     * How long HiveMQ's persistence threads get to finish their queued work at stop: 2000 ms by default, which
     * made every stop 2 s longer (4.1 s in all, 2.2 s now: Netty's fixed 2 s quiet period is the rest). Its
     * persistence is in memory and goes with the broker, so there is nothing to finish writing.
     */
    private static final int PERSISTENCE_SHUTDOWN_GRACE_MS = 100;

    /**
     * The logger under which HiveMQ says, at ERROR, that a listener could not bind. HiveMQ then goes on with
     * the listeners that did (it fails only when none did), so this is how a taken port shows.
     */
    private static final String LISTENER_REPORT_LOGGER = "com.hivemq.bootstrap.StartupListenerVerifier";

    /**
     * HiveMQ's event loggers, at DEBUG: one line per client that connects or disconnects (and why), and per
     * message it drops (and why), so that the log says what a client did and what was lost.
     */
    private static final String[] EVENT_LOGGERS = { "event.client-connected", "event.client-disconnected",
            "event.message-dropped" };

    private EmbeddedHiveMQ hivemq;
    private Path home;
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
            String refused = startOn(candidate);
            if (refused == null) {
                return this.port;
            }
            stop();
            if (attempt == BIND_ATTEMPTS) {
                throw new IOException("the embedded broker cannot listen on 127.0.0.1:" + candidate + ": " + refused);
            }
            candidate = freePort();
        }
    }

    /**
     * Package-private for EmbeddedBrokerIT, which takes the port first.
     *
     * @return null once both listeners are up, else what HiveMQ said about the one that could not bind
     */
    String startOn(int candidate) throws IOException {
        this.port = candidate;
        // For the web companion page (WebCompanion): any free loopback port.
        this.websocketPort = freePort();
        this.home = Files.createTempDirectory("relayboard-broker");
        // Ctrl-C or a kill skips stop(): the folder goes with the JVM all the same (a SIGKILL leaves it, a few bytes).
        Path folder = this.home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "relayboard-broker-cleanup"));
        Path configuration = Files.createDirectories(this.home.resolve("conf"));
        Files.write(configuration.resolve("config.xml"), configXml().getBytes(StandardCharsets.UTF_8));
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String event : EVENT_LOGGERS) {
            logging.getLogger(event).setLevel(Level.DEBUG);
        }
        // A public field of HiveMQ's internal settings (pinned version: a rename breaks the build), read when
        // the broker is built.
        InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC.set(PERSISTENCE_SHUTDOWN_GRACE_MS);
        ListenerErrors listenerErrors = ListenerErrors.watch();
        try {
            this.hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(configuration)
                    .withDataFolder(Files.createDirectories(this.home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(this.home.resolve("extensions")))
                    // The simulator decides where the log goes (logTo); HiveMQ would otherwise reconfigure it.
                    .withoutLoggingBootstrap()
                    .build();
            this.hivemq.start().get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!listenerErrors.isEmpty()) {
                return listenerErrors.text();
            }
            stop();
            throw new IOException("the embedded broker did not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            stop();
            throw new IOException("the embedded broker did not start within " + READY_TIMEOUT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("interrupted while the embedded broker started", e);
        } finally {
            listenerErrors.stop();
        }
        if (!listenerErrors.isEmpty()) {
            return listenerErrors.text();
        }
        // HiveMQ's start completes once its listeners are bound (its log says so before "Started"): no probe
        // connection is needed, and none would show up in the log as a client that left ungracefully.
        return null;
    }

    private String configXml() {
        return "<?xml version=\"1.0\"?>\n"
                + "<hivemq>\n"
                + "  <listeners>\n"
                + "    <tcp-listener>\n"
                + "      <port>" + this.port + "</port>\n"
                + "      <bind-address>127.0.0.1</bind-address>\n"
                + "    </tcp-listener>\n"
                + "    <websocket-listener>\n"
                + "      <port>" + this.websocketPort + "</port>\n"
                + "      <bind-address>127.0.0.1</bind-address>\n"
                + "      <path>" + WEBSOCKET_PATH + "</path>\n"
                + "    </websocket-listener>\n"
                + "  </listeners>\n"
                + "  <mqtt>\n"
                + "    <packets>\n"
                + "      <max-packet-size>" + MAX_MESSAGE_BYTES + "</max-packet-size>\n"
                + "    </packets>\n"
                + "  </mqtt>\n"
                + "  <persistence>\n"
                + "    <mode>in-memory</mode>\n"
                + "  </persistence>\n"
                + "  <anonymous-usage-statistics>\n"
                + "    <enabled>false</enabled>\n"
                + "  </anonymous-usage-statistics>\n"
                + "</hivemq>\n";
    }

    /**
     * Sends the broker's log to {@code file} instead of the terminal, where it would bury the board's console.
     * Call it before the first broker starts.
     */
    public static void logTo(File file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // Drops the console appender of the logback.xml that HiveMQ's jar carries.
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // A file read later needs the time of each line; the terminal had it from watching.
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("broker-log");
        appender.setFile(file.getAbsolutePath());
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    public int port() {
        return this.port;
    }

    /** @return {@code ws://127.0.0.1:PORT/mqtt}, the broker's MQTT over WebSockets */
    public String websocketUri() {
        return "ws://127.0.0.1:" + this.websocketPort + WEBSOCKET_PATH;
    }

    public void stop() {
        if (this.hivemq != null) {
            try {
                this.hivemq.stop().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                this.hivemq.close();
            } catch (ExecutionException | TimeoutException e) {
                // Half started, or slow to stop: its threads end with the JVM; the folder goes anyway.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            this.hivemq = null;
        }
        if (this.home != null) {
            deleteQuietly(this.home);
            this.home = null;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind: the system's cleaning takes it.
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

    /** Records what HiveMQ reports at ERROR about its listeners while it starts. */
    private static final class ListenerErrors extends AppenderBase<ILoggingEvent> {
        private final List<String> messages = new ArrayList<>();
        private Logger logger;

        static ListenerErrors watch() {
            ListenerErrors errors = new ListenerErrors();
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            errors.setContext(context);
            errors.start();
            errors.logger = context.getLogger(LISTENER_REPORT_LOGGER);
            errors.logger.addAppender(errors);
            return errors;
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                this.messages.add(event.getFormattedMessage());
            }
        }

        synchronized boolean isEmpty() {
            return this.messages.isEmpty();
        }

        synchronized String text() {
            return String.join("; ", this.messages);
        }

        @Override
        public void stop() {
            this.logger.detachAppender(this);
            super.stop();
        }
    }
}
