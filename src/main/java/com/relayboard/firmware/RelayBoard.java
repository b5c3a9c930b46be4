package com.relayboard.firmware;

import java.io.PrintStream;
import java.util.Random;

import com.relayboard.firmware.config.Config;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.config.RelayRule;
import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.led.LedSetting;
import com.relayboard.firmware.net.Backoff;
import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.Outbox;
import com.relayboard.firmware.net.OutboxListener;
import com.relayboard.firmware.net.OutgoingMessage;
import com.relayboard.firmware.net.WifiConnectManager;
import com.relayboard.firmware.net.WifiRadio;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.relay.ReceivedMessage;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.text.PayloadText;
import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.LedIndicator;

/**
 * The board: one loop thread owns the Wi-Fi and MQTT lifecycles, the relay, the screen and the LED.
 * Other threads only leave events: the client callback records messages and lost connections in the
 * {@link Mailbox}, the outbox's publisher thread reports what it published. The loop acts on them,
 * steps both lifecycles and sleeps until the next event or deadline.
 *
 * <p>Every message prints {@code New message (topic="...", message="...")} on the console, shows on
 * the screen and flashes the LED; a message on a relay rule's source is published to the rule's
 * target with the rule's suffix, through the outbox.
 */
public final class RelayBoard implements LifecycleListener, BrokerListener, OutboxListener {

    public static final String VERSION = "0.2.0";
    /**
     * Received messages waiting for the loop. The board acknowledges a QoS 1 message as soon as it is
     * in the inbox, so with a persistent session the inbox must hold the broker's whole backlog for
     * the board after an outage: mosquitto's defaults queue at most 1000 messages plus 20 in flight.
     */
    public static final int INBOX_CAPACITY = 1024;
    /** Payload bytes the inbox holds at most (one message alone may be larger). */
    public static final int INBOX_MAX_BYTES = 512 * 1024;
    /** Relayed messages waiting to be published. */
    public static final int OUTBOX_CAPACITY = 32;
    /** The loop wakes at least this often, to poll the link and end LED flashes. */
    static final long LOOP_MAX_SLEEP_MS = 100;
    /** The board's probe topic is {@code relayboard/<clientId>} plus this. */
    public static final String PROBE_SUFFIX = "/probe";
    /** Payload text on the console is cut after this many characters: the UART runs at 115200 baud. */
    static final int CONSOLE_MAX_PAYLOAD_CHARS = 1024;

    private final Config config;
    private final Clock clock;
    private final PrintStream console;
    private final BoardScreen screen;
    private final LedIndicator led;
    private final Relay relay;
    private final Mailbox mailbox = new Mailbox(INBOX_CAPACITY, INBOX_MAX_BYTES);
    private final BrokerSession session;
    private final Outbox outbox;
    private final WifiConnectManager wifi;
    private final MqttLink mqtt;
    /** Where the link's probes go; messages on it are never shown or relayed. */
    private final String probeTopic;
    /** Where LED commands come, or {@code null}; messages on it go to {@link #ledControl}, never relayed. */
    private final String ledTopic;
    private final LedControl ledControl;

    private volatile boolean running;
    private Thread loopThread;
    // Written by the loop thread only; volatile for status() from other threads.
    private volatile int received;
    private volatile int relayed;
    private volatile int dropped;
    private volatile String wifiStatus = "WiFi IDLE";
    private volatile String mqttStatus = "MQTT WAITING_FOR_NETWORK";
    private volatile int reconnects;
    private volatile String lastDisconnect;
    /** Messages (probes included) the client has handed over, counted on the callback thread. */
    private int arrivals;
    /** {@link #arrivals} when the loop last looked: a change means the broker was heard. */
    private int arrivalsSeen;
    /** Messages the inbox had no room for, counted on the callback thread. */
    private int overflowed;
    /** Loop iterations so far: lets tests check that an idle board sleeps instead of spinning. */
    private volatile long loopIterations;

