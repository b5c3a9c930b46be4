package com.relayboard.firmware.net;

/**
 * Keeps the board connected to the broker: connects once Wi-Fi is up, resubscribes on every connect,
 * announces the board with a retained {@code online} (the Last Will says {@code offline}) and a
 * retained detail line (reconnects, last disconnect), and reconnects with exponential backoff, capped
 * and jittered, after any failure. Runs on the loop thread only; see {@link MqttState} for the
 * transitions.
 *
 * <p>Two failures get special care, because the client library alone handles them badly:
 * <ul>
 * <li><b>Dead links.</b> A link that stops carrying packets without closing (a router that lost its
 * NAT entry, a Wi-Fi link that is up but goes nowhere) is noticed by the board itself, within one
 * keepalive period: once nothing has been heard from the broker for half a keepalive, the board
 * publishes a probe (QoS 0) to a topic it subscribes to; if still nothing has been heard after a full
 * keepalive, the link is dead, and the board gives it up and reconnects. MicroPaho's keepalive alone
 * may take two periods, and exposes no ping result.</li>
 * <li><b>Client id takeover.</b> A broker closes the older of two connections with one client id.
 * Two boards with the same id would kick each other off after every reconnect. When the broker closes
 * {@link #TAKEOVER_LOSSES} connections in a row soon after they opened, the board says that another
 * client probably uses its id and waits {@link Backoff#penaltyDelayMs() twice the backoff cap} before
 * each attempt, until a connection lasts.</li>
 * </ul>
 */
public final class MqttLink {

    public static final long RETRY_INITIAL_MS = 1000;
    /** Default cap of the reconnect backoff ({@code relayboard.mqtt.retryMaxS} sets another). */
    public static final long RETRY_MAX_MS = 30000;
    /** Retained on the status topic while the board is connected. */
    public static final String ONLINE = "online";
    /** The Last Will: what the broker publishes on the status topic when the board vanishes. */
    public static final String OFFLINE = "offline";
    /** Appended to the status topic for the retained detail line. */
    public static final String DETAIL_SUFFIX = "/detail";
    /** Connections closed by the broker soon after they opened, in a row, before a takeover is suspected. */
    public static final int TAKEOVER_LOSSES = 3;
    /** "Soon after it opened" is within this many backoff caps: longer than a penalty delay. */
    public static final int TAKEOVER_WINDOW_CAPS = 3;
    /** What a probe carries: the board only needs it to come back. */
    static final byte[] PROBE_PAYLOAD = { 'p', 'r', 'o', 'b', 'e' };
    /**
     * Longest a connect attempt (connects, subscribes and status lines) may go without hearing from the broker:
     * each connect has its own timeout ({@link PahoBrokerSession#CONNECT_TIMEOUT_S}, four of them), a subscribe
     * has none. A persistent session's backlog, delivered before the SUBACKs, counts as heard.
     */
    public static final long ATTEMPT_TIMEOUT_MS = 60000;
    /** How often the loop looks at a connect attempt in progress. */
    static final long ATTEMPT_POLL_MS = 50;
    /** Status messages are QoS 1: availability must not be lost. */
    private static final int STATUS_QOS = 1;

    private final BrokerSession session;
    private final String brokerUri;
    private final String clientId;
    /** The relay's sources: replaced whole by the loop when a new rule table is in force, read by the worker. */
    private volatile String[] filters;
    private final int qos;
    private final String statusTopic;
    private final String probeTopic;
    private final long keepAliveMs;
    private final Backoff backoff;
    /** The publisher above: open while a connection is up. */
    private final PublishGate outbox;
    private final LifecycleListener listener;
    private final JobRunner worker;
    /** The connect attempt on the worker, or {@code null}. */
    private ConnectAttempt attempt;
    /** The probe handed to the worker and not yet looked at, or {@code null}. */
    private Probe probe;

