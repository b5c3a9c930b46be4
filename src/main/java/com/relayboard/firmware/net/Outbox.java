package com.relayboard.firmware.net;

/**
 * The bounded queue of messages to publish, and the thread that publishes them in order. Messages
 * leave the outbox only once the broker took them (a QoS 1 publish returns after its PUBACK), so a
 * connection lost in the middle loses nothing: the message is published again after the next
 * reconnect (QoS 1 allows that duplicate). A message that fails on {@link #MAX_ATTEMPTS} connections in
 * a row is dropped and reported, so that one poisonous message (one the broker answers by closing the
 * connection) cannot stop the relay; failures while one connection is down count once.
 *
 * <p>The loop thread offers messages and tells the outbox when the link is online; the publisher
 * thread is the only one that publishes relayed messages, never Paho's callback thread.
 */
public final class Outbox implements Runnable {

    /** Connections on which one message failed, before it is dropped. */
    public static final int MAX_ATTEMPTS = 5;
    /** After a failure with the link still up, the publisher retries after this long. */
    static final long RETRY_WHILE_ONLINE_MS = 5000;

    private final OutgoingMessage[] ring;
    private final BrokerSession session;
    private final OutboxListener listener;
    private int head;
    private int size;
    private boolean online;
    private int onlineGeneration;
    private boolean stopped;

    public Outbox(int capacity, BrokerSession session, OutboxListener listener) {
        this.ring = new OutgoingMessage[capacity];
        this.session = session;
        this.listener = listener;
    }

    /** @return whether the message was queued; {@code false} when the outbox is full */
    public synchronized boolean offer(OutgoingMessage message) {
        if (this.size == this.ring.length) {
            return false;
        }
        this.ring[(this.head + this.size) % this.ring.length] = message;
        this.size++;
        notifyAll();
        return true;
    }

    public synchronized boolean hasRoom() {
        return this.size < this.ring.length;
    }

    public synchronized int size() {
        return this.size;
    }

    public int capacity() {
        return this.ring.length;
    }

    /** Called by the loop: publishing may go on only while the link is connected and subscribed. */
    public synchronized void setOnline(boolean online) {
        if (online && !this.online) {
            this.onlineGeneration++;
        }
        this.online = online;
        notifyAll();
    }

    public synchronized void stop() {
        this.stopped = true;
        notifyAll();
    }

    /** The publisher thread's body. */
    @Override
    public void run() {
        while (true) {
            OutgoingMessage message;
            int generation;
            synchronized (this) {
                while (!this.stopped && (!this.online || this.size == 0)) {
                    waitQuietly(0);
                }
                if (this.stopped) {
                    return;
                }
                message = this.ring[this.head];
                generation = this.onlineGeneration;
            }
            try {
                this.session.publish(message.topic(), message.payload(), message.qos(), false);
                removeHead(message);
                this.listener.published(message);
            } catch (BrokerException e) {
                boolean dropped = message.countFailure(generation) >= MAX_ATTEMPTS;
                if (dropped) {
                    removeHead(message);
                }
                this.listener.publishFailed(message, e.getMessage(), dropped);
                if (!dropped) {
                    awaitReconnect(generation);
                }
            }
        }
    }

    private synchronized void removeHead(OutgoingMessage message) {
        if (this.size > 0 && this.ring[this.head] == message) {
            this.ring[this.head] = null;
            this.head = (this.head + 1) % this.ring.length;
            this.size--;
        }
    }

    /**
     * Waits for the link to come back as a new connection; if the link still looks up (the loop has
     * not yet heard of the loss, or the failure was not a lost connection), tries again after a while.
     */
    private synchronized void awaitReconnect(int failedGeneration) {
        if (!this.stopped && this.onlineGeneration == failedGeneration) {
            waitQuietly(RETRY_WHILE_ONLINE_MS);
        }
    }

    private void waitQuietly(long ms) {
        try {
            wait(ms);
        } catch (InterruptedException e) {
            this.stopped = true;
        }
    }
}
