package com.relayboard.firmware.net;

/**
 * What the MQTT client's delivery thread reports: the session's port to the message path above it. An
 * implementation may publish a message's relayed copy from the delivery thread only on the message's {@link Lane}
 * (whose publishing connection is another client), never on the receiving connection: Paho completes that
 * connection's publishes on this very thread, which would deadlock.
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
