package com.relayboard.firmware.net;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * What the board says about a failure of the MQTT client: a reason a person can act on, from MicroPaho's reason
 * code and the cause. Pure: no state beyond the broker's address and the board's identity, no I/O.
 */
final class BrokerErrors {

    private final String brokerHost;
    private final int brokerPort;
    private final String clientId;
    private final boolean withCredentials;

    BrokerErrors(String brokerHost, int brokerPort, String clientId, boolean withCredentials) {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.clientId = clientId;
        this.withCredentials = withCredentials;
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
