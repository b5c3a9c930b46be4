package com.relayboard.firmware.net;

/**
 * The MQTT client as the board needs it: one session with the broker, reconnected by the board.
 * Implemented on MicroPaho by {@link PahoBrokerSession}, and by plain fakes in tests.
 */
public interface BrokerSession extends Lane {

    /**
     * Connects (blocking, bounded by the connect timeout), with the board's Last Will set.
     *
     * @return what the connect could not do without failing, for the state line (a settings topic the broker
     *         refused, settings not confirmed in time), or {@code null}
     */
    String connect() throws BrokerException;

    void subscribe(String filter, int qos) throws BrokerException;

    /**
     * Publishes one of the board's own messages (status, LED state, probe, goodbye) on the first lane, blocking
     * until the broker acknowledged a QoS 1 message: on the network worker, never on the loop. A relayed copy goes
     * on the lane its original came on ({@link BrokerListener#onMessage}).
     */
    @Override
    void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException;

    /** Closes the connection if there is one, quietly. */
    void disconnect();

    /**
     * Gives up a connection that is dead without waiting for it: a polite disconnect would wait for
     * answers that never come. Returns at once; the next {@link #connect()} starts afresh, and the
     * given-up connection reports nothing more (no lost connection).
     */
    void abandon();
}
