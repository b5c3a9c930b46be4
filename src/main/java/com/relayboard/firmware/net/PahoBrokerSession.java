package com.relayboard.firmware.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import ej.bon.Util;

/**
 * The board's session with the broker on MicroPaho's synchronous client, reconnected by the board
 * (MicroPaho has no automatic reconnect). One session is up to {@link #RECEIVING_CONNECTIONS} lanes,
 * one per relay source (the sources beyond the last lane go to the first), and each lane is two
 * connections:
 * <ul>
 * <li>a <b>receiving</b> connection, with its sources' subscriptions and its own persistent session
 * (when configured): the first lane's under the board's client id, with the Last Will and the probe
 * topic; the second's under the client id plus {@code -2};</li>
 * <li>a <b>publishing</b> connection, under the receiving one's id plus {@link #PUBLISHING_ID_SUFFIX},
 * clean, which carries the relayed copies of its lane's messages (and, for the first lane, everything
 * else the board publishes).</li>
 * </ul>
 * A receiving connection delivers its messages one at a time, each waiting for its relayed copy, so
 * two lanes relay the default chain's two hops side by side. Each lane publishes on its own socket
 * because two publishes in flight on one socket make the broker's Nagle algorithm hold the second
 * acknowledgement until the first one's TCP acknowledgement comes (up to 40 ms): measured, one shared
 * publishing connection gave two lanes no more than one.
 * The split is what lets the board acknowledge a message only once its relayed copy is safe: the
 * receiving connection's delivery thread waits (on the message's {@link DeliveryReceipt}) while the
 * copy is published and acknowledged on the other connection. On one connection that wait would
 * deadlock: Paho reads the acknowledgement of the board's own publish on the same socket, behind the
 * messages the waiting thread has not taken, and completes it on that very thread. While the
 * delivery thread waits, the client reads no further, and the broker holds what it has for the board.
 * It also keeps the board's two small writes in a row (a PUBACK, then the relayed PUBLISH) off one
 * socket, where the broker's Nagle algorithm would hold the second until the first is acknowledged.
 *
 * <p>Each connect uses new clients, as MicroEJ's examples do: a client whose link died can then be
 * given up ({@link #abandon()}) and closed on the network worker, never on the loop, and what the old clients still
 * report is ignored. The next connect runs on the same worker after that closing, and closes any client still
 * current itself before it asks for sockets: the board never holds two sets of sockets (lwIP leaves the application
 * 9 on the ESP32 ports). Plain sockets are closed by the board at once; a TLS client, whose socket the board does not
 * hold, is disconnected politely, and on a dead link the reconnect waits for that.
 */
public final class PahoBrokerSession implements BrokerSession {

    /** Longest a connect may take, in seconds. */
    public static final int CONNECT_TIMEOUT_S = 10;
    /** Appended to the client id for the publishing connection (a broker needs distinct ids). */
    public static final String PUBLISHING_ID_SUFFIX = "-pub";
    /** Lanes (receiving connections) at most: one per relay source, the sources beyond on the first. */
    public static final int RECEIVING_CONNECTIONS = 2;
    /**
     * How often a delivery thread that waits for its message's receipt checks that its connection is
     * still there: a message delivered by a connection that is gone is given back, not held.
     */
    static final long RECEIPT_POLL_MS = 200;
    /** How long a client given up may take to notice that the board closed its socket. */
    static final long SOCKET_CLOSED_GRACE_MS = 1000;
    private static final long RETIRE_POLL_MS = 20;

