package com.relayboard.firmware;

import java.io.PrintStream;
import java.util.Random;

import com.relayboard.firmware.config.Config;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.led.LedSetting;
import com.relayboard.firmware.net.Backoff;
import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.NetworkWorker;
import com.relayboard.firmware.net.NetworkWatchdog;
import com.relayboard.firmware.path.Outbox;
import com.relayboard.firmware.net.WifiConnectManager;
import com.relayboard.firmware.net.WifiRadio;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.path.MessagePath;
import com.relayboard.firmware.path.RuleTables;
import com.relayboard.firmware.text.JsonReader;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.path.RelayCounters;
import com.relayboard.firmware.relay.RelayRule;
import com.relayboard.firmware.time.TimeSource;
import com.relayboard.firmware.time.TimeState;
import com.relayboard.firmware.time.TimeSync;
import com.relayboard.firmware.time.WallClock;
import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.firmware.util.Deadline;


/**
 * The board, put together: the {@link MessagePath} (receive, relay, publish, acknowledge) on the
 * client's and the outbox's threads, the {@link BoardLoop} that keeps Wi-Fi and MQTT up and shows what
 * happened through the {@link StatusPresenter}, and the {@link SerialConsole}. This class builds them,
 * starts and stops them, and answers what the board is doing.
 *
 * <p>Every message prints {@code New message (topic="...", message="...")} on the console, shows on
 * the screen and flashes the LED; a message on a relay rule's source is published to the rule's
 * target with the rule's suffix. The relay comes first: the console and the screen only show it.
 *
 * <p>Threads, each with the reason it cannot share another's (docs/architecture.md; the same list is in
 * {@code build/common.properties}):
 * <ul>
 * <li>{@value #LOOP_THREAD_NAME}, the loop: the board's event loop, which never waits for the network (the host's
 * MicroPaho refuses a blocking call from it); it writes the console's message lines itself, within the console's
 * budget ({@link SerialConsole});</li>
 * <li>{@code relayboard-net}, the {@link NetworkWorker}: every blocking call of the board's own on the broker
 * (connect attempts, the status lines, the LED state, the probe, the goodbye, the SNTP request, closing the
 * clients given up), one at a time;</li>
 * <li>{@code relayboard-outbox}, the outbox's publisher: publishes the queued relayed copies, each on its own
 * lane; apart from the worker because a publish stuck on a dead link is left behind with its thread (a new
 * publisher takes over), which a shared worker could not do;</li>
 * <li>{@code relayboard-wifi}, the radio's worker (on the device, {@link com.relayboard.firmware.net.EcomWifiRadio}'s):
 * the blocking join and leave, which must not wait behind a connect attempt or a TLS client's polite disconnect
 * on the network worker;</li>
 * <li>MicroPaho's own for each of the session's four connections (see
 * {@link com.relayboard.firmware.net.PahoBrokerSession}): their delivery threads run the message path.</li>
 * </ul>
 * The console has no thread: a line goes out on the thread that says it. On the board a UART write holds the whole
 * VM, every thread, so a writer thread could keep neither the loop nor anyone else from waiting for it; the
 * console's budget bounds that wait instead.
 */
public final class RelayBoard {

    public static final String VERSION = "0.3.0";
    /**
     * The name of the board's loop thread, its event loop: nothing on it may wait for the network. It marks the
     * thread without any API beyond {@code Thread}'s: the host platform's MicroPaho refuses a blocking connect,
     * subscribe or publish from a thread of this name, as HiveMQ's client checks its event loop, so a test fails
     * wherever loop code would block on the broker.
     */
    public static final String LOOP_THREAD_NAME = "relayboard-loop";
    /**
     * Relayed messages waiting to be published at most. Beyond this the board takes no more messages
     * and the broker keeps them: the outbox is the board's whole buffer.
     */
    public static final int OUTBOX_CAPACITY = 32;
    /** Payload bytes the outbox holds at most (one message alone may be larger). */
    public static final int OUTBOX_MAX_BYTES = 128 * 1024;
    /** The board's probe topic is {@code relayboard/<clientId>} plus this. */
    public static final String PROBE_SUFFIX = "/probe";

