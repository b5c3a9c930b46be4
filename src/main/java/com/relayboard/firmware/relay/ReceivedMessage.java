package com.relayboard.firmware.relay;

/** A message as it arrived from the broker, recorded by the client callback for the loop. */
public final class ReceivedMessage {

    private final String topic;
    private final byte[] payload;
    private final int qos;

    public ReceivedMessage(String topic, byte[] payload, int qos) {
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
    }

    public String topic() {
        return this.topic;
    }

    public byte[] payload() {
        return this.payload;
    }

    public int qos() {
        return this.qos;
    }
}
