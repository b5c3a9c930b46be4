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

    /**
     * @param closedByBroker
     *            whether the broker ended the connection in an orderly way (the socket was closed, not
     *            reset or timed out): what a broker does to the older of two connections with one
     *            client id
     */
    void onConnectionLost(String reason, boolean closedByBroker);
}
