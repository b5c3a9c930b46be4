package com.relayboard.firmware.net;

import com.relayboard.firmware.util.Deadline;

/**
 * The barrier behind the settings a session takes first ({@link SessionSettings#takingFirst}): the worker, having
 * subscribed to the settings and published one message to the barrier topic on a client, waits ({@link #await})
 * until that client's callback thread reports the message back ({@link #passed}). The broker sends one connection's
 * packets in order and the callback thread hands them over in order, so by then every retained setting the broker
 * sent that client has been taken.
 *
 * <pre>
 *   waiting --the barrier came back on the client--&gt; passed (true)
 *      +-----the client is no longer current (given up)--&gt; ended (false)
 *      +-----the time-out passed--&gt; ended (false): the caller connects anyway and says so
 * </pre>
 *
 * A barrier that comes back on another client (one of an earlier connect) does not count.
 */
final class SettingsBarrier {

    /** Whether a client is still the one the barrier is awaited on (not given up). */
    interface Current {
        boolean is(Object client);
    }

    private final String topic;
    /**
     * The client on which the barrier came back last, or {@code null}. Guarded by this object's monitor: a lock,
     * because the worker waits (wait/notifyAll) for a client's callback thread, or the loop giving the clients up.
     */
    private Object passedBy;

    /** @param topic where the barrier goes and comes back, or {@code null}: no barrier */
    SettingsBarrier(String topic) {
        this.topic = topic;
    }

    /** @return where the barrier goes, or {@code null} */
    String topic() {
        return this.topic;
    }

    /** @return whether a message on {@code messageTopic} is the barrier (not a setting to pass on) */
    boolean isBarrier(String messageTopic) {
        return messageTopic.equals(this.topic);
    }

    /** On {@code client}'s callback thread: the barrier came back. */
    void passed(Object client) {
        signal(client);
    }

    /** The clients were given up: a waiter looks again at once. */
    void wake() {
        signal(null);
    }

    /** Records where the barrier came back, if it did ({@code client} not {@code null}), and wakes the waiter. */
    private synchronized void signal(Object client) {
        if (client != null) {
            this.passedBy = client;
        }
        notifyAll();
    }

    /**
     * On the worker: waits until the barrier came back on {@code client}, or {@code client} is no longer current,
     * or {@code timeoutMs} passed.
     *
     * @return whether it came back on {@code client}, still current
     * @throws InterruptedException
     *             when the connect attempt is given up while it waits
     */
    synchronized boolean await(final Object client, long timeoutMs, final Current current)
            throws InterruptedException {
        Deadline.await(this, timeoutMs, new Deadline.Condition() {
            @Override
            public boolean holds() {
                return SettingsBarrier.this.passedBy == client || !current.is(client);
            }
        });
        return this.passedBy == client && current.is(client);
    }
}
