package com.relayboard.firmware;

import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.Durations;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.NetworkWatchdog;
import com.relayboard.firmware.net.WifiConnectManager;
import com.relayboard.firmware.path.MessagePath;
import com.relayboard.firmware.path.MessageReport;
import com.relayboard.firmware.time.TimeSync;
import com.relayboard.firmware.ui.LedIndicator;

/**
 * The board's loop thread: acts on what the client reported, steps the Wi-Fi and MQTT lifecycles,
 * shows what the message path did, and sleeps until the next event or deadline. The messages
 * themselves do not pass through here: the message path relays them on the client's threads, and the
 * loop only shows them afterwards.
 */
final class BoardLoop implements Runnable, LinkEvent.Handler {

    /** The loop wakes at least this often, to poll the link and end LED flashes. */
    static final long MAX_SLEEP_MS = 100;
    /** After a fault of its own, the loop waits this long before it goes on. */
    static final long FAULT_PAUSE_MS = 1000;
    /** The reason on the state lines when the watchdog restarts the network side. */
    static final String RESTARTED = "restarted by the watchdog";

    private final Clock clock;
    private final BoardEvents events;
    private final WifiConnectManager wifi;
    private final MqttLink mqtt;
    private final MessagePath path;
    private final StatusPresenter presenter;
    private final LedChannel ledChannel;
    private final RuleChannel ruleChannel;
    private final TelemetryChannel telemetry;
    private final LedIndicator led;
    private final NetworkWatchdog watchdog;
    private final TimeSync time;
    /**
     * Whether the broker link waits for the clock: TLS checks the broker certificate's dates against it, and it
     * starts at 1970 ({@code ssl://} only; a {@code tcp://} board sets its clock beside the link).
     */
    private final boolean linkNeedsClock;
    private volatile boolean running = true;
    /** Faults of the loop's own so far, and the last one: the status line shows them. */
    private volatile int faults;
    private volatile String lastFault;
    /** Loop iterations so far: lets tests check that an idle board sleeps instead of spinning. */
    private volatile long iterations;
    /** {@link MessagePath#heardCount()} when the loop last looked: a change means the broker was heard. */
    private int heardSeen;
    /** The time of the current iteration, for the events it handles. */
    private long nowMs;

    BoardLoop(Clock clock, BoardEvents events, WifiConnectManager wifi, MqttLink mqtt, MessagePath path,
            StatusPresenter presenter, LedChannel ledChannel, RuleChannel ruleChannel, TelemetryChannel telemetry, LedIndicator led, NetworkWatchdog watchdog,
            TimeSync time, boolean linkNeedsClock) {
        this.clock = clock;
        this.events = events;
        this.wifi = wifi;
        this.mqtt = mqtt;
        this.path = path;
        this.presenter = presenter;
        this.ledChannel = ledChannel;
        this.ruleChannel = ruleChannel;
        this.telemetry = telemetry;
        this.led = led;
        this.watchdog = watchdog;
        this.time = time;
        this.linkNeedsClock = linkNeedsClock;
    }

    @Override
    public void run() {
        while (this.running) {
            try {
                this.events.await(runOnce());
            } catch (RuntimeException | Error e) {
                // A bug, or out of memory or stack: the loop must not end while the board still looks alive.
                fault(e);
            }
        }
    }

    /**
     * One iteration: acts on what was reported, steps the lifecycles, shows what the message path did. Never
     * blocks; the loop thread then sleeps, and tests step the loop with their own clock instead.
     *
     * @return how long the loop may sleep now, in milliseconds
     */
    long runOnce() {
        this.iterations++;
        this.nowMs = this.clock.nowMs();
        // One reading of the clock serves the whole iteration: none of its steps blocks.
        handleEvents();
        this.wifi.step(this.nowMs);
        this.time.step(this.nowMs, this.wifi.isConnected());
        // Until the clock is first set, an ssl:// link stays WAITING_FOR_NETWORK: its handshake could only fail.
        this.mqtt.step(this.nowMs, this.wifi.isConnected() && (this.time.isSet() || !this.linkNeedsClock));
        watch(this.nowMs);
        this.ruleChannel.step();
        this.telemetry.step(this.nowMs);
        this.ledChannel.step();
        showReports();
        this.led.step(this.nowMs);
        return sleepMs(this.nowMs);
    }