    /**
     * @return the topic of the board's probes, {@code relayboard/<clientId>/probe}: only this board uses it, so it
     *         also carries the barrier behind the settings the session takes first
     */
    public static String probeTopic(String clientId) {
        return Config.STATUS_TOPIC_PREFIX + clientId + PROBE_SUFFIX;
    }
    /** How long {@link #stop()} waits for the broker to take the board's goodbye. */
    static final long GOODBYE_MS = 500;
    /** How long {@link #stop()} waits for each of the loop, the network worker and the publisher to end. */
    static final long STOP_JOIN_MS = 200;

    private final Config config;
    private final SerialConsole console;
    private final StatusPresenter presenter;
    private final MessagePath path;
    private final BrokerSession session;
    private final Outbox outbox;
    private final WifiConnectManager wifi;
    private final MqttLink mqtt;
    private final TimeSync time;
    private final BoardLoop loop;
    /** The one thread for blocking network work: connect attempts, and closing the clients given up. */
    private final NetworkWorker worker;
    /** Where LED commands come, or {@code null}: messages on it go to {@link #ledControl}, never relayed. */
    private final String ledTopic;
    private final LedControl ledControl;
    /** The rules in force, from the options or the retained table on the rules topic. */
    private final RuleTables ruleTables;
    private final Clock clock;
    private final long startedMs;

    /**
     * Lock: the board's monitor guards these two and a goodbye's outcome ({@link Goodbye}). It must be a lock: start
     * and stop may come from any threads, and each is a check-then-act on {@code running}; the goodbye is a
     * {@code wait()}/{@code notify} hand-over from the worker to the stopping thread.
     */
    private boolean running;
    private Thread loopThread;

    public RelayBoard(Config config, Clock clock, Random random, PrintStream console, BoardScreen screen,
            LedIndicator led, WifiRadio radio, BrokerSessionFactory sessions, TimeSource timeSource,
            WallClock wallClock) {
        this.config = config;
        this.console = new SerialConsole(console, clock);
        BoardEvents events = new BoardEvents();
        String probeTopic = probeTopic(config.clientId());
        Relay relay = new Relay(config.rules(), config.qos());
        this.path = new MessagePath(relay, config.maxPayloadBytes(), config.relaysEmptyPayloads(), probeTopic, events);
        this.worker = new NetworkWorker();
        this.session = sessions.open(this.path, this.worker);
        this.outbox = new Outbox(OUTBOX_CAPACITY, OUTBOX_MAX_BYTES, this.session, this.path);
        this.path.publishThrough(this.outbox);
        this.presenter = new StatusPresenter(this.console, screen, led, this.path.counters());
        this.ledTopic = config.ledTopic();
        // LED commands wait in the loop's events, under their one lock, from the callback until the loop applies them.
        this.ledControl = new LedControl(led, this.console, screen, events);
        this.path.takeCommands(this.ledTopic, events);
        this.ruleTables = new RuleTables(config.rules(), config.qos(), ConfigLoader.ownTopics(config.statusTopic(),
                config.ledTopic(), config.rulesTopic(), config.telemetryGetTopic()), config.relayGroup(),
                config.maxPayloadBytes());
        if (config.rulesTopic() != null) {
            this.path.takeRuleTables(config.rulesTopic(), this.ruleTables);
        }
        RuleChannel ruleChannel = new RuleChannel(this.ruleTables, config.rulesTopic(), config.qos(),
                config.relayGroup(), config.rulesStateTopic(), config.rulesRefusedTopic(), this.session, this.worker,
                clock, this.presenter, this.console, this.presenter);
        LedChannel ledChannel = new LedChannel(this.ledControl, this.ledTopic, config.ledStateTopic(), this.session,
                this.worker, clock, this.console, config.rulesTopic() == null ? this.presenter : ruleChannel);
        this.wifi = new WifiConnectManager(radio, config.wifiSsid(), config.wifiPassword(), config.wifiSecurity(),
                new Backoff(WifiConnectManager.RETRY_INITIAL_MS, WifiConnectManager.RETRY_MAX_MS, random),
                ledChannel);
        this.mqtt = new MqttLink(this.session, config.brokerUri(), config.clientId(),
                relay.subscriptionFilters(config.relayGroup()), config.qos(), config.statusTopic(), probeTopic,
                config.keepAliveS(), new Backoff(MqttLink.RETRY_INITIAL_MS, config.retryMaxS() * 1000L, random),
                this.outbox, ledChannel, this.worker);
        // Not the rules topic: the session takes it before any receiving connection connects (Main.sessionSettings).
        this.mqtt.subscribeFirst(this.ledTopic);
        this.mqtt.subscribeFirst(config.telemetryGetTopic());
        this.path.takeTelemetryRequests(config.telemetryGetTopic());
        this.path.measureWith(clock);
        this.clock = clock;
        this.startedMs = clock.nowMs();
        ruleChannel.follow(this.mqtt);
        this.time = new TimeSync(timeSource, wallClock, clock, this.worker, config.timeServerHost(),
                config.timeServerPort(), config.timeResyncS() * 1000L,
                new Backoff(TimeSync.RETRY_INITIAL_MS, TimeSync.RETRY_MAX_MS, random), this.presenter);
        this.loop = new BoardLoop(clock, events, this.wifi, this.mqtt, this.path, this.presenter, ledChannel, ruleChannel,
                new TelemetryChannel(config.telemetryPeriodS(), this.path, this.mqtt, new TelemetryChannel.Document() {
                    @Override
                    public String json() {
                        return telemetryJson();
                    }
                }, new NewestRetainedPublish(this.session, this.worker, config.telemetryTopic(), "telemetry",
                        this.console)), led,
                new NetworkWatchdog(config.restartAfterS()), this.time, config.tls());
    }