    private final BrokerListener listener;
    private final String brokerUri;
    /** The clients of the current or last connection; {@code null} before the first and after abandon. */
    private volatile MqttClient[] receiving = new MqttClient[0];
    /** The lanes' publishing connections, as many as {@link #receiving}. */
    private volatile MqttClient[] publishing = new MqttClient[0];
    /**
     * Each lane's delivery thread, as last seen in {@code messageArrived}: a publish from that thread
     * (a relayed copy sent directly) goes out on its own lane's publishing connection.
     */
    private volatile Thread[] delivering = new Thread[0];
    private final MqttConnectOptions receivingOptions;
    private final MqttConnectOptions otherReceivingOptions;
    private final MqttConnectOptions publishingOptions;
    private final String brokerHost;
    private final int brokerPort;
    private final String clientId;
    /**
     * The relay sources as subscribed ({@code $share/<group>/<source>} with a relay group): the i-th goes to
     * receiving connection i, those beyond the last to the first.
     */
    private final String[] sources;
    /** The relay group the sources are shared in, or {@code null}. */
    private final String relayGroup;
    private final boolean withCredentials;
    /** The QoS the board subscribes with. */
    private final int qos;
    /** Why TLS could not be set up (the CA certificate), or {@code null}: every connect then says so. */
    private String tlsSetupError;
    /** Where blocking work goes: the closing of clients given up. */
    private final JobRunner worker;
    /** The plain sockets by connect attempt, or {@code null} for TLS: closed by the board when it gives up. */
    private final AbandonableSockets plainSockets;
    /** Guards {@link #attempt}, {@link #abandonedUpTo} and the switch to an attempt's clients. */
    private final Object attempts = new Object();
    /** The number of the latest connect attempt. */
    private int attempt;
    /** Connect attempts up to this one were given up: their clients must not become the current ones. */
    private int abandonedUpTo;

    /**
     * @param sources
     *            the relay's source filters as subscribed, in rule order ({@code $share/<group>/<source>} with a
     *            relay group): the i-th gets lane i
     * @param worker
     *            where the clients given up are closed, off the caller's thread
     */
    public PahoBrokerSession(SessionSettings config, String[] sources, final BrokerListener listener,
            JobRunner worker) {
        this.worker = worker;
        this.brokerHost = config.brokerHost();
        this.brokerPort = config.brokerPort();
        this.clientId = config.clientId();
        this.sources = sources.clone();
        this.relayGroup = config.relayGroup();
        this.withCredentials = config.username() != null;
        this.qos = config.qos();
        this.brokerUri = config.brokerUri();
        this.listener = listener;
        SSLSocketFactory tls = null;
        // Each MQTT packet goes out at once, not behind the broker's delayed TCP acknowledgement.
        this.plainSockets = config.tls() ? null
                : new AbandonableSockets(new NoDelaySocketFactory(SocketFactory.getDefault()));
        if (config.tls()) {
            // The connect timeout stays: MicroEJ's example sets 0 against slow handshakes, but a board
            // must not wait forever on a broker that never answers (docs/api-evidence.md).
            try {
                tls = TlsSockets.trusting(config.caCert());
            } catch (IOException e) {
                this.tlsSetupError = "TLS not set up: " + e.getMessage();
            }
        }
        this.receivingOptions = options(config, tls, this.plainSockets, config.cleanSession());
        MicroPahoCalls.setWill(this.receivingOptions, config.statusTopic(), MqttLink.OFFLINE.getBytes(), 1, true);
        // The other receiving connections: no Last Will (the first one's says the board is gone).
        this.otherReceivingOptions = options(config, tls, this.plainSockets, config.cleanSession());
        // Clean: what the publishing connection has in flight when it drops is published again by the
        // board itself (the outbox keeps it), so the broker needs to keep nothing for it.
        this.publishingOptions = options(config, tls, this.plainSockets, true);
    }

    /**
     * @param tls the TLS sockets of an {@code ssl://} broker, or {@code null} for {@code tcp://}
     * @param plain the plain sockets of a {@code tcp://} broker, or {@code null}
     */
    private static MqttConnectOptions options(SessionSettings config, SSLSocketFactory tls, SocketFactory plain,
            boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        MicroPahoCalls.setKeepAliveInterval(options, config.keepAliveS());
        options.setConnectionTimeout(CONNECT_TIMEOUT_S);
        MicroPahoCalls.setCleanSession(options, cleanSession);
        if (config.username() != null) {
            MicroPahoCalls.setCredentials(options, config.username(), config.password());
        }
        if (tls != null) {
            MicroPahoCalls.useTlsSockets(options, tls);
        } else if (plain != null) {
            MicroPahoCalls.usePlainSockets(options, plain);
        }
        return options;
    }