    /**
     * A fault of the loop's own (a bug, or memory running out) is said, counted, and the loop goes on
     * after a pause: a fault on every iteration then prints a line a second instead of spinning.
     */
    private void fault(Throwable fault) {
        this.faults++;
        String message = fault.getMessage();
        this.lastFault = fault.getClass().getName() + (message == null ? "" : ": " + message);
        try {
            this.presenter.notice("Board fault " + this.faults + ": " + this.lastFault + "; the loop goes on");
        } catch (RuntimeException | Error e) {
            // The presenter is what failed: the fault stays counted and on the status line.
        }
        this.events.await(FAULT_PAUSE_MS);
    }

    /** Restarts the network side when the watchdog says the broker has been out of reach too long. */
    private void watch(long nowMs) {
        if (!this.watchdog.step(nowMs, this.wifi.isConnected(), this.mqtt.isConnected())) {
            return;
        }
        this.mqtt.restart(RESTARTED);
        this.wifi.rejoin(RESTARTED, nowMs);
        // Last, so that the LCD's notice line keeps it rather than the state lines' short reason.
        this.presenter.notice("Watchdog: no broker connection for " + Durations.seconds(this.watchdog.timeoutMs())
                + " with Wi-Fi up (" + ConfigLoader.MQTT_RESTART_AFTER_S + "); Wi-Fi and MQTT start again");
    }

    /** Ends the loop after its current iteration. */
    void stop() {
        this.running = false;
        this.events.wake();
    }

    long iterations() {
        return this.iterations;
    }

    /** @return faults of the loop's own so far */
    int faults() {
        return this.faults;
    }

    /** @return the last fault of the loop's own, or {@code null} */
    String lastFault() {
        return this.lastFault;
    }

    private void handleEvents() {
        int heard = this.path.heardCount();
        if (heard != this.heardSeen) {
            this.heardSeen = heard;
            this.mqtt.heard(this.nowMs);
        }
        LinkEvent event;
        while ((event = this.events.pollEvent()) != null) {
            event.applyTo(this);
        }
    }

    private void showReports() {
        MessageReport report;
        while ((report = this.events.pollReport()) != null) {
            this.presenter.show(report, this.nowMs);
        }
        this.presenter.missed(this.events.takeMissedReports());
        this.presenter.refreshScreen(this.nowMs);
        this.presenter.refreshConsole(this.nowMs);
    }

    /** @return how long the loop may sleep before some deadline of its own comes due */
    private long sleepMs(long nowMs) {
        long sleepMs = MAX_SLEEP_MS;
        sleepMs = Math.min(sleepMs, this.wifi.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.mqtt.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.time.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.watchdog.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.presenter.nextScreenMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.presenter.nextConsoleMs(nowMs) - nowMs);
        long ledChangeMs = this.led.nextChangeMs();
        if (ledChangeMs >= 0) {
            sleepMs = Math.min(sleepMs, ledChangeMs - nowMs);
        }
        return Math.max(0, sleepMs);
    }

    // LinkEvent.Handler: on this thread, from handleEvents.

    @Override
    public void connectionLost(String reason, boolean closedByBroker) {
        this.wifi.checkLinkNow(this.nowMs);
        if (!this.wifi.isConnected()) {
            // The socket closed because the station lost its access point: the MQTT step says Wi-Fi is down.
            return;
        }
        this.mqtt.connectionLost(reason, closedByBroker, this.nowMs);
    }

    @Override
    public void publishRetrying(String topic, String reason) {
        this.presenter.publishRetrying(topic, reason);
    }
}
