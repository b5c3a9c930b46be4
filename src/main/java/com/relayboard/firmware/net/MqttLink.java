package com.relayboard.firmware.net;

/**
 * Keeps the board connected to the broker: connects once Wi-Fi is up, resubscribes on every connect,
 * announces the board with a retained {@code online} (the Last Will says {@code offline}), and
 * reconnects with exponential backoff, capped and jittered, after any failure. Runs on the loop
 * thread only; see {@link MqttState} for the transitions.
 */
public final class MqttLink {

    public static final long RETRY_INITIAL_MS = 1000;
    public static final long RETRY_MAX_MS = 30000;
    /** Retained on the status topic while the board is connected. */
    public static final String ONLINE = "online";
    /** The Last Will: what the broker publishes on the status topic when the board vanishes. */
    public static final String OFFLINE = "offline";
    /** Status messages are QoS 1: availability must not be lost. */
    private static final int STATUS_QOS = 1;

    private final BrokerSession session;
    private final String brokerUri;
    private final String[] filters;
    private final int qos;
    private final String statusTopic;
    private final Backoff backoff;
    private final Outbox outbox;
    private final LifecycleListener listener;

    private MqttState state = MqttState.WAITING_FOR_NETWORK;
    private long nextActionMs;
    private int connections;
    private String lastDisconnectReason;

    /**
     * @param filters
     *            the topic filters to subscribe to on every connect (the relay rules' sources)
     */
    public MqttLink(BrokerSession session, String brokerUri, String[] filters, int qos, String statusTopic,
            Backoff backoff, Outbox outbox, LifecycleListener listener) {
        this.session = session;
        this.brokerUri = brokerUri;
        this.filters = filters.clone();
        this.qos = qos;
        this.statusTopic = statusTopic;
        this.backoff = backoff;
        this.outbox = outbox;
        this.listener = listener;
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

    /** @return why the last connection ended or the last attempt failed, or {@code null} */
    public String lastDisconnectReason() {
        return this.lastDisconnectReason;
    }

    /**
     * @return when the next step has something to do, in clock milliseconds; {@link Long#MAX_VALUE}
     *         while only an event (Wi-Fi up or down, a lost connection) can move the link on, so that
     *         the loop sleeps instead of spinning
     */
    public long nextActionMs() {
        switch (this.state) {
        case CONNECTING:
        case BACKOFF:
            return this.nextActionMs;
        default:
            return Long.MAX_VALUE;
        }
    }

    /**
     * Advances the lifecycle by at most one transition. May block in connect and subscribe, up to the
     * connect timeout.
     *
     * @param networkUp
     *            whether Wi-Fi is connected
     */
    public void step(long nowMs, boolean networkUp) {
        if (!networkUp) {
            if (this.state != MqttState.WAITING_FOR_NETWORK) {
                goOffline("Wi-Fi is down");
                this.session.disconnect();
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
        default:
            break;
        }
    }

    /**
     * Before a clean disconnect, which makes the broker discard the Last Will: publishes the retained
     * {@code offline} itself, so that {@code online} does not outlive the board. Does nothing while not
     * connected. Call once the loop has stopped.
     */
    public void announceOffline() throws BrokerException {
        if (this.state == MqttState.CONNECTED) {
            this.session.publish(this.statusTopic, OFFLINE.getBytes(), STATUS_QOS, true);
        }
    }

    /** The client reported the connection lost (recorded by its callback, acted on here). */
    public void connectionLost(String reason, long nowMs) {
        if (this.state != MqttState.CONNECTED) {
            return;
        }
        goOffline(reason);
        enterBackoff(nowMs, "connection lost: " + reason, this.backoff.nextDelayMs());
    }

    private void enterConnecting(long nowMs) {
        this.state = MqttState.CONNECTING;
        this.nextActionMs = nowMs;
        this.listener.mqttChanged(MqttState.CONNECTING, this.brokerUri);
    }

    private void connect(long nowMs) {
        try {
            this.session.connect();
            for (String filter : this.filters) {
                this.session.subscribe(filter, this.qos);
            }
            this.session.publish(this.statusTopic, ONLINE.getBytes(), STATUS_QOS, true);
        } catch (BrokerException e) {
            this.session.disconnect();
            this.lastDisconnectReason = e.getMessage();
            enterBackoff(nowMs, e.getMessage(), this.backoff.nextDelayMs());
            return;
        }
        this.backoff.reset();
        this.connections++;
        this.state = MqttState.CONNECTED;
        this.outbox.setOnline(true);
        StringBuilder detail = new StringBuilder(this.brokerUri).append(", subscribed to");
        for (int i = 0; i < this.filters.length; i++) {
            detail.append(i == 0 ? " " : ", ").append(this.filters[i]);
        }
        if (this.connections > 1) {
            detail.append(" (reconnect ").append(this.connections - 1).append(')');
        }
        this.listener.mqttChanged(MqttState.CONNECTED, detail.toString());
    }

    private void goOffline(String reason) {
        this.outbox.setOnline(false);
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