    /** Prints what the board will do, then starts the publisher, the network worker and the loop. */
    public void start() {
        startParts(true);
    }

    /**
     * Starts everything but the loop's thread: a test then steps the loop itself ({@link #stepLoop()}) with the
     * clock it gave the board, instead of sleeping and counting.
     */
    void startStepped() {
        startParts(false);
    }

    /** @return how long the loop would sleep after this iteration, in milliseconds; see {@link #startStepped()} */
    long stepLoop() {
        return this.loop.runOnce();
    }

    /** Does nothing if the board runs already; else starts it, with the loop's own thread if {@code withLoopThread}. */
    private synchronized void startParts(boolean withLoopThread) {
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
        this.console.println(this.config.rulesTopic() == null
                ? "Rules over MQTT: off (" + ConfigLoader.RULES_TOPIC + " is empty)"
                : "Rules over MQTT: tables on " + this.config.rulesTopic() + ", the table in force on "
                        + this.config.rulesStateTopic());
        this.presenter.showStart();
        this.outbox.start();
        this.worker.start();
        if (withLoopThread) {
            this.loopThread = new Thread(this.loop, LOOP_THREAD_NAME);
            this.loopThread.start();
        }
    }

    /**
     * Stops the loop and the publisher, gives back to the broker what it has not relayed yet, and leaves the broker
     * cleanly (publishing {@code offline} first, since a clean disconnect discards the Last Will). Returns within
     * about a second whatever the link is doing: a goodbye the broker does not answer within {@link #GOODBYE_MS}
     * is given up, and then the broker publishes the Last Will.
     */
    public void stop() {
        Thread loopRunning;
        synchronized (this) {
            if (!this.running) {
                return;
            }
            this.running = false;
            loopRunning = this.loopThread;
        }
        this.loop.stop();
        int lost = this.path.stop();
        // The loop never blocks: it ends within one iteration.
        joinQuietly(loopRunning, STOP_JOIN_MS);
        Goodbye goodbye = new Goodbye();
        if (!this.mqtt.isConnected() || !this.worker.submit(goodbye) || !goodbye.await(GOODBYE_MS)) {
            // Not connected, or connecting, or a broker that does not answer: the connect attempt and any publish
            // stuck on the link fail as their sockets close.
            this.session.abandon();
            if (this.mqtt.isConnected()) {
                this.console.println("The broker did not answer the goodbye within " + GOODBYE_MS
                        + " ms: it publishes the Last Will (offline) on " + this.config.statusTopic());
            }
        } else if (goodbye.failure != null) {
            this.console.println("Could not announce offline on " + this.config.statusTopic() + ": "
                    + goodbye.failure);
        }
        this.worker.stop();
        // What is left on the worker (closing the clients given up) ends as their sockets close.
        joinQuietly(this.worker.thread(), STOP_JOIN_MS);
        // Only the loop replaces a stuck publisher, and the outbox is stopped: this one is the last. A publisher
        // left behind on a dead link ends by itself when its publish fails.
        joinQuietly(this.outbox.publisher(), STOP_JOIN_MS);
        if (lost > 0) {
            this.console.println(lost + " relayed QoS 0 message(s) were still queued and are lost");
        }
        this.console.println("RelayBoard stopped");
        this.console.saySkipped(); // No loop step will say them now.
    }

