package com.relayboard.firmware;

import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.WifiConnectManager;
import com.relayboard.firmware.relay.MessagePath;
import com.relayboard.firmware.relay.MessageReport;
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

    private final Clock clock;
    private final BoardEvents events;
    private final WifiConnectManager wifi;
    private final MqttLink mqtt;
    private final MessagePath path;
    private final StatusPresenter presenter;
    private final LedChannel ledChannel;
    private final LedIndicator led;
    private volatile boolean running = true;
    /** Loop iterations so far: lets tests check that an idle board sleeps instead of spinning. */
    private volatile long iterations;
    /** {@link MessagePath#heardCount()} when the loop last looked: a change means the broker was heard. */
    private int heardSeen;
    /** The time of the current iteration, for the events it handles. */
    private long nowMs;

    BoardLoop(Clock clock, BoardEvents events, WifiConnectManager wifi, MqttLink mqtt, MessagePath path,
            StatusPresenter presenter, LedChannel ledChannel, LedIndicator led) {
        this.clock = clock;
        this.events = events;
        this.wifi = wifi;
        this.mqtt = mqtt;
        this.path = path;
        this.presenter = presenter;
        this.ledChannel = ledChannel;
        this.led = led;
    }

    @Override
    public void run() {
        while (this.running) {
            this.iterations++;
            this.nowMs = this.clock.nowMs();
            handleEvents();
            this.wifi.step(this.nowMs);
            this.mqtt.step(this.clock.nowMs(), this.wifi.isConnected());
            this.ledChannel.step();
            showReports();
            long nowMs = this.clock.nowMs();
            this.led.step(nowMs);
            this.events.await(sleepMs(nowMs));
        }
    }

    /** Ends the loop after its current iteration. */
    void stop() {
        this.running = false;
        this.events.wake();
    }

    long iterations() {
        return this.iterations;
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
        long nowMs = this.clock.nowMs();
        MessageReport report;
        while ((report = this.events.pollReport()) != null) {
            this.presenter.show(report, nowMs);
        }
        this.presenter.missed(this.events.takeMissedReports());
        this.presenter.refreshScreen(nowMs);
    }

    /** @return how long the loop may sleep before some deadline of its own comes due */
    private long sleepMs(long nowMs) {
        long sleepMs = MAX_SLEEP_MS;
        sleepMs = Math.min(sleepMs, this.wifi.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.mqtt.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.presenter.nextScreenMs() - nowMs);
        long ledChangeMs = this.led.nextChangeMs();
        if (ledChangeMs >= 0) {
            sleepMs = Math.min(sleepMs, ledChangeMs - nowMs);
        }
        return Math.max(0, sleepMs);
    }

    // LinkEvent.Handler: on this thread, from handleEvents.

    @Override
    public void connectionLost(String reason, boolean closedByBroker) {
        this.mqtt.connectionLost(reason, closedByBroker, this.nowMs);
    }

    @Override
    public void publishRetrying(String topic, String reason) {
        this.presenter.publishRetrying(topic, reason);
    }
}
