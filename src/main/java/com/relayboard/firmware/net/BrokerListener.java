package com.relayboard.firmware.net;

/**
 * What the MQTT client's delivery thread reports. Implementations record the event and hand the work
 * on, never publishing on that thread (Paho completes publishes there: it would deadlock).
 */
public interface BrokerListener {

    /**
     * A message arrived. The session acknowledges it (QoS 1) only once the returned receipt is
     * {@link DeliveryReceipt.State#SAFE safe}, waiting for it on the delivery thread.
     *
     * @param lane
     *            the lane the message came on: its relayed copy leaves on that lane's publishing connection
     * @return what the delivery thread waits on; {@link DeliveryReceipt#SAFE_NOW} when nothing is held
     */
    DeliveryReceipt onMessage(Lane lane, String topic, byte[] payload, int qos);

    /**
     * @param closedByBroker
     *            whether the broker ended the connection in an orderly way (the socket was closed, not
     *            reset or timed out): what a broker does to the older of two connections with one
     *            client id
     */
    void onConnectionLost(String reason, boolean closedByBroker);
}
