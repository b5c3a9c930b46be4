package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import com.relayboard.firmware.Main;
import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.config.ConfigKeys;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.HostPlatform;
import com.relayboard.host.console.UartOutputStream;
import com.relayboard.host.console.UartStall;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.net.SimulatedAccessPoint;
import com.relayboard.host.threads.BoardThreads;

/**
 * One board on the desktop: the simulated room (access point, optionally a broker) set up around the
 * real firmware, started through its real entry point. Used by the simulator's command line and by
 * the end-to-end tests, so both run the board the same way.
 *
 * <p>A JVM runs one board, as a device does: MicroUI and the simulated radio are per process.
 */
public final class SimulatedBoard {

    /** The firmware's defaults, as the MicroEJ build packs them. */
    public static final String PROPERTIES_LIST = "relayboard.properties.list";

    /**
     * The integration tests' own settings ({@code -Drelayboard.it.seed=...} on Maven's command line reaches the test
     * JVM a board runs in): not the firmware's, so not its to refuse.
     */
    static final String TEST_KNOBS_PREFIX = "relayboard.it.";

    private final Properties settings;
    private final File lcdPng;
    private BoardProfile profile = BoardProfile.LCD_NEOPIXEL;
    private String apSsid;
    private String apPassword;
    private String apSecurity;
    private EmbeddedBroker embeddedBroker;
    private LcdPngWriter pngWriter;
    private RelayBoard board;
    private BoardThreads threads;
    private boolean started;
    private boolean uartConsole = true;
    /** Where the host's own lines go: the terminal under the board's UART. */
    private PrintStream hostOut = System.out;
    private long leaseDelayMs = SimulatedAccessPoint.DEFAULT_LEASE_DELAY_MS;
    /** The Evaluation engine's stop (see {@link #evaluationLimitMs(long)}). */
    private long evaluationLimitMs = EvaluationEngine.EVALUATION_TIME_LIMIT_MS;
    private Runnable onVmEnded;
    private Thread evaluationTimer;
    private volatile boolean vmEnded;

    /**
     * @param settings
     *            {@code relayboard.*} values that override the firmware's defaults (from
     *            {@code --config}, {@code --broker}); without {@code relayboard.mqtt.broker} an
     *            embedded broker is started
     * @param lcdPng
     *            where the LCD is written as PNG on every change, or {@code null}
     */
    public SimulatedBoard(Properties settings, File lcdPng) {
        this.settings = settings;
        this.lcdPng = lcdPng;
    }

    /** Makes the desktop platform this board (the default is {@link BoardProfile#LCD_NEOPIXEL}). */
    public SimulatedBoard board(BoardProfile board) {
        if (board == null) {
            throw new NullPointerException("board");
        }
        this.profile = board;
        return this;
    }

    /** @return the board the desktop platform is */
    public BoardProfile profile() {
        return this.profile;
    }

    /**
     * Whether the console is the board's UART, as it is unless turned off: 115,200 baud, ISO-8859-1 text, and while
     * it sends past its FIFO every board thread stands still ({@link UartStall}), as on the device. Off only for
     * tests that check something else and print too much for the UART, with a comment saying so.
     */
    public SimulatedBoard uartConsole(boolean atUartRate) {
        this.uartConsole = atUartRate;
        return this;
    }

    /**
     * How long the access point's DHCP takes to give the board its address after each join, in milliseconds
     * (default {@link SimulatedAccessPoint#DEFAULT_LEASE_DELAY_MS}): the address reads 0.0.0.0 until then, as on
     * the ESP32 ports. 0 for at once, negative ({@link SimulatedAccessPoint#LEASE_NEVER}) for never.
     */
    public SimulatedBoard leaseDelayMs(long delayMs) {
        this.leaseDelayMs = delayMs;
        return this;
    }

    /**
     * When the board's VM ends as MicroEJ's Evaluation engine ends it, counted from the board's start: by default
     * after 60 minutes, as on both public ESP32 VEE Ports (see {@link EvaluationEngine}). {@link
     * EvaluationEngine#NO_LIMIT} never (a Production engine).
     *
     * @param whenEnded
     *            run once the VM has ended (on the room's thread), or {@code null}
     */
    public SimulatedBoard evaluationLimitMs(long limitMs, Runnable whenEnded) {
        this.evaluationLimitMs = limitMs;
        this.onVmEnded = whenEnded;
        return this;
    }