    /** Connects the publishing connection first: the receiving one may start delivering at once. */
    @Override
    public void connect() throws BrokerException {
        if (this.tlsSetupError != null) {
            // Refused, not retried blindly as unencrypted: the board keeps reporting what to fix.
            throw new BrokerException(this.tlsSetupError, true);
        }
        // Clients still current (a connection lost leaves its siblings connected) are closed here, on the worker,
        // before any new socket is asked for: the clients given up earlier were closed by jobs queued before this
        // one. So the board never holds two generations of sockets at once: at most 2 per lane (4) of the 9 that
        // lwIP leaves the application on the ESP32 ports (docs/api-evidence.md, "Sockets").
        retireNow();
        int lanes = Math.max(1, Math.min(RECEIVING_CONNECTIONS, this.sources.length));
        MqttClient[] in = new MqttClient[lanes];
        MqttClient[] out = new MqttClient[lanes];
        for (int i = 0; i < lanes; i++) {
            String id = i == 0 ? this.clientId : this.clientId + "-" + (i + 1);
            out[i] = new MqttClient(this.brokerUri, id + PUBLISHING_ID_SUFFIX);
            out[i].setCallback(new PublishingCallback(out[i]));
            in[i] = new MqttClient(this.brokerUri, id);
            in[i].setCallback(new ReceivingCallback(in[i], i));
        }
        int thisAttempt;
        synchronized (this.attempts) {
            thisAttempt = ++this.attempt;
            this.delivering = new Thread[lanes];
            this.publishing = out;
            this.receiving = in;
        }
        if (this.plainSockets != null) {
            this.plainSockets.startAttempt(thisAttempt);
        }
        for (int i = 0; i < lanes; i++) {
            // Given up meanwhile (Wi-Fi lost, the board stopping): its clients were retired already.
            checkNotAbandoned(thisAttempt);
            connect(out[i], this.publishingOptions);
            checkNotAbandoned(thisAttempt);
            connect(in[i], i == 0 ? this.receivingOptions : this.otherReceivingOptions);
        }
    }

    private void checkNotAbandoned(int thisAttempt) throws BrokerException {
        synchronized (this.attempts) {
            if (thisAttempt <= this.abandonedUpTo) {
                throw new BrokerException("connect attempt given up", false);
            }
        }
    }