    /**
     * The last words to the broker, on the worker: {@code offline}, retained, then a clean disconnect. Its outcome
     * is handed to the stopping thread under the board's monitor (no monitor of its own): the worker holds it only to
     * record the outcome, and {@link #stop()} waits on it holding no other lock.
     */
    private final class Goodbye implements Runnable {

        /** Guarded by the board's monitor. */
        private boolean done;
        /**
         * Why {@code offline} could not be announced, or {@code null}: read once {@link #await(long)} saw
         * {@link #done}, which the worker set after it, under the same lock.
         */
        String failure;

        @Override
        public void run() {
            String failed = null;
            try {
                RelayBoard.this.mqtt.announceOffline();
            } catch (BrokerException e) {
                failed = e.getMessage();
            }
            RelayBoard.this.session.disconnect();
            synchronized (RelayBoard.this) {
                this.failure = failed;
                this.done = true;
                RelayBoard.this.notifyAll();
            }
        }

        /** @return whether the goodbye was done within {@code timeoutMs} ({@link #failure} may be read then) */
        boolean await(long timeoutMs) {
            synchronized (RelayBoard.this) {
                try {
                    return Deadline.await(RelayBoard.this, timeoutMs, new Deadline.Condition() {
                        @Override
                        public boolean holds() {
                            return Goodbye.this.done;
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return this.done;
                }
            }
        }
    }

    /** @return one line on the board's state, for a {@code status} command */
    public String status() {
        int[] counts = this.path.counters().snapshot();
        String lastDisconnect = this.mqtt.lastDisconnectReason();
        return this.presenter.wifiStatus() + " | " + this.presenter.mqttStatus() + " | received " + counts[0]
                + ", relayed " + counts[1] + ", dropped " + counts[2] + ", in flight " + counts[3] + ", given back "
                + this.path.counters().givenBack() + ", on no rule " + this.path.counters().unmatched() + " | " + ruleStatus() + " | reconnects " + this.mqtt.reconnects() + ", last disconnect: "
                + (lastDisconnect == null ? "none" : lastDisconnect) + faultStatus();
    }

    /**
     * @return the telemetry document (README, "Telemetry"): the board's figures and each rule's in force, taken now.
     *         Per rule, received = relayed + dropped + inFlight (one snapshot of the counters per rule).
     */
    public String telemetryJson() {
        String lastDisconnect = this.mqtt.lastDisconnectReason();
        StringBuilder json = new StringBuilder().append("{\"uptimeS\": ")
                .append((this.clock.nowMs() - this.startedMs) / 1000).append(", \"freeHeapB\": ")
                .append(Runtime.getRuntime().freeMemory()).append(", \"reconnects\": ").append(this.mqtt.reconnects())
                .append(", \"lastDisconnect\": ")
                .append(lastDisconnect == null ? "null" : JsonReader.quote(lastDisconnect))
                .append(", \"consoleSkipped\": ").append(this.console.skippedLines()).append(", \"loopFaults\": ")
                .append(this.loop.faults()).append(", \"rulesSource\": ")
                .append(JsonReader.quote(this.ruleTables.source())).append(", \"rules\": [");
        RelayRule[] rules = this.ruleTables.inForce();
        for (int i = 0; i < rules.length; i++) {
            long[] figures = this.path.counters().ruleSnapshot(rules[i].number());
            json.append(i == 0 ? "" : ", ").append("{\"rule\": ").append(rules[i].number()).append(", \"from\": ")
                    .append(JsonReader.quote(rules[i].from())).append(", \"to\": ")
                    .append(JsonReader.quote(rules[i].to())).append(", \"received\": ").append(figures[0])
                    .append(", \"relayed\": ").append(figures[1]).append(", \"dropped\": {");
            boolean first = true;
            for (int reason = 0; reason < RelayCounters.DROP_REASONS.length; reason++) {
                if (figures[6 + reason] > 0) {
                    json.append(first ? "" : ", ").append(JsonReader.quote(RelayCounters.DROP_REASONS[reason]))
                            .append(": ").append(figures[6 + reason]);
                    first = false;
                }
            }
            json.append("}, \"inFlight\": ").append(figures[3]).append(", \"ackMsP50\": ")
                    .append(figures[4] < 0 ? "null" : String.valueOf(figures[4])).append(", \"ackMsP99\": ")
                    .append(figures[5] < 0 ? "null" : String.valueOf(figures[5])).append('}');
        }
        return json.append("]}").toString();
    }

    /** @return {@code rules 2 from options: 1: received 5, relayed 5, dropped 0, in flight 0, ack p50/p99 3/12 ms; 2: ...} */
    private String ruleStatus() {
        RelayRule[] rules = this.ruleTables.inForce();
        StringBuilder line = new StringBuilder().append("rules ").append(rules.length).append(" from ")
                .append(this.ruleTables.source()).append(':');
        for (int i = 0; i < rules.length; i++) {
            long[] figures = this.path.counters().ruleSnapshot(rules[i].number());
            line.append(i == 0 ? " " : "; ").append(rules[i].number()).append(": received ").append(figures[0])
                    .append(", relayed ").append(figures[1]).append(", dropped ").append(figures[2])
                    .append(", in flight ").append(figures[3]);
            if (figures[4] >= 0) {
                line.append(", ack p50/p99 ").append(figures[4]).append('/').append(figures[5]).append(" ms");
            }
        }
        return line.toString();
    }

    /** @return nothing while the loop has had no fault of its own, else how many and the last */
    private String faultStatus() {
        int faults = this.loop.faults();
        return faults == 0 ? "" : " | loop faults " + faults + ", last: " + this.loop.lastFault();
    }

    /** @return faults of the loop's own (caught, said, and the loop went on) */
    public int loopFaults() {
        return this.loop.faults();
    }

    /** @return connections to the broker after the first */
    public int reconnects() {
        return this.mqtt.reconnects();
    }

    /** @return why the last connection to the broker ended, or {@code null} before one did */
    public String lastDisconnectReason() {
        return this.mqtt.lastDisconnectReason();
    }

    public String clientId() {
        return this.config.clientId();
    }

    /** @return the rules the board relays by now: the options', or the last table taken over MQTT */
    public RelayRule[] rulesInForce() {
        return this.ruleTables.inForce();
    }

    /** @return the message path's counts: received, relayed, dropped, in flight, given back */
    public RelayCounters counters() {
        return this.path.counters();
    }

    public int received() {
        return this.path.counters().received();
    }

    public int relayed() {
        return this.path.counters().relayed();
    }

    public int dropped() {
        return this.path.counters().dropped();
    }

    /** @return the LED setting applied (level and colour), for the simulator's front panel */
    public LedSetting ledSetting() {
        return this.ledControl.setting();
    }

    /** @return console lines skipped because messages came faster than the console prints them */
    public int skippedConsoleLines() {
        return this.console.skippedLines();
    }

    /** @return how many times the loop has run; an idle, connected board runs it about ten times a second */
    long loopIterations() {
        return this.loop.iterations();
    }

    public WifiState wifiState() {
        return this.wifi.state();
    }

    public MqttState mqttState() {
        return this.mqtt.state();
    }

    /** @return the state of the board's clock (SNTP) */
    public TimeState timeState() {
        return this.time.state();
    }

    /** @return whether the board's clock has been set since it started */
    public boolean clockSet() {
        return this.time.isSet();
    }

    private static void joinQuietly(Thread thread, long timeoutMs) {
        ThreadEnd.await(thread, timeoutMs);
    }
}