    /** @return after how long the board's VM ends, as the Evaluation engine ends it; {@link EvaluationEngine#NO_LIMIT} for never */
    public long evaluationLimitMs() {
        return this.evaluationLimitMs;
    }

    /** @return whether the board's VM ended as the Evaluation engine ends it */
    public boolean vmEnded() {
        return this.vmEnded;
    }

    /** Sets up the room's access point differently from the firmware's default credentials. */
    public SimulatedBoard accessPoint(String ssid, String password, String security) {
        this.apSsid = ssid;
        this.apPassword = password;
        this.apSecurity = security;
        return this;
    }

    /**
     * Sets up the room, then boots the firmware.
     *
     * @return the running board, or {@code null} when the firmware refused its configuration
     */
    public synchronized RelayBoard start() throws IOException {
        if (this.started) {
            throw new IllegalStateException("a JVM runs one board");
        }
        this.started = true;
        for (String key : this.settings.stringPropertyNames()) {
            System.setProperty(key, this.settings.getProperty(key));
        }
        if (System.getProperty(ConfigLoader.MQTT_BROKER) == null) {
            this.embeddedBroker = new EmbeddedBroker();
            int port = this.embeddedBroker.start(EmbeddedBroker.MQTT_PORT);
            System.setProperty(ConfigLoader.MQTT_BROKER, "tcp://127.0.0.1:" + port);
        }
        if (System.getProperty(ConfigLoader.WIFI_INTERFACE) == null) {
            // The simulated station's traffic goes through loopback: that is its interface here.
            System.setProperty(ConfigLoader.WIFI_INTERFACE, loopbackInterfaceName());
        }
        this.hostOut = System.out;
        // The access point's SNTP server: started here, on the room's thread, so that it is not the board's. The
        // board asks it unless a time server was chosen (--config, -D).
        String timeServer = SimulatedAccessPoint.get().timeServer().start();
        if (System.getProperty(ConfigLoader.TIME_SERVER) == null) {
            System.setProperty(ConfigLoader.TIME_SERVER, timeServer);
        }
        if (this.uartConsole) {
            HostPlatform.installUartConsole(UartOutputStream.BOARD_BAUD);
            if (!UartStall.enforced()) {
                System.err.println("The console's UART holds only its writer, not the whole board as on the device: "
                        + UartStall.notEnforcedBecause());
            }
        }
        HostPlatform.selectBoard(this.profile);
        HostPlatform.boot(PROPERTIES_LIST);
        Properties defaults = HostPlatform.listDefaults(PROPERTIES_LIST);
        SimulatedAccessPoint.get().configure(
                this.apSsid != null ? this.apSsid : defaults.getProperty(ConfigLoader.WIFI_SSID),
                this.apPassword != null ? this.apPassword : defaults.getProperty(ConfigLoader.WIFI_PASSWORD),
                this.apSecurity != null ? this.apSecurity : defaults.getProperty(ConfigLoader.WIFI_SECURITY));
        SimulatedAccessPoint.get().setLeaseDelayMs(this.leaseDelayMs);
        if (this.lcdPng != null && this.profile.hasDisplay()) {
            this.pngWriter = new LcdPngWriter(HostDisplay.get(), this.lcdPng);
            this.pngWriter.start();
        }
        // The firmware runs on a main thread of the board's own, so that every thread it starts (and those the
        // host platform starts for it: MicroUI's pump, MicroPaho's) is the board's and counts against its
        // core.memory.threads.size; the room above (broker, LCD writer) and whoever calls this do not.
        this.threads = BoardThreads.create("relayboard-board");
        final String[] keys = setKeys();
        try {
            this.board = this.threads.runAsMain(() -> Main.start(keys));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        startEvaluationTimer();
        return this.board;
    }

    /** The Evaluation engine's clock: from the board's start, on the monotonic clock, on a thread of the room's. */
    private void startEvaluationTimer() {
        if (this.evaluationLimitMs <= EvaluationEngine.NO_LIMIT) {
            return;
        }
        final long endNs = System.nanoTime() + this.evaluationLimitMs * 1000000L;
        this.evaluationTimer = new Thread(() -> {
            try {
                long leftNs;
                while ((leftNs = endNs - System.nanoTime()) > 0) {
                    Thread.sleep(Math.max(1, leftNs / 1000000L));
                }
            } catch (InterruptedException e) {
                return; // The board was stopped before its time.
            }
            EvaluationEngine.endVm(this.threads.group(), System.out);
            this.vmEnded = true;
            if (this.onVmEnded != null) {
                this.onVmEnded.run();
            }
        }, "evaluation-engine");
        this.evaluationTimer.setDaemon(true);
        this.evaluationTimer.start();
    }

    /**
     * @return every {@code relayboard.*} system property: from {@code --config}, {@code -D} and the firmware's
     *         properties list alike, so that the firmware refuses a misspelt one wherever it came from
     */
    private static String[] setKeys() {
        List<String> keys = new ArrayList<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(ConfigKeys.PREFIX) && !key.startsWith(TEST_KNOBS_PREFIX)) {
                keys.add(key);
            }
        }
        // In order, so that of two misspelt keys the same one is named each run.
        Collections.sort(keys);
        return keys.toArray(new String[0]);
    }

    /**
     * @return where the simulator's own lines go (its pairing help, its answers): the terminal, beside the board's
     *         UART rather than through it, so that they neither hold the board nor lose their characters to
     *         ISO-8859-1
     */
    public PrintStream hostConsole() {
        return this.hostOut;
    }

    /** @return the board, or {@code null} if it refused its configuration or has not started */
    public RelayBoard board() {
        return this.board;
    }

    /** @return the board's threads (their budget, their peak), or {@code null} before {@link #start()} */
    public BoardThreads threads() {
        return this.threads;
    }

    /** @return the most of the board's threads alive at once so far, or 0 before {@link #start()} */
    public int peakThreads() {
        return this.threads == null ? 0 : this.threads.peak();
    }

    /** @return the broker the board was pointed at */
    public String brokerUri() {
        return System.getProperty(ConfigLoader.MQTT_BROKER);
    }

    /** @return the embedded broker's port, or -1 when an external broker is used */
    public int embeddedBrokerPort() {
        return this.embeddedBroker == null ? -1 : this.embeddedBroker.port();
    }

    /** @return the embedded broker's WebSockets URL, or {@code null} when an external broker is used */
    public String embeddedBrokerWebSocketUri() {
        return this.embeddedBroker == null ? null : this.embeddedBroker.websocketUri();
    }

    /** @return where the LCD is written, or {@code null} when there is none (or the board has no display) */
    public File lcdPng() {
        return this.profile.hasDisplay() ? this.lcdPng : null;
    }

    /**
     * Waits until what the board shows now is on the LCD's PNG: so that a board that halted on an error shows it
     * in the image too, even when the simulator ends right away.
     */
    public void awaitLcdWritten(long timeoutMs) throws InterruptedException {
        if (this.pngWriter != null && HostDisplay.get().waitForIdle(timeoutMs)) {
            this.pngWriter.awaitWritten(timeoutMs);
        }
    }

    /** Takes the access point out of range (the board's Wi-Fi link drops) or brings it back. */
    public void setWifi(boolean up) {
        SimulatedAccessPoint.get().setInRange(up);
    }

    public synchronized void stop() {
        if (this.evaluationTimer != null) {
            this.evaluationTimer.interrupt();
        }
        // A VM that ended runs nothing more, its stop included: nothing is said to the broker.
        if (this.board != null && !this.vmEnded) {
            this.board.stop();
        }
        if (this.pngWriter != null) {
            this.pngWriter.stop();
        }
        if (this.embeddedBroker != null) {
            this.embeddedBroker.stop();
        }
    }

    static String loopbackInterfaceName() throws IOException {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        return loopback == null ? "lo" : loopback.getName();
    }
}