    public RelayBoard(Config config, Clock clock, Random random, PrintStream console, BoardScreen screen,
            LedIndicator led, WifiRadio radio, BrokerSessionFactory sessions) {
        this.config = config;
        this.clock = clock;
        this.console = console;
        this.screen = screen;
        this.led = led;
        this.relay = new Relay(config.rules(), config.qos());
        this.session = sessions.open(this);
        this.outbox = new Outbox(OUTBOX_CAPACITY, this.session, this);
        this.wifi = new WifiConnectManager(radio, config.wifiSsid(), config.wifiPassword(), config.wifiSecurity(),
                new Backoff(WifiConnectManager.RETRY_INITIAL_MS, WifiConnectManager.RETRY_MAX_MS, random), this);
        this.probeTopic = Config.STATUS_TOPIC_PREFIX + config.clientId() + PROBE_SUFFIX;
        this.mqtt = new MqttLink(this.session, config.brokerUri(), config.clientId(), this.relay.sourceFilters(),
                config.qos(), config.statusTopic(), this.probeTopic, config.keepAliveS(),
                new Backoff(MqttLink.RETRY_INITIAL_MS, config.retryMaxS() * 1000L, random), this.outbox, this);
        this.ledTopic = config.ledTopic();
        this.ledControl = new LedControl(led, console, screen);
        this.mqtt.subscribeFirst(this.ledTopic);
    }

