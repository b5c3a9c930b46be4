package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

import ej.bon.Util;

/**
 * The board's session with the broker on MicroPaho's synchronous client, reconnected by the board
 * (MicroPaho has no automatic reconnect). One session is up to {@link SessionSettings#lanes()} lanes (at most
 * {@link #RECEIVING_CONNECTIONS})
 * ({@link PahoLane}, each the one owner of its connections, their callbacks, the receipt wait and the publish of its
 * copies), one per relay source (the sources beyond the last lane go to the first), and each lane is two
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
 * <p><b>Settings before the backlog.</b> With {@code cleanSession=false} the broker delivers what it kept for a
 * receiving connection's session right after that connection's CONNACK, before anything the board subscribes to
 * after connecting. The settings that decide what those messages become (the rule table,
 * {@link SessionSettings#settingsTopics()}) are therefore taken first: {@link #connect()} subscribes to them on the
 * first lane's publishing connection (clean, so its retained message comes on every connect) as soon as that
 * connection is up, before any receiving connection connects, then subscribes (QoS 1) to the barrier topic
 * ({@link SessionSettings#barrierTopic()}: the board's probe topic, which only this board uses and which a broker's
 * ACL grants it already) and publishes one QoS 1 message there on the same connection. The broker handles one
 * connection's packets in order, so the retained messages queued by the SUBSCRIBE go out before the barrier's echo,
 * and the client's callback thread hands them over in order: once the echo is there, the table has been applied
 * ({@code path.MessagePath} applies it on that thread), and the receiving connections connect. The wait is bounded
 * by {@link #CONNECT_TIMEOUT_S}; an echo that does not come is said on the state line, and the options' rules relay
 * until the table comes. A settings topic the broker refuses is said there too and stops nothing. These settings are
 * never subscribed on a receiving connection as well, so a table comes once. The LED command is not among them: it
 * changes what the light shows, not what a message becomes, so it keeps coming on the receiving connection after the
 * sources' backlog, through {@code MqttLink}'s "subscribe first" list, as before.
 *
 * <p>This class keeps the connect attempts (numbered, so that an attempt given up never installs its clients) and
 * the giving up and closing of clients; {@link BrokerErrors} says what a failure means.
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
    /**
     * Lanes (receiving connections) at most, whatever the settings ask: one per relay source, the sources beyond on
     * the first.
     */
    public static final int RECEIVING_CONNECTIONS = 2;
    /** How long a client given up may take to notice that the board closed its socket. */
    static final long SOCKET_CLOSED_GRACE_MS = 1000;
    private static final long RETIRE_POLL_MS = 20;
    /** The settings topics and the barrier: QoS 1, so that the barrier's echo queues behind the retained messages. */
    static final int SETTINGS_QOS = 1;
    /** What the barrier carries; any message on the barrier topic on that connection counts. */
    static final byte[] BARRIER_PAYLOAD = { 'b', 'a', 'r', 'r', 'i', 'e', 'r' };

    private final String brokerUri;
    /** The lanes, one per source up to the settings' number: made once, given new clients per connect. */
    private final PahoLane[] lanes;
    /** What the board says about the client's failures. */
    private final BrokerErrors errors;
    private final MqttConnectOptions receivingOptions;
    private final MqttConnectOptions otherReceivingOptions;
    private final MqttConnectOptions publishingOptions;
    private final String clientId;
    /**
     * The relay sources as subscribed ({@code $share/<group>/<source>} with a relay group): the i-th goes to
     * receiving connection i, those beyond the last to the first.
     */
    private final String[] sources;
    /** The relay group the sources are shared in, or {@code null}. */
    private final String relayGroup;
    /** Taken on the first lane's publishing connection before any receiving connection connects: see above. */
    private final String[] settingsTopics;
    /** Where the settings' barrier goes and comes back, or {@code null} when there are no such settings. */
    private final String barrierTopic;
    /** Why TLS could not be set up (the CA certificate), or {@code null}: every connect then says so. */
    private String tlsSetupError;
    /** Where blocking work goes: the closing of clients given up. */
    private final JobRunner worker;
    /** The plain sockets by connect attempt, or {@code null} for TLS: closed by the board when it gives up. */
    private final AbandonableSockets plainSockets;
    /**
     * Guards {@link #attempt}, the writes of {@link #abandonedUpTo}, the switch to and from an attempt's clients, and
     * {@link #plainSockets}' sockets by attempt. A lock, because the worker installs a new attempt's clients while
     * the loop gives the current ones up: numbering the attempt and installing its clients, or giving them up and
     * recording their attempt as given up, must each happen whole, or clients given up could become current.
     */
    private final Object attempts = new Object();
    /** The number of the latest connect attempt. */
    private int attempt;
    /**
     * Connect attempts up to this one were given up: their clients must not become the current ones. Written under
     * {@link #attempts}; volatile, so that the worker checks it between connects without the lock.
     */
    private volatile int abandonedUpTo;

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
        this.clientId = config.clientId();
        this.sources = sources.clone();
        this.relayGroup = config.relayGroup();
        this.brokerUri = config.brokerUri();
        this.errors = new BrokerErrors(config.brokerHost(), config.brokerPort(), config.clientId(),
                config.username() != null);
        this.settingsTopics = config.settingsTopics();
        this.barrierTopic = this.settingsTopics.length == 0 ? null : config.barrierTopic();
        this.lanes = new PahoLane[lanes(config.lanes(), this.sources.length)];
        for (int i = 0; i < this.lanes.length; i++) {
            this.lanes[i] = new PahoLane(i, listener, this.errors, config.qos(), i == 0 ? this.barrierTopic : null);
        }
        SSLSocketFactory tls = null;
        // Each MQTT packet goes out at once, not behind the broker's delayed TCP acknowledgement.
        this.plainSockets = config.tls() ? null
                : new AbandonableSockets(new NoDelaySocketFactory(SocketFactory.getDefault()), this.attempts);
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

    /** @return how many lanes a session opens: one per source, at most {@code wanted} (1 to the maximum) */
    public static int lanes(int wanted, int sources) {
        return Math.max(1, Math.min(Math.min(wanted, RECEIVING_CONNECTIONS), sources));
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

    /**
     * Connects each lane's publishing connection first (the receiving one may start delivering at once), and takes
     * the settings on the first one before any receiving connection connects (see the class comment).
     */
    @Override
    public String connect() throws BrokerException {
        if (this.tlsSetupError != null) {
            // Refused, not retried blindly as unencrypted: the board keeps reporting what to fix.
            throw new BrokerException(this.tlsSetupError, true);
        }
        // Clients still current (a connection lost leaves its siblings connected) are closed here, on the worker,
        // before any new socket is asked for: the clients given up earlier were closed by jobs queued before this
        // one. So the board never holds two generations of sockets at once: at most 2 per lane (4) of the 9 that
        // lwIP leaves the application on the ESP32 ports (docs/api-evidence.md, "Sockets").
        retireNow();
        int lanes = this.lanes.length;
        MqttClient[] in = new MqttClient[lanes];
        MqttClient[] out = new MqttClient[lanes];
        for (int i = 0; i < lanes; i++) {
            String id = i == 0 ? this.clientId : this.clientId + "-" + (i + 1);
            out[i] = new MqttClient(this.brokerUri, id + PUBLISHING_ID_SUFFIX);
            in[i] = new MqttClient(this.brokerUri, id);
        }
        int thisAttempt;
        synchronized (this.attempts) {
            thisAttempt = ++this.attempt;
            for (int i = 0; i < lanes; i++) {
                this.lanes[i].install(in[i], out[i]);
            }
            if (this.plainSockets != null) {
                this.plainSockets.startAttempt(thisAttempt);
            }
        }
        String notice = null;
        for (int i = 0; i < lanes; i++) {
            // Given up meanwhile (Wi-Fi lost, the board stopping): its clients were retired already.
            checkNotAbandoned(thisAttempt);
            connect(out[i], this.publishingOptions);
            if (i == 0) {
                notice = takeSettings(out[0]);
            }
            checkNotAbandoned(thisAttempt);
            connect(in[i], i == 0 ? this.receivingOptions : this.otherReceivingOptions);
        }
        return notice;
    }

    /**
     * On the first lane's publishing connection {@code out}, just connected: subscribes to the settings topics and
     * waits, bounded, for the barrier behind their retained messages.
     *
     * @return what could not be done (a refused topic, a barrier not back in time), or {@code null}
     * @throws BrokerException
     *             when the connection fails or the attempt is given up
     */
    private String takeSettings(MqttClient out) throws BrokerException {
        String notice = null;
        int subscribed = 0;
        for (String topic : this.settingsTopics) {
            try {
                subscribeOn(out, topic, SETTINGS_QOS);
                subscribed++;
            } catch (BrokerException e) {
                if (!e.isRefused()) {
                    throw e;
                }
                // A broker whose ACL denies the rules topic must not stop the relay: said on the state line.
                notice = append(notice, "not subscribed to " + topic + ": " + e.getMessage());
            }
        }
        if (subscribed == 0 || this.barrierTopic == null) {
            return notice;
        }
        String unconfirmed = "the settings on " + join(this.settingsTopics) + " were not confirmed within "
                + CONNECT_TIMEOUT_S + " s (barrier on " + this.barrierTopic + "): ";
        try {
            subscribeOn(out, this.barrierTopic, SETTINGS_QOS);
        } catch (BrokerException e) {
            if (!e.isRefused()) {
                throw e;
            }
            return append(notice, unconfirmed + e.getMessage() + "; messages kept for the board may be relayed by "
                    + "the options' rules until the retained table comes");
        }
        this.lanes[0].publish(this.barrierTopic, BARRIER_PAYLOAD, SETTINGS_QOS, false);
        boolean passed;
        try {
            passed = this.lanes[0].awaitBarrier(out, CONNECT_TIMEOUT_S * 1000L);
        } catch (InterruptedException e) {
            throw new BrokerException("connect attempt given up", false);
        }
        if (this.lanes[0].publishing() != out) {
            throw new BrokerException("connect attempt given up", false);
        }
        if (!passed) {
            notice = append(notice, unconfirmed + "messages kept for the board may be relayed by the options' rules "
                    + "until the retained table comes");
        }
        return notice;
    }

    private static String append(String notice, String more) {
        return notice == null ? more : notice + "; " + more;
    }

    private static String join(String[] topics) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < topics.length; i++) {
            text.append(i == 0 ? "" : ", ").append(topics[i]);
        }
        return text.toString();
    }

    private void checkNotAbandoned(int thisAttempt) throws BrokerException {
        if (thisAttempt <= this.abandonedUpTo) {
            throw new BrokerException("connect attempt given up", false);
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
            throw new BrokerException(this.errors.describe(e), MicroPahoCalls.isRefusal(reasonCode));
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws BrokerException {
        // A source goes to its own lane (those beyond the last to the first); the board's own topics to the first.
        int index = 0;
        for (int i = 0; i < this.sources.length && i < this.lanes.length; i++) {
            if (this.sources[i].equals(filter)) {
                index = i;
            }
        }
        subscribeOn(current(this.lanes[index].receiving(), "subscribing to " + filter), filter, qos);
    }

    private void subscribeOn(MqttClient current, String filter, int qos) throws BrokerException {
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
            throw new BrokerException("subscribing to " + filter + " failed: " + this.errors.describe(e), false);
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

    /** The board's own publications (status, LED state, probe, goodbye): on the first lane, from the worker. */
    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        this.lanes[0].publish(topic, payload, qos, retained);
    }

    @Override
    public void disconnect() {
        // The receiving connections first: the board stops taking messages before it stops publishing.
        for (PahoLane lane : this.lanes) {
            disconnectQuietly(lane.receiving());
        }
        for (PahoLane lane : this.lanes) {
            disconnectQuietly(lane.publishing());
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
        MqttClient[] in = new MqttClient[this.lanes.length];
        MqttClient[] out = new MqttClient[this.lanes.length];
        List<Socket> closing = null;
        synchronized (this.attempts) {
            for (int i = 0; i < this.lanes.length; i++) {
                MqttClient[] old = this.lanes[i].giveUp();
                in[i] = old[0];
                out[i] = old[1];
            }
            this.abandonedUpTo = this.attempt;
            if (this.plainSockets != null) {
                closing = this.plainSockets.abandonUpTo(this.attempt);
            }
        }
        if (closing != null) {
            // Outside the lock: a close may take a moment, and the client's connecting thread waits on the lock.
            AbandonableSockets.closeAll(closing);
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
        if (in[0] == null && out[0] == null) {
            return; // Nothing was installed since the last give-up: every lane connects together.
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
        if (client == null) {
            return;
        }
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

}
