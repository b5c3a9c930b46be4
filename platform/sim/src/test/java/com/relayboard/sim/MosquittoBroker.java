package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final int desktopPort;
    /** A WebSockets listener's port, or -1 */
    private final int websocketPort;
    /** The log of every run: each restart appends. */
    private final File log;
    private volatile Process process;

    private MosquittoBroker(File folder, int port, int desktopPort, int websocketPort) {
        this.folder = folder;
        this.port = port;
        this.desktopPort = desktopPort;
        this.websocketPort = websocketPort;
        this.log = new File(folder, "broker.log");
    }

    static MosquittoBroker start() throws IOException, InterruptedException {
        return start(new Options());
    }

    /**
     * @param extraSettings
     *            mosquitto.conf lines added to the test configuration, e.g. {@link #PERSISTENT}; a
     *            {@code persistence} line replaces the default {@code persistence false}
     */
    static MosquittoBroker start(String... extraSettings) throws IOException, InterruptedException {
        return start(new Options().extra(extraSettings));
    }

    /**
     * What a test's broker enforces, beyond the plain anonymous listener: users from a
     * {@code password_file} made with {@code mosquitto_passwd}, an {@code acl_file}, a TLS listener,
     * and any other mosquitto.conf lines.
     */
    static final class Options {
        /** 0: a free loopback port. Set to restart a broker on the port a board is configured with. */
        int port;
        /** user name to password, for mosquitto_passwd; empty: no password file */
        final Map<String, String> users = new LinkedHashMap<>();
        /** acl_file lines, or null for none (everyone may do everything) */
        String acl;
        /** TLS on the board's port: CA, certificate and key files (PEM); null: plain MQTT */
        File tlsCa;
        File tlsCert;
        File tlsKey;
        /**
         * A second, plain and anonymous listener for the desktop clients, so they need neither TLS nor
         * the board's credentials.
         */
        boolean desktopListener;
        /**
         * A listener with {@code protocol websockets} on another free loopback port, as seed 002 gives the web
         * page; the same users and ACL apply to it (per_listener_settings false).
         */
        boolean websocketListener;
        /** false: clients without a user name are refused (mosquitto 2's default) */
        boolean anonymous = true;
        /** More mosquitto.conf lines; a {@code persistence} line among them turns persistence on. */
        final List<String> extra = new ArrayList<>();

        Options noAnonymous() {
            this.anonymous = false;
            return this;
        }

        Options port(int value) {
            this.port = value;
            return this;
        }

        Options user(String name, String password) {
            this.users.put(name, password);
            return this;
        }

        Options acl(String... lines) {
            this.acl = String.join("\n", lines) + "\n";
            return this;
        }

        Options tls(File ca, File cert, File key) {
            this.tlsCa = ca;
            this.tlsCert = cert;
            this.tlsKey = key;
            return this;
        }

        Options desktopListener() {
            this.desktopListener = true;
            return this;
        }

        Options websocketListener() {
            this.websocketListener = true;
            return this;
        }

        Options extra(String... lines) {
            this.extra.addAll(Arrays.asList(lines));
            return this;
        }
    }

    static MosquittoBroker start(Options options) throws IOException, InterruptedException {
        if (!new File(BINARY).canExecute()) {
            throw new AssertionError(BINARY + " is missing: install Debian's mosquitto (.ci/run does)");
        }
        File folder = Files.createTempDirectory("mosquitto-it").toFile();
        int port = options.port > 0 ? options.port : EmbeddedBroker.freePort();
        int desktopPort = options.desktopListener ? EmbeddedBroker.freePort() : -1;
        int websocketPort = options.websocketListener ? EmbeddedBroker.freePort() : -1;
        boolean persistent = false;
        for (String line : options.extra) {
            persistent |= line.startsWith("persistence ");
        }
        List<String> settings = new ArrayList<>(List.of(
                // Started as root, mosquitto would drop to its own user; stay, so it can read our files.
                "user root",
                "per_listener_settings false",
                "allow_anonymous " + options.anonymous,
                persistent ? "persistence_location " + folder.getAbsolutePath() + "/" : "persistence false",
                "log_dest stdout",
                // Every packet in the log: when a test fails, the broker's side of the story is there.
                "log_type all"));
        if (!options.users.isEmpty()) {
            File passwords = new File(folder, "passwords");
            Files.write(passwords.toPath(), new byte[0]);
            for (Map.Entry<String, String> user : options.users.entrySet()) {
                DesktopClients.runTool(List.of("mosquitto_passwd", "-b", passwords.getAbsolutePath(), user.getKey(),
                        user.getValue()));
            }
            settings.add("password_file " + passwords.getAbsolutePath());
        }
        if (options.acl != null) {
            File acl = new File(folder, "acl");
            Files.write(acl.toPath(), options.acl.getBytes(StandardCharsets.UTF_8));
            settings.add("acl_file " + acl.getAbsolutePath());
        }
        settings.addAll(options.extra);
        settings.add("listener " + port + " 127.0.0.1");
        if (options.tlsCert != null) {
            settings.add("cafile " + options.tlsCa.getAbsolutePath());
            settings.add("certfile " + options.tlsCert.getAbsolutePath());
            settings.add("keyfile " + options.tlsKey.getAbsolutePath());
            settings.add("tls_version tlsv1.2");
        }
        if (desktopPort > 0) {
            settings.add("listener " + desktopPort + " 127.0.0.1");
        }
        if (websocketPort > 0) {
            settings.add("listener " + websocketPort + " 127.0.0.1");
            settings.add("protocol websockets");
        }
        settings.add("");
        Files.write(new File(folder, "mosquitto.conf").toPath(),
                String.join("\n", settings).getBytes(StandardCharsets.UTF_8));
        MosquittoBroker broker = new MosquittoBroker(folder, port, desktopPort, websocketPort);
        // A test JVM that is killed must not leave a broker behind.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroyQuietly, "mosquitto-stop"));
        broker.launch();
        return broker;
    }

    private void launch() throws IOException, InterruptedException {
        File config = new File(this.folder, "mosquitto.conf");
        // stdbuf -oL: mosquitto's stdout to a file is otherwise block-buffered, and a test reading the log
        // (connectionsOf) would count from a stale copy.
        this.process = new ProcessBuilder("stdbuf", "-oL", BINARY, "-c", config.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log)).start();
        awaitListening(this.port);
        if (this.desktopPort > 0) {
            awaitListening(this.desktopPort);
        }
        if (this.websocketPort > 0) {
            awaitListening(this.websocketPort);
        }
    }

    private void destroyQuietly() {
        Process running = this.process;
        if (running != null) {
            running.destroy();
        }
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

    /**
     * @return how many PUBLISH packets the broker received on a topic ending in {@code topicSuffix}, over every run
     *         so far (its log at {@code log_type all})
     */
    int publishesReceivedTo(String topicSuffix) throws IOException {
        int count = 0;
        for (String line : log().split("\n")) {
            if (line.contains("Received PUBLISH from ") && line.contains(topicSuffix + "', ")) {
                count++;
            }
        }
        return count;
    }

    /**
     * Waits until the broker received {@code count} more PUBLISH packets on a topic ending in {@code topicSuffix}
     * than it had when called: a positive sign that time passed with the link in use.
     */
    void awaitPublishesTo(String topicSuffix, int count, long timeoutMs) throws Exception {
        int before = publishesReceivedTo(topicSuffix);
        Poll.until(timeoutMs, () -> publishesReceivedTo(topicSuffix) >= before + count,
                () -> "the broker received " + (publishesReceivedTo(topicSuffix) - before) + " of " + count
                        + " PUBLISH packets to *" + topicSuffix);
    }

    /** @return the plain, anonymous port for desktop clients, or the board's port when there is none */
    int desktopPort() {
        return this.desktopPort > 0 ? this.desktopPort : this.port;
    }

    /** @return the WebSockets listener's URL, as the web page takes it ({@link Options#websocketListener()}) */
    String websocketUri() {
        if (this.websocketPort < 0) {
            throw new IllegalStateException("started without Options.websocketListener()");
        }
        return "ws://127.0.0.1:" + this.websocketPort + "/mqtt";
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

    private void awaitListening(int listenerPort) throws IOException, InterruptedException {
        boolean listening = Poll.within(READY_TIMEOUT_MS, () -> {
            if (!this.process.isAlive()) {
                throw new AssertionError("mosquitto exited at start:\n" + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenerPort), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        if (listening) {
            return;
        }
        close();
        throw new AssertionError("mosquitto did not listen on " + listenerPort + " within " + READY_TIMEOUT_MS
                + " ms:\n" + log());
    }
}