    // Volatile: the board's status line reads these from other threads.
    private volatile MqttState state = MqttState.WAITING_FOR_NETWORK;
    private long nextActionMs;
    private volatile int connections;
    private volatile String lastDisconnectReason;
    /** When the current connection was made (the step that connected). */
    private long connectedAtMs;
    /** False until the first step after a connect: the silence is measured from there. */
    private boolean livenessStarted;
    /** Last time anything came from the broker on the current connection. */
    private long lastHeardMs;
    private boolean probeSent;
    /** The time of the last step: an attempt in progress is polled from there. */
    private long clockMs;
    /** Connections in a row that the broker closed soon after they opened. */
    private int closedSoonInARow;
    /**
     * Subscribed first on every connect, at QoS 1, in this order: the board's retained commands (the LED command, the
     * telemetry request). Each comes with its retained message before the relay's sources are subscribed, but after
     * what a persistent session kept; the settings that decide what those kept messages become (the rule table) are
     * the session's to take before it receives anything ({@link SessionSettings#takingFirst}).
     */
    private String[] controlTopics = new String[0];
    /** Why subscribing to a new table's sources failed, or {@code null}: written by the worker, acted on by the loop. */
    private volatile String sourcesFailure;

    /**
     * @param filters
     *            the topic filters to subscribe to on every connect (the relay rules' sources)
     * @param probeTopic
     *            a topic only this board uses: it subscribes to it and publishes its probes there
     * @param keepAliveS
     *            the MQTT keepalive; the board notices a dead link within this long; 0: never probe
     */
    public MqttLink(BrokerSession session, String brokerUri, String clientId, String[] filters, int qos,
            String statusTopic, String probeTopic, int keepAliveS, Backoff backoff, PublishGate outbox,
            LifecycleListener listener, JobRunner worker) {
        this.worker = worker;
        this.session = session;
        this.brokerUri = brokerUri;
        this.clientId = clientId;
        this.filters = filters.clone();
        this.qos = qos;
        this.statusTopic = statusTopic;
        this.probeTopic = probeTopic;
        this.keepAliveMs = keepAliveS * 1000L;
        this.backoff = backoff;
        this.outbox = outbox;
        this.listener = listener;
    }

    /**
     * Subscribes to {@code topic} at QoS 1 on every connect, before the relay's sources, so that a retained command
     * there reaches the board before the connection is announced. Call before the first step.
     */
    public void subscribeFirst(String topic) {
        if (topic == null) {
            return;
        }
        String[] topics = new String[this.controlTopics.length + 1];
        System.arraycopy(this.controlTopics, 0, topics, 0, this.controlTopics.length);
        topics[this.controlTopics.length] = topic;
        this.controlTopics = topics;
    }

    /**
     * On the loop, when a new rule table is in force: its sources are subscribed on every connect from now on, and
     * those not yet subscribed are subscribed now, on the worker. A source that left stays subscribed until the
     * session ends (MicroPaho's {@code unsubscribe} is not established): the path shows what still comes there
     * and relays none of it. A failed subscribe ends the connection, as one at connect does.
     */
    public void useFilters(String[] newFilters) {
        String[] before = this.filters;
        this.filters = newFilters.clone();
        if (this.state == MqttState.CONNECTED) {
            subscribeMissing(before);
        }
    }

    /** On the loop: subscribes, on the worker, the sources in force that {@code subscribed} lacks. */
    private void subscribeMissing(final String[] subscribed) {
        final String[] before = subscribed;
        final String[] after = this.filters;
        final int connection = this.connections;
        Runnable subscribe = new Runnable() {
            @Override
            public void run() {
                for (int i = after.length - 1; i >= 0; i--) {
                    if (indexOf(before, after[i]) >= 0) {
                        continue;
                    }
                    try {
                        MqttLink.this.session.subscribe(after[i], MqttLink.this.qos);
                    } catch (BrokerException e) {
                        if (connection == MqttLink.this.connections) {
                            MqttLink.this.sourcesFailure = e.getMessage();
                        }
                        return;
                    }
                }
            }
        };
        if (!this.worker.submit(subscribe)) {
            this.sourcesFailure = "the network worker is busy";
        }
    }

