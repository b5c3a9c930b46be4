package com.relayboard.firmware.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLException;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import com.relayboard.firmware.config.Config;

/**
 * The board's session with the broker on MicroPaho's synchronous client, reconnected by the board
 * (MicroPaho has no automatic reconnect). Each connect uses a new client, as MicroEJ's examples do: a
 * client whose link died can then be given up ({@link #abandon()}) and closed on a thread of its own,
 * however long its disconnect waits, while the board already reconnects; and what the old client
 * still reports (its late "connection lost") is ignored.
 *
 * <p>The callback only hands events to the {@link BrokerListener}. When the board has no room for a
 * QoS 1 message, the callback throws: the client then drops the connection without acknowledging
 * the message, so the broker keeps it and delivers it again after the reconnect, instead of the
 * board losing a message it was trusted with.
 */
public final class PahoBrokerSession implements BrokerSession {

    /** Longest a connect may take, in seconds. */
    public static final int CONNECT_TIMEOUT_S = 10;

    // MQTT 3.1.1 CONNACK return codes (specification section 3.2.2.3), which Paho reports as reason codes.
    private static final int CONNACK_BAD_PROTOCOL = 1;
    private static final int CONNACK_CLIENT_ID_REJECTED = 2;
    private static final int CONNACK_SERVER_UNAVAILABLE = 3;
    private static final int CONNACK_BAD_CREDENTIALS = 4;
    private static final int CONNACK_NOT_AUTHORIZED = 5;
    // Paho's client reason codes for a failed connect and for a broker that never answered.
    private static final int PAHO_SERVER_CONNECT_ERROR = 32103;
    private static final int PAHO_CLIENT_TIMEOUT = 32000;
    /** MQTT 3.1.1 SUBACK return code 0x80: the broker refused the subscription (section 3.9.3). */
    private static final int SUBACK_FAILURE = 0x80;

    private final BrokerListener listener;
    private final String brokerUri;
    /** The client of the current or last connection; {@code null} before the first and after abandon. */
    private volatile MqttClient client;
    private final MqttConnectOptions options;
    private final String brokerHost;
    private final int brokerPort;
    private final String clientId;
    private final boolean withCredentials;
    /** Why TLS could not be set up (the CA certificate), or {@code null}: every connect then says so. */
    private String tlsSetupError;

