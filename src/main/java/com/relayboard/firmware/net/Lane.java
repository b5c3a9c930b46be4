package com.relayboard.firmware.net;

/**
 * One publishing lane of the broker session: a receiving connection and the publishing connection its messages'
 * relayed copies leave on. A message received on a lane carries it ({@link BrokerListener#onMessage}) to the
 * outbox and back, so its copy is published on its own lane whichever thread publishes it: the delivery thread
 * directly, or the outbox's publisher once the copy was queued. A lane outlives its connections: after a
 * reconnect, a copy queued before it goes out on the same lane's new publishing connection.
 */
public interface Lane {

    /**
     * Publishes on this lane's publishing connection, blocking until the broker acknowledged a QoS 1 message. Never
     * on the board's loop.
     *
     * @throws BrokerException
     *             when the lane has no connection, or the publish failed ({@link BrokerException#isBusy() busy}
     *             when the client's window of publishes is full)
     */
    void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException;
}
