package com.relayboard.firmware.net;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The one place the firmware calls MicroPaho members that no MicroEJ material shows (docs/api-evidence.md, "What
 * the gate counts as unproven"). Each is called in a method of its own, on a line marked {@code unproven}, and the
 * comment beside it gives the fallback: if your SDK's MicroPaho lacks the member, the firmware does not compile;
 * replace the marked line with the fallback. platform/README.md lists them. The fidelity gate refuses these members
 * anywhere else in the firmware (their allowlist entries say {@code holder(...)}).
 *
 * <p>The reason codes MicroPaho reports are not seen either: those the firmware tells apart are here, with where
 * each value comes from. A wrong value only changes the wording of a failure (and whether it is called a refusal);
 * the board backs off and retries either way.
 */
final class MicroPahoCalls {

    // MQTT 3.1.1 CONNACK return codes (specification section 3.2.2.3). That the client reports them as reason codes
    // is what MicroEJ/paho (the 2016 fork) and Eclipse Paho 1.2.5 do (REASON_CODE_INVALID_PROTOCOL_VERSION = 0x01 ...
    // REASON_CODE_NOT_AUTHORIZED = 0x05); not seen for MicroPaho.
    static final int CONNACK_BAD_PROTOCOL = 1;
    static final int CONNACK_CLIENT_ID_REJECTED = 2;
    static final int CONNACK_SERVER_UNAVAILABLE = 3;
    static final int CONNACK_BAD_CREDENTIALS = 4;
    static final int CONNACK_NOT_AUTHORIZED = 5;
    /** A broker that never answered: REASON_CODE_CLIENT_TIMEOUT in the fork and in Eclipse Paho 1.2.5. */
    static final int CLIENT_TIMEOUT = 32000;
    /** A connect that failed below MQTT: REASON_CODE_SERVER_CONNECT_ERROR in the fork and in Eclipse Paho 1.2.5. */
    static final int SERVER_CONNECT_ERROR = 32103;
    /**
     * "Too many publishes in progress": REASON_CODE_MAX_INFLIGHT in Eclipse Paho 1.2.5 (the host's engine). Paho
     * lets a synchronous publish return as soon as the acknowledgement is read, but frees its slot in the in-flight
     * window later, on its callback thread: publishes in a row can find the window full for a moment. Whether
     * MicroPaho has such a code is not known.
     */
    static final int MAX_INFLIGHT = 32202;
    /** MQTT 3.1.1 SUBACK return code 0x80, refused (section 3.9.3): REASON_CODE_SUBSCRIBE_FAILED in the fork. */
    static final int SUBACK_FAILURE = 0x80;
    /** The client is already connected. The name is seen in MicroEJ code (ExampleJava-AWS), the value is not. */
    static final int CLIENT_CONNECTED = MqttException.REASON_CODE_CLIENT_CONNECTED;
    /** The connection was lost. The name is seen in MicroEJ code (ExampleJava-AWS), the value is not. */
    static final int CONNECTION_LOST = MqttException.REASON_CODE_CONNECTION_LOST;

    /** What {@link #reasonCode(Throwable)} gives for a failure that is not the client's. */
    static final int NOT_MQTT = -1;

    private MicroPahoCalls() {
    }

    /** @return whether a reason code is a CONNACK refusal (the broker answered, and said no) */
    static boolean isRefusal(int reasonCode) {
        return reasonCode >= CONNACK_BAD_PROTOCOL && reasonCode <= CONNACK_NOT_AUTHORIZED;
    }

    /**
     * @return the reason code of a failure of the client, or {@link #NOT_MQTT}: callers catch {@code Exception}
     *         around MicroPaho calls whose {@code throws} clause is not known, and sort it out here
     */
    static int reasonCode(Throwable failure) {
        return failure instanceof MqttException ? ((MqttException) failure).getReasonCode() : NOT_MQTT;
    }

    /** The Last Will the broker publishes when the board vanishes. */
    static void setWill(MqttConnectOptions options, String topic, byte[] payload, int qos, boolean retained) {
        options.setWill(topic, payload, qos, retained); // unproven: if missing, delete this line (no Last Will:
        // the board still publishes its retained "offline" on a clean stop, MqttLink.announceOffline, but a board
        // that loses power stays "online" on the status topic)
    }

    /** Whether the broker keeps the session (subscriptions, QoS 1 messages) while the board is away. */
    static void setCleanSession(MqttConnectOptions options, boolean clean) {
        options.setCleanSession(clean); // unproven: if missing, delete this line (every session is clean, MicroPaho's
        // default in the fork and in Paho: relayboard.mqtt.cleanSession=false then keeps nothing while offline)
    }

    /** The keep-alive interval, in seconds. */
    static void setKeepAliveInterval(MqttConnectOptions options, int seconds) {
        options.setKeepAliveInterval(seconds); // unproven: if missing, delete this line (the client's default, 60 s
        // in the fork and in Paho; relayboard.mqtt.keepAliveS then paces only the board's own probe)
    }

    /** The user name and password, when the broker wants them. */
    static void setCredentials(MqttConnectOptions options, String userName, String password) {
        options.setUserName(userName); // unproven: no fallback keeps credentials; if missing, delete these two lines
        if (password != null) {
            options.setPassword(password.toCharArray()); // unproven: see above; a broker that wants a login then
            // refuses the board (CONNACK 4 or 5), which it says on its console
        }
    }

    /**
     * Plain TCP sockets ({@link AbandonableSockets} over {@link NoDelaySocketFactory}), for a {@code tcp://} broker.
     * MicroEJ code passes MicroPaho an {@code SSLSocketFactory} only.
     */
    static void usePlainSockets(MqttConnectOptions options, SocketFactory plain) {
        options.setSocketFactory(plain); // unproven: if missing, delete this line (the client's own sockets, with
        // Nagle's algorithm on: about 40 ms more per relayed hop, docs/benchmarks.md; and a client given up is
        // disconnected politely instead of having its socket closed under it)
    }

    /**
     * TLS sockets for an {@code ssl://} broker: proven (Example-IOT ssl-mqtt-publisher passes
     * {@code SSLContext.getSocketFactory()}). The static type is {@code SSLSocketFactory}, so this compiles whether
     * MicroPaho's parameter is a {@code SocketFactory} or an {@code SSLSocketFactory}.
     */
    static void useTlsSockets(MqttConnectOptions options, SSLSocketFactory tls) {
        options.setSocketFactory(tls);
    }

    /** Subscribes at a QoS (MicroEJ code calls {@code subscribe(String)} only). */
    static void subscribe(MqttClient client, String filter, int qos) throws Exception {
        client.subscribe(filter, qos); // unproven: if missing, use client.subscribe(filter); (proven, Example-IOT;
        // the client's default QoS, 1 in the fork and in Paho, then applies whatever relayboard.mqtt.qos says)
    }

    /**
     * Publishes a payload. MicroEJ code calls {@code publish(String, MqttMessage)} instead; that fallback needs
     * {@code new MqttMessage(byte[])}, {@code setQos} and {@code setRetained}, which the allowlist does not record
     * (they are not seen either), so it is not compiled here.
     */
    static void publish(MqttClient client, String topic, byte[] payload, int qos, boolean retained) throws Exception {
        client.publish(topic, payload, qos, retained); // unproven: if missing, see above
    }

    /**
     * @param subscribedQos the QoS the board subscribed with
     * @return the QoS a message was delivered at
     */
    static int qosOf(MqttMessage message, int subscribedQos) {
        return message.getQos(); // unproven: if missing, use return subscribedQos; (the broker delivers at the
        // lower of the publisher's QoS and the subscription's: a QoS 0 message is then handled as a QoS 1 one)
    }
}
