package org.eclipse.paho.client.mqttv3;

/**
 * A failure of the MQTT client, with Paho's reason code: the MQTT 3.1.1 CONNACK return codes (1 to 5)
 * for refused connections, Paho's client codes (32000 and up) otherwise.
 */
public class MqttException extends Exception {

    private static final long serialVersionUID = 1L;

    public static final short REASON_CODE_CLIENT_CONNECTED = 32100;
    public static final short REASON_CODE_CONNECTION_LOST = 32109;

    private final int reasonCode;

    public MqttException(int reasonCode) {
        super("MQTT error " + reasonCode);
        this.reasonCode = reasonCode;
    }

    public MqttException(Throwable cause) {
        super(cause == null ? "MQTT error" : cause.getMessage(), cause);
        this.reasonCode = 0;
    }

    public MqttException(int reasonCode, Throwable cause) {
        super(cause == null ? "MQTT error " + reasonCode : cause.getMessage(), cause);
        this.reasonCode = reasonCode;
    }

    MqttException(int reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public int getReasonCode() {
        return this.reasonCode;
    }
}
