package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.rules.ExternalResource;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.BoardProfile;

/**
 * What an integration test sets up around a board, as one JUnit rule ({@code @Rule} for a test, {@code @ClassRule}
 * for a class that boots once): the console kept, a broker (Debian's mosquitto, or the embedded HiveMQ CE the
 * simulator starts), a proxy between board and broker, desktop clients, and the board, in this JVM
 * ({@link SimulatedBoard}) or in processes of its own ({@link BoardProcess}). Whatever the test opened is closed
 * after it, failed or not, in the reverse order of the set-up: reports first, then the boards, the desktop clients,
 * the proxy, the brokers and last the console.
 *
 * <p>A broker the test closes and starts again with another configuration keeps its place in that order.
 */
class BoardRoom extends ExternalResource {

    /** Long enough for a board to connect on a loaded machine; the tests' usual wait. */
    static final long TIMEOUT_MS = 30000;
    /**
     * How long closing waits for a board to stop: a board whose thread or socket was refused may hang in a connect
     * that never completes (as a real one would), and the test must report rather than hang.
     */
    private static final long STOP_WAIT_MS = 20000;

    /** Where a thing stands in the set-up; closed from the last to the first. */
    private enum Place {
        CONSOLE, BROKER, PROXY, CLIENT, BOARD, REPORT
    }

    private static final class Opened {
        final Place place;
        final AutoCloseable closing;

        Opened(Place place, AutoCloseable closing) {
            this.place = place;
            this.closing = closing;
        }
    }

    private final List<Opened> opened = new ArrayList<>();

    /** The board's console, once {@link #console()} or {@link #quietConsole()} kept it. */
    ConsoleCapture console;
    /** The last mosquitto started, or null. */
    MosquittoBroker mosquitto;
    /** The proxy, or null. */
    TcpProxy proxy;
    /** The board in this JVM, or null. */
    SimulatedBoard simulated;
    /** What {@link #start()} returned. */
    RelayBoard board;
    /** Where the board in this JVM writes its LCD, once {@link #lcdPng()} made it. */
    File lcdPng;