    /** Prints what the board will do, then starts the loop and the publisher. */
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        this.console.println("RelayBoard " + VERSION + " starting: " + this.config.describe());
        for (RelayRule rule : this.config.rules()) {
            this.console.println("Relay " + rule.number() + ": " + rule);
        }
        this.console.println(this.ledTopic == null ? "LED control: off (" + ConfigLoader.LED_TOPIC + " is empty)"
                : "LED control: commands on " + this.ledTopic + ", state on " + this.config.ledStateTopic());
        this.screen.showWifi(this.wifiStatus, BoardScreen.BUSY);
        this.screen.showMqtt(this.mqttStatus, BoardScreen.BUSY);
        this.screen.showCounters(0, 0, 0, 0);
        this.outbox.start();
        this.loopThread = new Thread(new Runnable() {
            @Override
            public void run() {
                loop();
            }
        }, "relayboard-loop");
        this.loopThread.start();
    }

    /** Stops the loop and the publisher, and leaves the broker cleanly (so no Last Will is sent). */
    public void stop() {
        Thread loop;
        Thread publisher;
        synchronized (this) {
            if (!this.running) {
                return;
            }
            this.running = false;
            loop = this.loopThread;
        }
        this.mailbox.wake();
        this.outbox.stop();
        joinQuietly(loop);
        // Only the loop replaces a stuck publisher, and the outbox is stopped: this one is the last. A
        // publisher left behind on a dead link ends by itself when its publish returns.
        publisher = this.outbox.publisher();
        joinQuietly(publisher);
        try {
            this.mqtt.announceOffline();
        } catch (BrokerException e) {
            this.console.println("Could not announce offline on " + this.config.statusTopic() + ": "
                    + e.getMessage());
        }
        this.session.disconnect();
        this.console.println("RelayBoard stopped");
    }

    /** @return one line on the board's state, for a {@code status} command */
    public String status() {
        return this.wifiStatus + " | " + this.mqttStatus + " | received " + this.received + ", relayed "
                + this.relayed + ", dropped " + this.dropped + ", queued " + this.outbox.size() + " | reconnects "
                + this.reconnects + ", last disconnect: " + (this.lastDisconnect == null ? "none" : this.lastDisconnect);
    }

    /** @return connections to the broker after the first */
    public int reconnects() {
        return this.reconnects;
    }

    /** @return why the last connection to the broker ended, or {@code null} before one did */
    public String lastDisconnectReason() {
        return this.lastDisconnect;
    }

    /** @return the LED setting applied (level and colour), for the simulator's front panel */
    public LedSetting ledSetting() {
        return this.ledControl.setting();
    }

    public String clientId() {
        return this.config.clientId();
    }

    public int received() {
        return this.received;
    }

    public int relayed() {
        return this.relayed;
    }

    public int dropped() {
        return this.dropped;
    }

    /** @return how many times the loop has run; an idle, connected board runs it about ten times a second */
    long loopIterations() {
        return this.loopIterations;
    }

    public WifiState wifiState() {
        return this.wifi.state();
    }

    public MqttState mqttState() {
        return this.mqtt.state();
    }

    private void loop() {
        while (this.running) {
            this.loopIterations++;
            long nowMs = this.clock.nowMs();
            handleEvents(nowMs);
            this.wifi.step(nowMs);
            this.mqtt.step(this.clock.nowMs(), this.wifi.isConnected());
            applyLedCommands();
            handleMessages();
            reportOverflow();
            nowMs = this.clock.nowMs();
            this.led.step(nowMs);
            this.mailbox.await(sleepMs(nowMs));
        }
    }

    /** @return how long the loop may sleep before some deadline of its own comes due */
    private long sleepMs(long nowMs) {
        long sleepMs = LOOP_MAX_SLEEP_MS;
        sleepMs = Math.min(sleepMs, this.wifi.nextActionMs() - nowMs);
        sleepMs = Math.min(sleepMs, this.mqtt.nextActionMs() - nowMs);
        long ledChangeMs = this.led.nextChangeMs();
        if (ledChangeMs >= 0) {
            sleepMs = Math.min(sleepMs, ledChangeMs - nowMs);
        }
        if (this.mailbox.inboxSize() > 0 && this.outbox.hasRoom()) {
            sleepMs = 0;
        }
        return Math.max(0, sleepMs);
    }

    private void handleEvents(long nowMs) {
        int arrived;
        synchronized (this) {
            arrived = this.arrivals;
        }
        if (arrived != this.arrivalsSeen) {
            this.arrivalsSeen = arrived;
            this.mqtt.heard(nowMs);
        }
        Mailbox.Event event;
        while ((event = this.mailbox.pollEvent()) != null) {
            switch (event.kind) {
            case Mailbox.CONNECTION_LOST:
                this.mqtt.connectionLost(event.text, event.subject == Boolean.TRUE, nowMs);
                break;
            case Mailbox.PUBLISHED:
                if (((OutgoingMessage) event.subject).qos() > 0) {
                    // Its acknowledgement came back: the link is alive.
                    this.mqtt.heard(nowMs);
                }
                this.relayed++;
                showCounters();
                break;
            case Mailbox.PUBLISH_FAILED:
                this.console.println("Publish to " + ((OutgoingMessage) event.subject).topic() + " failed ("
                        + event.text + "); it stays queued and is sent again after the reconnect");
                break;
            case Mailbox.PUBLISH_DROPPED:
                this.dropped++;
                notice("Dropped relayed message to " + ((OutgoingMessage) event.subject).topic() + " after "
                        + Outbox.MAX_ATTEMPTS + " failed connections: " + event.text);
                showCounters();
                break;
            default:
                break;
            }
        }
    }

    /** Takes messages from the inbox while the outbox has room for what they may become. */
    private void handleMessages() {
        ReceivedMessage message;
        while (this.outbox.hasRoom() && (message = this.mailbox.pollMessage()) != null) {
            handleMessage(message);
        }
    }

    private void handleMessage(ReceivedMessage message) {
        this.received++;
        byte[] payload = message.payload();
        this.console.println("New message (topic=\"" + PayloadText.escapeTopic(message.topic(), Integer.MAX_VALUE)
                + "\", message=\"" + consoleText(payload) + "\")");
        this.screen.addMessage(message.topic(), payload);
        RelayRule rule = this.relay.ruleFor(message.topic());
        this.led.flash(LedIndicator.colorForRule(rule == null ? 0 : rule.number()), this.clock.nowMs());
        if (rule != null) {
            if (payload.length > this.config.maxPayloadBytes()) {
                this.dropped++;
                notice("Dropped message on " + message.topic() + ": " + payload.length
                        + " bytes is over relayboard.mqtt.maxPayloadBytes (" + this.config.maxPayloadBytes() + ")");
            } else {
                this.outbox.offer(this.relay.relay(rule, message));
            }
        }
        showCounters();
    }

    private void applyLedCommands() {
        if (this.ledControl.applyPending()) {
            publishLedState();
        }
    }

    /** Publishes the LED setting applied, retained, so that every client (the web page too) shows the board's. */
    private void publishLedState() {
        if (this.ledTopic == null || this.mqtt.state() != MqttState.CONNECTED) {
            return; // sent on the next connect
        }
        try {
            this.session.publish(this.config.ledStateTopic(), this.ledControl.stateJson(), 1, true);
        } catch (BrokerException e) {
            this.console.println("Could not publish the LED state on " + this.config.ledStateTopic() + ": "
                    + e.getMessage() + "; it is sent again on the next connect");
        }
    }

    private void reportOverflow() {
        int lost;
        synchronized (this) {
            lost = this.overflowed;
            this.overflowed = 0;
        }
        if (lost > 0) {
            this.dropped += lost;
            notice("Dropped " + lost + " QoS 0 message(s): the inbox was full");
            showCounters();
        }
    }

    private static String consoleText(byte[] payload) {
        String text = PayloadText.escape(payload, CONSOLE_MAX_PAYLOAD_CHARS);
        if (PayloadText.bytesShown(payload, CONSOLE_MAX_PAYLOAD_CHARS) < payload.length) {
            text += "... (" + payload.length + " bytes)";
        }
        return text;
    }

    private void notice(String text) {
        this.console.println(text);
        this.screen.showNotice(text, true);
    }

    private void showCounters() {
        this.screen.showCounters(this.received, this.relayed, this.dropped, this.outbox.size());
    }

    // LifecycleListener: called on the loop thread by the lifecycles themselves.

    @Override
    public void wifiChanged(WifiState state, String detail) {
        this.wifiStatus = reportStateChange("WiFi", state.name(), detail, state == WifiState.BACKOFF);
        this.screen.showWifi(this.wifiStatus, severity(state == WifiState.CONNECTED, state == WifiState.BACKOFF));
    }

    @Override
    public void mqttChanged(MqttState state, String detail) {
        this.reconnects = this.mqtt.reconnects();
        this.lastDisconnect = this.mqtt.lastDisconnectReason();
        boolean connected = state == MqttState.CONNECTED;
        if (connected) {
            // The retained LED command comes with the subscription: the light shows "connected" only once it is
            // applied (or it took too long), never the default setting first.
            if (this.ledTopic != null) {
                this.ledControl.connected(this.clock.nowMs());
            }
            this.ledControl.applyPending();
        }
        this.mqttStatus = reportStateChange("MQTT", state.name(), detail, state == MqttState.BACKOFF);
        this.screen.showMqtt(this.mqttStatus, severity(connected, state == MqttState.BACKOFF));
        if (connected) {
            // Whatever went wrong before, the board is fully up again.
            this.screen.showNotice("", false);
            publishLedState();
        }
    }

    /**
     * Prints one console line for a lifecycle's state change, puts a failure's reason on the notice line
     * and sets the LED's steady colour.
     *
     * @return the status text, e.g. {@code WiFi CONNECTED 127.0.0.1}
     */
    private String reportStateChange(String lifecycle, String state, String detail, boolean failed) {
        this.console.println(lifecycle + ": " + state + " " + detail);
        if (failed) {
            this.screen.showNotice(lifecycle + ": " + detail, true);
        }
        updateSteadyLed();
        return lifecycle + " " + state + " " + detail;
    }

    private static int severity(boolean up, boolean failed) {
        return up ? BoardScreen.OK : failed ? BoardScreen.ERROR : BoardScreen.BUSY;
    }

    private void updateSteadyLed() {
        int color;
        if (this.mqtt.state() == MqttState.CONNECTED) {
            color = LedIndicator.IDLE;
        } else if (this.wifi.state() == WifiState.BACKOFF || this.mqtt.state() == MqttState.BACKOFF) {
            color = LedIndicator.ERROR;
        } else {
            color = LedIndicator.CONNECTING;
        }
        this.led.setSteady(color);
    }

    // BrokerListener: called on the client's callback thread; records and returns at once.

    @Override
    public boolean onMessage(String topic, byte[] payload, int qos) {
        synchronized (this) {
            this.arrivals++;
        }
        if (topic.equals(this.probeTopic)) {
            // The link's own probe came back: heard, nothing to show or relay.
            this.mailbox.wake();
            return true;
        }
        if (topic.equals(this.ledTopic)) {
            this.ledControl.offer(payload);
            this.mailbox.wake();
            return true;
        }
        if (this.mailbox.offerMessage(new ReceivedMessage(topic, payload, qos))) {
            return true;
        }
        if (qos == 0) {
            synchronized (this) {
                this.overflowed++;
            }
            this.mailbox.wake();
        }
        return false;
    }

    @Override
    public void onConnectionLost(String reason, boolean closedByBroker) {
        this.mailbox.post(Mailbox.CONNECTION_LOST, closedByBroker ? Boolean.TRUE : Boolean.FALSE, reason);
    }

    // OutboxListener: called on the publisher thread; records and returns.

    @Override
    public void published(OutgoingMessage message) {
        this.mailbox.post(Mailbox.PUBLISHED, message, null);
    }

    @Override
    public void publishFailed(OutgoingMessage message, String reason, boolean dropped) {
        this.mailbox.post(dropped ? Mailbox.PUBLISH_DROPPED : Mailbox.PUBLISH_FAILED, message, reason);
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