    public PahoBrokerSession(Config config, final BrokerListener listener) {
        this.brokerHost = config.brokerHost();
        this.brokerPort = config.brokerPort();
        this.clientId = config.clientId();
        this.withCredentials = config.username() != null;
        this.brokerUri = config.brokerUri();
        this.listener = listener;
        this.options = new MqttConnectOptions();
        this.options.setKeepAliveInterval(config.keepAliveS());
        this.options.setConnectionTimeout(CONNECT_TIMEOUT_S);
        this.options.setCleanSession(config.cleanSession());
        if (config.username() != null) {
            this.options.setUserName(config.username());
            if (config.password() != null) {
                this.options.setPassword(config.password().toCharArray());
            }
        }
        this.options.setWill(config.statusTopic(), MqttLink.OFFLINE.getBytes(), 1, true);
        if (config.tls()) {
            // The connect timeout stays: MicroEJ's example sets 0 against slow handshakes, but a board
            // must not wait forever on a broker that never answers (docs/api-evidence.md).
            try {
                this.options.setSocketFactory(TlsSockets.trusting(config.caCert()));
            } catch (IOException e) {
                this.tlsSetupError = "TLS not set up: " + e.getMessage();
            }
        } else {
            // Each MQTT packet goes out at once, not behind the broker's delayed TCP acknowledgement.
            this.options.setSocketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()));
        }
    }

    @Override
    public void connect() throws BrokerException {
        if (this.tlsSetupError != null) {
            // Refused, not retried blindly as unencrypted: the board keeps reporting what to fix.
            throw new BrokerException(this.tlsSetupError, true);
        }
        MqttClient previous = this.client;
        if (previous != null) {
            this.client = null;
            retire(previous);
        }
        MqttClient fresh = new MqttClient(this.brokerUri, this.clientId);
        fresh.setCallback(new ClientCallback(fresh));
        this.client = fresh;
        try {
            fresh.connect(this.options);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED) {
                return;
            }
            throw new BrokerException(describe(e), isRefusal(e.getReasonCode()));
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws BrokerException {
        MqttClient current = current("subscribing to " + filter);
        try {
            current.subscribe(filter, qos);
        } catch (MqttException e) {
            if (e.getReasonCode() == SUBACK_FAILURE) {
                throw new BrokerException("broker refused the subscription to " + filter
                        + " (not authorized to read it)", true);
            }
            throw new BrokerException("subscribing to " + filter + " failed: " + describe(e), false);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        MqttClient current = current("publishing to " + topic);
        try {
            current.publish(topic, payload, qos, retained);
        } catch (MqttException e) {
            throw new BrokerException("publishing to " + topic + " failed: " + describe(e), false);
        }
    }

    @Override
    public void disconnect() {
        MqttClient current = this.client;
        if (current == null || !current.isConnected()) {
            return;
        }
        try {
            current.disconnect();
        } catch (MqttException e) {
            // Already gone: nothing more to close.
        }
    }

    @Override
    public void abandon() {
        MqttClient dead = this.client;
        this.client = null;
        if (dead != null) {
            retire(dead);
        }
    }

    /** @return the current client; fails {@code what} when the connection was given up */
    private MqttClient current(String what) throws BrokerException {
        MqttClient current = this.client;
        if (current == null) {
            throw new BrokerException(what + " failed: not connected", false);
        }
        return current;
    }

    /**
     * Closes a client that is no longer the current one. One still connected (a dead link) is
     * disconnected on a thread of its own: its disconnect may wait for acknowledgements that will never
     * come, and the board must not wait with it.
     */
    private static void retire(final MqttClient old) {
        if (!old.isConnected()) {
            closeQuietly(old);
            return;
        }
        new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    old.disconnect();
                } catch (MqttException e) {
                    // The link is dead: the disconnect only had to end.
                }
                closeQuietly(old);
            }
        }, "relayboard-mqtt-retire").start();
    }

    private static void closeQuietly(MqttClient old) {
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
        return e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                && (e.getCause() == null || e.getCause() instanceof EOFException);
    }

    /** The callback of one client: once the client is no longer the current one, its loss is old news. */
    private final class ClientCallback implements MqttCallback {

        private final MqttClient owner;

        ClientCallback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (PahoBrokerSession.this.client == this.owner) {
                PahoBrokerSession.this.listener.onConnectionLost(describe(cause), closedByBroker(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            // Even from a client given up, a message that arrived is the broker's to redeliver only if
            // refused here; taken, it is relayed like any other.
            if (!PahoBrokerSession.this.listener.onMessage(topic, message.getPayload(), message.getQos())
                    && message.getQos() > 0) {
                throw new IllegalStateException("the board's inbox is full: the broker will deliver again");
            }
        }
    }

    private static boolean isRefusal(int reasonCode) {
        return reasonCode >= CONNACK_BAD_PROTOCOL && reasonCode <= CONNACK_NOT_AUTHORIZED;
    }

    /** @return a reason a person can act on, for a failure of the client */
    String describe(Throwable failure) {
        if (failure instanceof MqttException) {
            MqttException e = (MqttException) failure;
            switch (e.getReasonCode()) {
            case CONNACK_BAD_PROTOCOL:
                return "broker refused the connection: it does not speak MQTT 3.1.1";
            case CONNACK_CLIENT_ID_REJECTED:
                return "broker refused the client id \"" + this.clientId + "\"";
            case CONNACK_SERVER_UNAVAILABLE:
                return "broker refused the connection: server unavailable";
            case CONNACK_BAD_CREDENTIALS:
                return "broker refused the connection: bad user name or password (check relayboard.mqtt.username "
                        + "and relayboard.mqtt.password)";
            case CONNACK_NOT_AUTHORIZED:
                // mosquitto answers a wrong password with this code too, not with "bad user name or password".
                if (this.withCredentials) {
                    return "broker refused the connection: not authorized (check relayboard.mqtt.username and "
                            + "relayboard.mqtt.password)";
                }
                return "broker refused the connection: not authorized (it wants a user name: set "
                        + "relayboard.mqtt.username and relayboard.mqtt.password)";
            case PAHO_CLIENT_TIMEOUT:
                return "broker " + this.brokerHost + ":" + this.brokerPort + " did not answer in time";
            case PAHO_SERVER_CONNECT_ERROR:
                return describeCause(e.getCause());
            case MqttException.REASON_CODE_CONNECTION_LOST:
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
        if (cause instanceof SSLException) {
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