    @Override
    protected void after() {
        List<Throwable> failures = new ArrayList<>();
        for (int place = Place.values().length - 1; place >= 0; place--) {
            for (int i = this.opened.size() - 1; i >= 0; i--) {
                Opened one = this.opened.get(i);
                if (one.place.ordinal() == place) {
                    try {
                        one.closing.close();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }
        }
        this.opened.clear();
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("could not close the test's room: " + failures.get(0),
                    failures.get(0));
            for (Throwable more : failures.subList(1, failures.size())) {
                error.addSuppressed(more);
            }
            throw error;
        }
    }

    /** Keeps the console, still shown (once: later calls return the same). */
    ConsoleCapture console() {
        return keepConsole(false);
    }

    /** Keeps the console without showing it: for tests that print thousands of lines. */
    ConsoleCapture quietConsole() {
        return keepConsole(true);
    }

    private ConsoleCapture keepConsole(boolean quiet) {
        if (this.console == null) {
            this.console = quiet ? ConsoleCapture.installQuiet() : ConsoleCapture.install();
            this.opened.add(new Opened(Place.CONSOLE, this.console::uninstall));
        }
        return this.console;
    }

    /** Starts Debian's mosquitto with these mosquitto.conf lines (none: the test defaults). */
    MosquittoBroker mosquitto(String... settings) throws IOException, InterruptedException {
        return mosquitto(new MosquittoBroker.Options().extra(settings));
    }

    /**
     * Starts Debian's mosquitto as {@code options} say; it becomes {@link #mosquitto}. A test that closes a broker
     * to start another in its place (on its port) calls this again.
     */
    MosquittoBroker mosquitto(MosquittoBroker.Options options) throws IOException, InterruptedException {
        this.mosquitto = own(Place.BROKER, MosquittoBroker.start(options));
        return this.mosquitto;
    }

    /** A broker of the test's own making (one that never answers, say), closed where the brokers are. */
    <T extends AutoCloseable> T broker(T broker) {
        return own(Place.BROKER, broker);
    }

    /** The embedded HiveMQ CE, not started yet: the test starts it when it wants (on a port of its choice). */
    EmbeddedBroker embeddedBroker() {
        EmbeddedBroker broker = new EmbeddedBroker();
        this.opened.add(new Opened(Place.BROKER, broker::stop));
        return broker;
    }

    /** A proxy on a free loopback port in front of {@code brokerPort}. */
    TcpProxy proxy(int brokerPort) throws IOException {
        this.proxy = own(Place.PROXY, new TcpProxy(brokerPort));
        return this.proxy;
    }

    /** A desktop client or anything else the test opens that needs the broker: closed before the proxy. */
    <T extends AutoCloseable> T client(T client) {
        return own(Place.CLIENT, client);
    }

    /** Something else the test started that serves the board or its clients (a web server): closed with the clients. */
    void closing(AutoCloseable something) {
        this.opened.add(new Opened(Place.CLIENT, something));
    }

    /** Something to say when the test ends, failed or not, before anything is closed (a peak, a count). */
    void report(Runnable report) {
        this.opened.add(new Opened(Place.REPORT, report::run));
    }

    /** A fresh file for the LCD's PNG, in a folder of its own (the same for the rest of the test). */
    File lcdPng() throws IOException {
        if (this.lcdPng == null) {
            this.lcdPng = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        }
        return this.lcdPng;
    }

    /** The board in this JVM with {@code settings}, writing its LCD to {@link #lcdPng()}; not started yet. */
    SimulatedBoard board(Properties settings) throws IOException {
        return board(new SimulatedBoard(settings, lcdPng()));
    }

    /** {@code board}, set up by the test (no PNG, a profile, an access point...); not started yet. */
    SimulatedBoard board(SimulatedBoard board) {
        if (this.simulated != null) {
            throw new IllegalStateException("a JVM runs one board");
        }
        keepConsole(false);
        this.simulated = board;
        this.opened.add(new Opened(Place.BOARD, () -> stopWithin(board, STOP_WAIT_MS)));
        return board;
    }

    /** Starts the board set up by {@link #board}. */
    RelayBoard start() throws IOException {
        this.board = this.simulated.start();
        return this.board;
    }

    /** Sets up and starts the default board with {@code settings}, and waits until it is connected. */
    RelayBoard startConnected(Properties settings) throws IOException, InterruptedException {
        board(settings);
        start();
        awaitConnected();
        return this.board;
    }

    /** A board in a process of its own ({@link BoardProcess#start(String, Map, String...)}). */
    BoardProcess boardProcess(String name, Map<String, String> settings, String... options) throws IOException {
        return own(Place.BOARD, BoardProcess.start(name, settings, options));
    }

    /** Settings for a board on {@code brokerUri}, to add to. */
    static Properties settings(String brokerUri) {
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", brokerUri);
        return settings;
    }

    /** Waits for the board to be connected; fails with its console if it is not within {@link #TIMEOUT_MS}. */
    void awaitConnected() throws InterruptedException {
        awaitConnected(this.board, this.console, TIMEOUT_MS);
    }

    /** Waits for the board to be connected; fails with its console if it is not within {@code timeoutMs}. */
    void awaitConnected(long timeoutMs) throws InterruptedException {
        awaitConnected(this.board, this.console, timeoutMs);
    }

    /** Waits for {@code board} to be connected to its broker; fails with its console if it is not in time. */
    static void awaitConnected(RelayBoard board, ConsoleCapture console, long timeoutMs) throws InterruptedException {
        Poll.until(timeoutMs, () -> board.mqttState() == MqttState.CONNECTED,
                () -> "the board did not connect within " + timeoutMs + " ms:\n" + console.text());
    }

    /** @return {@code profile}'s board, for {@link #board(SimulatedBoard)} */
    SimulatedBoard boardOf(Properties settings, BoardProfile profile) throws IOException {
        return new SimulatedBoard(settings, lcdPng()).board(profile);
    }

    private <T extends AutoCloseable> T own(Place place, T resource) {
        this.opened.add(new Opened(place, resource));
        return resource;
    }

    /** Stops {@code board}, waiting at most {@code waitMs} (see {@link #STOP_WAIT_MS}). */
    private static void stopWithin(SimulatedBoard board, long waitMs) throws InterruptedException {
        Thread stopper = new Thread(board::stop, "board-room-stop");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(waitMs);
        if (stopper.isAlive()) {
            // Said, not failed: the test's own verdict stands, and the rest of the room is still closed.
            System.err.println("[BoardRoom] the board did not stop within " + waitMs + " ms");
        }
    }
}