    /**
     * The {@code catch (Exception e)} here and around subscribe and publish: whether MicroPaho's {@code throws}
     * clauses name {@code MqttException} is not known, and {@code catch (MqttException e)} would not compile
     * around a call that declares none. What is not the client's failure goes on as it came.
     */
    private void connect(MqttClient client, MqttConnectOptions options) throws BrokerException {
        try {
            client.connect(options);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            int reasonCode = MicroPahoCalls.reasonCode(e);
            if (reasonCode == MicroPahoCalls.CLIENT_CONNECTED) {
                return;
            }
            throw new BrokerException(describe(e), MicroPahoCalls.isRefusal(reasonCode));
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws BrokerException {
        MqttClient[] in = this.receiving;
        int index = 0;
        for (int i = 0; i < this.sources.length && i < in.length; i++) {
            if (this.sources[i].equals(filter)) {
                index = i;
            }
        }
        MqttClient current = current(in.length == 0 ? null : in[index], "subscribing to " + filter);
        try {
            MicroPahoCalls.subscribe(current, filter, qos);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // With a relay group every source is a shared subscription (the board's own topics never are).
            String group = isSource(filter) ? this.relayGroup : null;
            if (MicroPahoCalls.reasonCode(e) == MicroPahoCalls.SUBACK_FAILURE && group != null) {
                // Relaying the sources unshared instead would give each message to every board of the group.
                throw new BrokerException("Relay group \"" + group + "\": the broker refused the shared subscription "
                        + filter + " (SUBACK 0x80); this board relays nothing", true);
            }
            if (MicroPahoCalls.reasonCode(e) == MicroPahoCalls.SUBACK_FAILURE) {
                throw new BrokerException("broker refused the subscription to " + filter
                        + " (not authorized to read it)", true);
            }
            throw new BrokerException("subscribing to " + filter + " failed: " + describe(e), false);
        }
    }

    private boolean isSource(String filter) {
        for (String source : this.sources) {
            if (source.equals(filter)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        MqttClient[] out = this.publishing;
        int lane = 0;
        Thread[] threads = this.delivering;
        for (int i = 1; i < threads.length && i < out.length; i++) {
            if (threads[i] == Thread.currentThread()) {
                lane = i;
            }
        }
        MqttClient current = current(out.length == 0 ? null : out[lane], "publishing to " + topic);
        try {
            MicroPahoCalls.publish(current, topic, payload, qos, retained);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (MicroPahoCalls.reasonCode(e) == MicroPahoCalls.MAX_INFLIGHT) {
                throw BrokerException.busy("publishing to " + topic + ": the client's window of publishes is full");
            }
            throw new BrokerException("publishing to " + topic + " failed: " + describe(e), false);
        }
    }

    @Override
    public void disconnect() {
        // The receiving connections first: the board stops taking messages before it stops publishing.
        for (MqttClient in : this.receiving) {
            disconnectQuietly(in);
        }
        for (MqttClient out : this.publishing) {
            disconnectQuietly(out);
        }
    }

    private static void disconnectQuietly(MqttClient client) {
        if (client == null || !client.isConnected()) {
            return;
        }
        try {
            client.disconnect();
        } catch (MqttException e) {
            // Already gone: nothing more to close.
        }
    }

    /**
     * Gives the current clients up without waiting for them: their sockets are closed at once (plain TCP), so
     * that whatever they wait on fails, and they are closed on the worker.
     */
    @Override
    public void abandon() {
        MqttClient[][] clients = giveUpCurrent();
        retire(clients[0], clients[1]);
    }

    /** Gives the current clients up and closes them at once, on the caller's thread: the worker's. */
    private void retireNow() {
        MqttClient[][] clients = giveUpCurrent();
        closeGivenUp(clients[0], clients[1], this.plainSockets != null);
    }

    /**
     * @return the receiving and the publishing clients, no longer current; their plain sockets (not TLS ones) are
     *         closed already
     */
    private MqttClient[][] giveUpCurrent() {
        MqttClient[] in;
        MqttClient[] out;
        int givenUp;
        synchronized (this.attempts) {
            in = this.receiving;
            out = this.publishing;
            this.receiving = new MqttClient[0];
            this.publishing = new MqttClient[0];
            givenUp = this.attempt;
            this.abandonedUpTo = givenUp;
        }
        if (this.plainSockets != null) {
            this.plainSockets.abandonUpTo(givenUp);
        }
        return new MqttClient[][] { in, out };
    }

    /** @return {@code client}; fails {@code what} when the connection was given up */
    private static MqttClient current(MqttClient client, String what) throws BrokerException {
        if (client == null) {
            throw new BrokerException(what + " failed: not connected", false);
        }
        return client;
    }

    /**
     * Closes clients that are no longer the current ones, on the worker, never on the loop: the next connect
     * attempt, queued behind this job, asks for its sockets only once these are closed.
     */
    private void retire(final MqttClient[] in, final MqttClient[] out) {
        if (in.length == 0 && out.length == 0) {
            return;
        }
        final boolean socketsClosed = this.plainSockets != null;
        Runnable closing = new Runnable() {
            @Override
            public void run() {
                closeGivenUp(in, out, socketsClosed);
            }
        };
        if (!this.worker.submit(closing)) {
            // The worker is stopped or full: close what is closed already; a client still connected ends with
            // its socket, or when the application does.
            closeAll(in, out);
        }
    }

    /**
     * A client whose socket the board closed ({@code socketsClosed}: plain TCP) notices within moments and ends its
     * threads. A TLS client, whose socket the board does not hold, is disconnected politely at once: that may wait
     * for acknowledgements that never come on a dead link, but it is what closes its socket.
     */
    private static void closeGivenUp(MqttClient[] in, MqttClient[] out, boolean socketsClosed) {
        for (MqttClient client : in) {
            retireOne(client, socketsClosed);
        }
        for (MqttClient client : out) {
            retireOne(client, socketsClosed);
        }
    }

    private static void retireOne(MqttClient client, boolean socketClosed) {
        long deadlineMs = Util.platformTimeMillis() + (socketClosed ? SOCKET_CLOSED_GRACE_MS : 0);
        while (client.isConnected() && Util.platformTimeMillis() < deadlineMs) {
            try {
                Thread.sleep(RETIRE_POLL_MS);
            } catch (InterruptedException e) {
                break;
            }
        }
        disconnectQuietly(client);
        closeQuietly(client);
    }

    private static void closeAll(MqttClient[] in, MqttClient[] out) {
        for (MqttClient client : in) {
            closeQuietly(client);
        }
        for (MqttClient client : out) {
            closeQuietly(client);
        }
    }

    /** @return whether {@code client} is one of the current publishing connections */
    private boolean isPublishing(MqttClient client) {
        for (MqttClient current : this.publishing) {
            if (current == client) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code client} is one of the current receiving connections */
    private boolean isReceiving(MqttClient client) {
        for (MqttClient current : this.receiving) {
            if (current == client) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(MqttClient old) {
        if (old == null) {
            return;
        }
        try {
            old.close();
        } catch (Exception e) {
            // Still shutting down: it ends by itself and nothing uses it any more. (Exception, not
            // MqttException: whether MicroPaho's close() declares it is not known, and a catch of a
            // checked exception that is never thrown would not compile on the device.)
        }
    }

    /** @return whether a lost connection was closed by the broker, in order (end of stream) */
    static boolean closedByBroker(Throwable cause) {
        if (!(cause instanceof MqttException)) {
            return false;
        }
        MqttException e = (MqttException) cause;
        return e.getReasonCode() == MicroPahoCalls.CONNECTION_LOST
                && (e.getCause() == null || e.getCause() instanceof EOFException);
    }

    /**
     * The receiving connection's callback. A message is acknowledged when {@code messageArrived}
     * returns, so it returns only once the message's receipt is safe; it throws (no acknowledgement:
     * the broker delivers the message again) when the message was given back or its connection is gone.
     * Once the client is no longer the current one, its lost connection is old news.
     */
    private final class ReceivingCallback implements MqttCallback {

        private final MqttClient owner;
        private final int lane;

        ReceivingCallback(MqttClient owner, int lane) {
            this.owner = owner;
            this.lane = lane;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (isReceiving(this.owner)) {
                PahoBrokerSession.this.listener.onConnectionLost(describeLoss(cause), closedByBroker(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            Thread[] threads = PahoBrokerSession.this.delivering;
            if (this.lane < threads.length) {
                threads[this.lane] = Thread.currentThread();
            }
            DeliveryReceipt receipt = PahoBrokerSession.this.listener.onMessage(topic, message.getPayload(),
                    MicroPahoCalls.qosOf(message, PahoBrokerSession.this.qos));
            try {
                while (true) {
                    DeliveryReceipt.State state = receipt.awaitSafe(RECEIPT_POLL_MS);
                    if (state == DeliveryReceipt.State.SAFE) {
                        return;
                    }
                    if (state == DeliveryReceipt.State.GIVEN_BACK) {
                        throw new IllegalStateException("message on " + topic + " given back: the broker delivers it again");
                    }
                    if (!isReceiving(this.owner) || !this.owner.isConnected()) {
                        receipt.giveBack();
                        throw new IllegalStateException("connection gone: the broker delivers " + topic + " again");
                    }
                }
            } catch (InterruptedException e) {
                // The client is shutting its delivery thread down.
                receipt.giveBack();
                throw e;
            }
        }
    }

    /** The publishing connection's callback: it subscribes to nothing, so only a loss can come. */
    private final class PublishingCallback implements MqttCallback {

        private final MqttClient owner;

        PublishingCallback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (isPublishing(this.owner)) {
                PahoBrokerSession.this.listener.onConnectionLost(describeLoss(cause), closedByBroker(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Nothing is subscribed on this connection.
        }
    }

    /**
     * @return why an open connection ended: as {@link #describe(Throwable)}, except that a ping the broker
     *         never answered (the client's own keepalive check) is the dead link the board looks for itself
     */
    String describeLoss(Throwable cause) {
        return lossReason(MicroPahoCalls.reasonCode(cause), describe(cause));
    }

    /** @return {@code described}, unless {@code reasonCode} says the client's keepalive ping went unanswered */
    static String lossReason(int reasonCode, String described) {
        if (reasonCode == MicroPahoCalls.CLIENT_TIMEOUT) {
            return "no answer from the broker to the client's keepalive ping: the link is dead";
        }
        return described;
    }

    /** @return a reason a person can act on, for a failure of the client */
    String describe(Throwable failure) {
        if (failure instanceof MqttException) {
            MqttException e = (MqttException) failure;
            switch (e.getReasonCode()) {
            case MicroPahoCalls.CONNACK_BAD_PROTOCOL:
                return "broker refused the connection: it does not speak MQTT 3.1.1";
            case MicroPahoCalls.CONNACK_CLIENT_ID_REJECTED:
                return "broker refused the client id \"" + this.clientId + "\"";
            case MicroPahoCalls.CONNACK_SERVER_UNAVAILABLE:
                return "broker refused the connection: server unavailable";
            case MicroPahoCalls.CONNACK_BAD_CREDENTIALS:
                return "broker refused the connection: bad user name or password (check relayboard.mqtt.username "
                        + "and relayboard.mqtt.password)";
            case MicroPahoCalls.CONNACK_NOT_AUTHORIZED:
                // mosquitto answers a wrong password with this code too, not with "bad user name or password".
                if (this.withCredentials) {
                    return "broker refused the connection: not authorized (check relayboard.mqtt.username and "
                            + "relayboard.mqtt.password)";
                }
                return "broker refused the connection: not authorized (it wants a user name: set "
                        + "relayboard.mqtt.username and relayboard.mqtt.password)";
            case MicroPahoCalls.CLIENT_TIMEOUT:
                return "broker " + this.brokerHost + ":" + this.brokerPort + " did not answer in time";
            case MicroPahoCalls.SERVER_CONNECT_ERROR:
                return describeCause(e.getCause());
            case MicroPahoCalls.CONNECTION_LOST:
                if (e.getCause() == null || e.getCause() instanceof EOFException) {
                    return "the broker closed the connection";
                }
                return describeCause(e.getCause());
            default:
                break;
            }
            if (e.getCause() != null) {
                return describeCause(e.getCause());
            }
            String message = e.getMessage();
            return message == null ? "MQTT error " + e.getReasonCode() : message;
        }
        return describeCause(failure);
    }

    private String describeCause(Throwable cause) {
        String where = this.brokerHost + ":" + this.brokerPort;
        if (cause instanceof UnknownHostException) {
            return "unknown broker host \"" + this.brokerHost + "\"";
        }
        if (cause instanceof ConnectException) {
            return "cannot reach broker " + where + " (connection refused)";
        }
        if (cause instanceof NoRouteToHostException) {
            return "cannot reach broker " + where + " (no route: " + cause.getMessage() + ")";
        }
        if (cause instanceof SocketTimeoutException) {
            return "cannot reach broker " + where + " (timed out)";
        }
        if (TlsSockets.isTlsFailure(cause)) {
            return "TLS handshake with broker " + where + " failed: " + describeTls(cause.getMessage());
        }
        if (cause == null) {
            return "connection to " + where + " failed";
        }
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }

    /**
     * Names the two refusals a user can fix, from the TLS stack's message; anything else is shown as
     * the stack says it.
     */
    private String describeTls(String message) {
        if (message == null) {
            return "no reason given";
        }
        String lower = message.toLowerCase();
        if (lower.indexOf("certification path") >= 0 || lower.indexOf("not trusted") >= 0
                || lower.indexOf("unknown ca") >= 0 || lower.indexOf("verify") >= 0 && lower.indexOf("chain") >= 0) {
            return "its certificate is not signed by the CA in relayboard.mqtt.caCert";
        }
        if (lower.indexOf("subject alternative") >= 0 || lower.indexOf("hostname") >= 0
                || lower.indexOf("cn mismatch") >= 0) {
            return "its certificate is not for \"" + this.brokerHost + "\"";
        }
        return message;
    }
}
