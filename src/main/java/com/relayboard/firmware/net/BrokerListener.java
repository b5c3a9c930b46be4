package com.relayboard.firmware.net;

/**
 * What the MQTT client's callback thread reports. Implementations only record the event and return
 * at once: acting on it (relaying, which publishes) from the callback thread would deadlock Paho.
 */
public interface BrokerListener {

    /**
     * @return whether the message was taken; {@code false} when the board has no room for it
     */
    boolean onMessage(String topic, byte[] payload, int qos);

    void onConnectionLost(String reason);
}
