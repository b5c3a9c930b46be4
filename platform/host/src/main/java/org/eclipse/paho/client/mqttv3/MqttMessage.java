package org.eclipse.paho.client.mqttv3;

/** An MQTT application message (MicroPaho subset of Eclipse Paho's class). */
public class MqttMessage {

    private byte[] payload;
    private int qos = 1;
    private boolean retained;
    private boolean duplicate;

    public MqttMessage() {
        this(new byte[0]);
    }

    public MqttMessage(byte[] payload) {
        setPayload(payload);
    }

    public byte[] getPayload() {
        return this.payload;
    }

    public void setPayload(byte[] payload) {
        if (payload == null) {
            throw new NullPointerException("payload");
        }
        this.payload = payload;
    }

    public int getQos() {
        return this.qos;
    }

    public void setQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + qos);
        }
        this.qos = qos;
    }

    public boolean isRetained() {
        return this.retained;
    }

    public void setRetained(boolean retained) {
        this.retained = retained;
    }

    public boolean isDuplicate() {
        return this.duplicate;
    }

    void setDuplicate(boolean duplicate) {
        this.duplicate = duplicate;
    }

    @Override
    public String toString() {
        return new String(this.payload);
    }
}