    private static int indexOf(String[] array, String value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    public MqttState state() {
        return this.state;
    }

    public boolean isConnected() {
        return this.state == MqttState.CONNECTED;
    }

    /** @return successful connections since the start; every one after the first is a reconnect */
    public int connections() {
        return this.connections;
    }

    /** @return successful connections after the first */
    public int reconnects() {
        return Math.max(0, this.connections - 1);
    }

    /** @return why the last connection ended, or {@code null} before one did */
    public String lastDisconnectReason() {
        return this.lastDisconnectReason;
    }

    /** @return the topic of the board's probes: messages on it are the board's own, not to relay */
    public String probeTopic() {
        return this.probeTopic;
    }

    /** @return where the retained detail line goes: the status topic plus {@link #DETAIL_SUFFIX} */
    public String detailTopic() {
        return this.statusTopic + DETAIL_SUFFIX;
    }

    /** @return {@code reconnects 2; last disconnect: <reason>}, as retained on the detail topic */
    public String detail() {
        return detailLine(reconnects());
    }

    private String detailLine(int reconnects) {
        return "reconnects " + reconnects + "; last disconnect: "
                + (this.lastDisconnectReason == null ? "none" : this.lastDisconnectReason);
    }

    /**
     * @return when the next step has something to do, in clock milliseconds; {@link Long#MAX_VALUE}
     *         while only an event (Wi-Fi up or down, a lost connection) can move the link on, so that
     *         the loop sleeps instead of spinning
     */
    public long nextActionMs() {
        switch (this.state) {
        case CONNECTING:
            return this.attempt == null ? this.nextActionMs : this.clockMs + ATTEMPT_POLL_MS;
        case BACKOFF:
            return this.nextActionMs;
        case CONNECTED:
            if (this.keepAliveMs <= 0) {
                return Long.MAX_VALUE;
            }
            if (!this.livenessStarted) {
                return this.connectedAtMs;
            }
            return this.lastHeardMs + (this.probeSent ? this.keepAliveMs : this.keepAliveMs / 2);
        default:
            return Long.MAX_VALUE;
        }
    }

    /**
     * Advances the lifecycle by at most one transition. Never blocks: a connect attempt runs on the worker, and
     * the steps while CONNECTING poll it.
     *
     * @param networkUp
     *            whether Wi-Fi is connected
     */
    public void step(long nowMs, boolean networkUp) {
        this.clockMs = nowMs;
        if (!networkUp) {
            if (this.state != MqttState.WAITING_FOR_NETWORK) {
                goOffline("Wi-Fi is down");
                // The station's sockets are gone: a polite disconnect could only wait for answers.
                giveUp();
                this.closedSoonInARow = 0;
                this.state = MqttState.WAITING_FOR_NETWORK;
                this.listener.mqttChanged(MqttState.WAITING_FOR_NETWORK, "Wi-Fi is down");
            }
            return;
        }
        switch (this.state) {
        case WAITING_FOR_NETWORK:
            enterConnecting(nowMs);
            break;
        case CONNECTING:
            connect(nowMs);
            break;
        case BACKOFF:
            if (nowMs >= this.nextActionMs) {
                enterConnecting(nowMs);
            }
            break;
        case CONNECTED:
            String failure = this.sourcesFailure;
            if (failure != null) {
                this.sourcesFailure = null;
                // Reconnected, the board subscribes to every source of the table in force, or says why it cannot.
                giveUp();
                linkEnded("subscribing to the new rules' sources failed: " + failure, "", false, nowMs);
                break;
            }
            checkLiveness(nowMs);
            break;
        default:
            break;
        }
    }

    /**
     * Something came from the broker on the current connection (a message, an acknowledgement): the
     * link is alive.
     */
    public void heard(long nowMs) {
        if (this.state == MqttState.CONNECTED && nowMs > this.lastHeardMs) {
            this.lastHeardMs = nowMs;
            this.probeSent = false;
        }
        ConnectAttempt inProgress = this.attempt;
        if (this.state == MqttState.CONNECTING && inProgress != null && nowMs > inProgress.lastHeardMs) {
            // A persistent session's backlog comes before the SUBACKs: an attempt that delivers it is not stuck.
            inProgress.lastHeardMs = nowMs;
        }
    }

    /**
     * Before a clean disconnect, which makes the broker discard the Last Will: publishes the retained
     * {@code offline} itself, so that {@code online} does not outlive the board. Does nothing while not
     * connected. Call once the loop has stopped.
     */
    public void announceOffline() throws BrokerException {
        if (this.state != MqttState.CONNECTED) {
            return;
        }
        publishStatus(this.statusTopic, OFFLINE);
    }

    /** Publishes a retained status line at QoS 1, trying again while the client says it is busy. */
    private void publishStatus(String topic, String text) throws BrokerException {
        RetainedPublish.publish(this.session, topic, text.getBytes());
    }

    /**
     * The client reported the connection lost (recorded by its callback, acted on here).
     *
     * @param closedByBroker
     *            the broker closed it in an orderly way, as it does to the older of two connections with
     *            the same client id
     */
    public void connectionLost(String reason, boolean closedByBroker, long nowMs) {
        if (this.state != MqttState.CONNECTED) {
            return;
        }
        linkEnded(reason, "connection lost: ", closedByBroker, nowMs);
    }

    private void checkLiveness(long nowMs) {
        if (!this.livenessStarted) {
            // The silence counts from the first step after the one that saw the attempt done, should the loop
            // have been held up in between.
            this.livenessStarted = true;
            this.lastHeardMs = nowMs;
            this.probeSent = false;
            return;
        }
        if (this.keepAliveMs <= 0) {
            return;
        }
        long silentMs = nowMs - this.lastHeardMs;
        if (silentMs >= this.keepAliveMs) {
            giveUp();
            linkEnded("no answer from the broker for " + Durations.seconds(silentMs) + " (keepalive "
                    + Durations.seconds(this.keepAliveMs) + "): the link is dead", "", false, nowMs);
        } else if (!this.probeSent && silentMs >= this.keepAliveMs / 2) {
            this.probeSent = true;
            Probe probe = new Probe(this.connections);
            if (this.worker.submit(probe)) {
                this.probe = probe;
            }
        }
        checkProbe(nowMs);
    }

    /** Acts on the probe's failure, once the worker has published it (or failed to). */
    private void checkProbe(long nowMs) {
        Probe sent = this.probe;
        if (sent == null || !sent.isDone()) {
            return;
        }
        this.probe = null;
        String failure = sent.failure();
        if (failure != null && sent.connection == this.connections && this.state == MqttState.CONNECTED) {
            giveUp();
            linkEnded("probing the link failed: " + failure, "", false, nowMs);
        }
    }

    /**
     * The probe's publish, on the worker: QoS 0, but a write to a socket whose link is gone may still wait for
     * room in the send buffer, and the loop waits for nothing. A busy client is no failure: publishes are in
     * progress, and the broker's acknowledgements will be heard.
     */
    private final class Probe implements Runnable {

        /** The connection it probes: its failure says nothing about a later one. */
        final int connection;
        /** Written by the worker before {@link #done}, read by the loop after it: no lock needed. */
        private volatile String failure;
        private volatile boolean done;

        Probe(int connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            String failed = null;
            try {
                MqttLink.this.session.publish(MqttLink.this.probeTopic, PROBE_PAYLOAD, 0, false);
            } catch (BrokerException e) {
                failed = e.isBusy() ? null : e.getMessage();
            }
            this.failure = failed;
            this.done = true;
        }

        boolean isDone() {
            return this.done;
        }

        String failure() {
            return this.failure;
        }
    }

    /**
     * Starts the broker side from scratch, as after a Wi-Fi loss: the current clients are given up (new ones
     * connect), the backoff starts from its first delay, and the link waits for Wi-Fi to be up.
     */
    public void restart(String reason) {
        goOffline(reason);
        giveUp();
        this.backoff.reset();
        this.closedSoonInARow = 0;
        this.state = MqttState.WAITING_FOR_NETWORK;
        this.listener.mqttChanged(MqttState.WAITING_FOR_NETWORK, reason);
    }

    /**
     * Drops a dead connection without waiting for it, and the publish that may be stuck on it; a connect attempt
     * in progress is given up too, and its outcome ignored.
     */
    private void giveUp() {
        ConnectAttempt inProgress = this.attempt;
        if (inProgress != null) {
            inProgress.cancel();
            this.attempt = null;
        }
        // After the cancel: the attempt may have set the outbox online before it was given up.
        this.outbox.close();
        this.session.abandon();
        this.outbox.abandonInFlight();
        if (inProgress != null) {
            // A call of the attempt that waits without a timeout would otherwise hold the worker, and so every
            // later attempt, for ever (NetworkWorker.interruptIfRunning).
            this.worker.interruptIfRunning(inProgress);
        }
    }

    /** @param how what the state line puts before the reason */
    private void linkEnded(String reason, String how, boolean closedByBroker, long nowMs) {
        goOffline(reason);
        long windowMs = TAKEOVER_WINDOW_CAPS * this.backoff.maxMs();
        boolean closedSoon = closedByBroker && nowMs - this.connectedAtMs < windowMs;
        this.closedSoonInARow = closedSoon ? this.closedSoonInARow + 1 : 0;
        if (this.closedSoonInARow >= TAKEOVER_LOSSES) {
            // The suspicion first: it is what the user must act on, and the LCD's notice line shows the start.
            enterBackoff(nowMs, "another client uses this client id (" + this.clientId + ")? The broker closed the last "
                    + this.closedSoonInARow + " connections soon after they opened (" + reason + ")",
                    this.backoff.penaltyDelayMs());
        } else {
            enterBackoff(nowMs, how + reason, this.backoff.nextDelayMs());
        }
    }

    private void enterConnecting(long nowMs) {
        this.state = MqttState.CONNECTING;
        this.nextActionMs = nowMs;
        this.listener.mqttChanged(MqttState.CONNECTING, this.brokerUri);
    }

    /**
     * Hands a connect attempt to the worker, or finishes the one in progress once the worker is done with it.
     * The loop only polls: it stays live however long the broker takes to answer.
     */
    private void connect(long nowMs) {
        if (this.attempt == null) {
            ConnectAttempt next = new ConnectAttempt(this.connections, nowMs);
            if (!this.worker.submit(next)) {
                enterBackoff(nowMs, "the network worker is busy", this.backoff.nextDelayMs());
                return;
            }
            this.attempt = next;
        }
        ConnectAttempt current = this.attempt;
        if (current.isDone()) {
            this.attempt = null;
            finish(current, nowMs);
        } else if (nowMs - current.lastHeardMs >= ATTEMPT_TIMEOUT_MS) {
            // A broker that takes the connection and then never answers a subscribe: Paho's subscribe has no
            // timeout of its own.
            giveUp();
            enterBackoff(nowMs, "no answer from the broker for " + Durations.seconds(ATTEMPT_TIMEOUT_MS)
                    + " while connecting", this.backoff.nextDelayMs());
        }
    }

    private void finish(ConnectAttempt done, long nowMs) {
        if (done.failure != null) {
            // A failed attempt is on the state line; the last disconnect stays why the last connection ended.
            // Given up, not politely disconnected: a connection that failed a subscribe may be dying, and a
            // disconnect would wait on it for acknowledgements.
            giveUp();
            enterBackoff(nowMs, done.failure, this.backoff.nextDelayMs());
            return;
        }
        this.backoff.reset();
        this.connections++;
        this.connectedAtMs = nowMs;
        this.livenessStarted = false;
        this.state = MqttState.CONNECTED;
        this.sourcesFailure = null;
        StringBuilder detail = new StringBuilder(this.brokerUri).append(", subscribed to");
        for (int i = 0; i < done.filters.length; i++) {
            detail.append(i == 0 ? " " : ", ").append(done.filters[i]);
        }
        if (done.sessionNotice != null) {
            detail.append("; ").append(done.sessionNotice);
        }
        if (done.controlRefusal != null) {
            detail.append("; not subscribed to ").append(done.controlRefusal);
        }
        if (this.connections > 1) {
            detail.append(" (reconnect ").append(this.connections - 1).append("), last disconnect: ")
                    .append(this.lastDisconnectReason);
        }
        this.listener.mqttChanged(MqttState.CONNECTED, detail.toString());
        if (done.filters != this.filters) {
            // A table came while the attempt subscribed the sources of the one before.
            subscribeMissing(done.filters);
        }
    }

    /**
     * One connect attempt, run on the worker: the connections, the subscriptions and the retained status lines,
     * all blocking. It touches nothing of the link's own state; the loop reads its outcome once it is done. Given
     * up ({@link #cancel()}), it leaves the outbox alone.
     */
    private final class ConnectAttempt implements Runnable {

        /** When the attempt started, or the broker was last heard during it: the loop reads and writes it. */
        long lastHeardMs;
        /** Connections before this one: the detail line says how many reconnects this one makes. */
        private final int connectionsBefore;
        /**
         * Set by the worker after the outcome below, read by the loop before it reads that outcome: volatile, no
         * lock (as {@link Probe}).
         */
        private volatile boolean done;
        /**
         * Set by the loop ({@link #cancel()}). This object's monitor guards it against {@link #goOnline()}: a
         * check-then-act across the worker and the loop, so that an attempt given up never opens the outbox after
         * the loop closed it. Volatile for the one read without the lock, at the start of {@link #run()}.
         */
        private volatile boolean cancelled;
        String failure;
        /** The control topics the broker refused, each with why, or {@code null}. */
        String controlRefusal;
        /** What the session's connect could not do without failing (settings refused or unconfirmed), or null. */
        String sessionNotice;
        /** The sources it subscribed to. */
        String[] filters = new String[0];

        ConnectAttempt(int connectionsBefore, long startedMs) {
            this.connectionsBefore = connectionsBefore;
            this.lastHeardMs = startedMs;
        }

        @Override
        public void run() {
            if (this.cancelled) {
                // Given up while it waited for the worker: connecting now would only make clients to give up.
                this.failure = "connect attempt given up";
                this.done = true;
                return;
            }
            String failed = null;
            String refused = null;
            String notice = null;
            try {
                // The rule table is taken in there, before any receiving connection connects (SessionSettings).
                notice = MqttLink.this.session.connect();
                // Publishing first: with a persistent session the broker delivers what it kept as soon as the
                // receiving connection is up, and those messages wait for their relayed copies. Were the outbox
                // still offline, they would fill the client's queue, and the SUBACKs behind them would never be read.
                goOnline();
                String[] controls = MqttLink.this.controlTopics;
                for (int i = 0; i < controls.length; i++) {
                    try {
                        MqttLink.this.session.subscribe(controls[i], STATUS_QOS);
                    } catch (BrokerException e) {
                        // A broker whose ACL denies the LED topic must not stop the relay: said on the state line. A
                        // lost connection fails the next subscribe too.
                        refused = (refused == null ? "" : refused + "; ") + controls[i] + ": " + e.getMessage();
                    }
                }
                // Last rule first: relaying starts as soon as a source is subscribed (a retained message comes at
                // once), and a chain's copies must find the next rule's source already subscribed, or the broker
                // has no one to route them to. The sources of the table in force: a retained table that the session
                // took just now is among them only if the loop has taken it (else the loop subscribes its new
                // sources once it does; a persistent session kept them anyway).
                String[] sources = MqttLink.this.filters;
                for (int i = sources.length - 1; i >= 0; i--) {
                    MqttLink.this.session.subscribe(sources[i], MqttLink.this.qos);
                }
                this.filters = sources;
                if (MqttLink.this.keepAliveMs > 0) {
                    // QoS 0: a probe that the dead link swallowed must not come back after the reconnect.
                    MqttLink.this.session.subscribe(MqttLink.this.probeTopic, 0);
                }
                publishStatus(MqttLink.this.statusTopic, ONLINE);
                publishStatus(detailTopic(), detailLine(this.connectionsBefore));
            } catch (BrokerException e) {
                failed = e.getMessage();
            } catch (RuntimeException e) {
                // A bug must not leave the loop waiting on an attempt that never ends.
                failed = "connect failed: " + e;
            }
            this.failure = failed;
            this.controlRefusal = refused;
            this.sessionNotice = notice;
            // Last: the loop reads the fields above once it sees done.
            this.done = true;
        }

        /** Sets the outbox online, unless the loop gave this attempt up meanwhile. */
        private synchronized void goOnline() {
            if (!this.cancelled) {
                MqttLink.this.outbox.open();
            }
        }

        boolean isDone() {
            return this.done;
        }

        synchronized void cancel() {
            this.cancelled = true;
        }
    }

    private void goOffline(String reason) {
        this.outbox.close();
        if (this.state == MqttState.CONNECTED) {
            this.lastDisconnectReason = reason;
        }
    }

    private void enterBackoff(long nowMs, String reason, long delayMs) {
        this.state = MqttState.BACKOFF;
        this.nextActionMs = nowMs + delayMs;
        this.listener.mqttChanged(MqttState.BACKOFF, reason + "; retry in " + Durations.seconds(delayMs));
    }
}
