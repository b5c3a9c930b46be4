package com.relayboard.firmware.net;

/**
 * What the link tells the board's publisher (the message path's outbox, above the transport): when publishing may
 * go on, and when a publish stuck on a connection given up must be left behind. The link opens the gate once a
 * connection is up (before its subscriptions, so that a persistent session's backlog finds the publisher ready)
 * and closes it whenever the connection ends; each open starts a new connection's generation.
 */
public interface PublishGate {

    /** A connection is up: publishing may go on. Called on the network worker, during a connect attempt. */
    void open();

    /** The connection is down or being given up: publishing waits. Called on the loop. */
    void close();

    /**
     * The connection was given up while a publish may still wait on it: that publish is left behind, and what it
     * was publishing goes out again on the next connection. Called on the loop, after {@link #close()}.
     */
    void abandonInFlight();
}
