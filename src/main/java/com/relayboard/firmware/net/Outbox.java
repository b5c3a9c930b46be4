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
 *
 * <p>MicroPaho's publish has no timeout: on a link that died silently it waits for an
 * acknowledgement that never comes, until the client itself gives up. When the board gives such a
 * link up, {@link #replaceStuckPublisher()} leaves that publisher behind and starts a new one, which
 * publishes the same message again on the next connection; the old one, whenever its publish
 * returns, leaves the outbox alone and ends.
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
    /** Bumped when the publisher is replaced: a publisher of an older epoch leaves the outbox alone. */
    private int epoch;
    /** What the current publisher is publishing now, or {@code null}. */
    private OutgoingMessage inFlight;
    private Thread publisher;

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

    /** Starts the publisher thread. */
    public synchronized void start() {
        this.publisher = new Thread(this, "relayboard-outbox");
        this.publisher.start();
    }

    /** @return the current publisher thread (started by {@link #start()}), or {@code null} */
    public synchronized Thread publisher() {
        return this.publisher;
    }

    /**
     * The link was given up: if the publisher is blocked in a publish on it, leaves it behind and
     * starts a new publisher, which sends the same message again once the link is back online.
     */
    public synchronized void replaceStuckPublisher() {
        if (this.inFlight == null || this.stopped) {
            return;
        }
        this.epoch++;
        this.inFlight = null;
        this.publisher = new Thread(this, "relayboard-outbox");
        this.publisher.start();
        notifyAll();
    }

    /** The publisher thread's body. */
    @Override
    public void run() {
        int myEpoch;
        synchronized (this) {
            myEpoch = this.epoch;
        }
        while (true) {
            OutgoingMessage message;
            int generation;
            synchronized (this) {
                while (!this.stopped && myEpoch == this.epoch && (!this.online || this.size == 0)) {
                    waitQuietly(0);
                }
                if (this.stopped || myEpoch != this.epoch) {
                    return;
                }
                message = this.ring[this.head];
                generation = this.onlineGeneration;
                this.inFlight = message;
            }
            try {
                this.session.publish(message.topic(), message.payload(), message.qos(), false);
                synchronized (this) {
                    if (myEpoch != this.epoch) {
                        return; // Replaced while stuck: the new publisher sends it again (a QoS 1 duplicate).
                    }
                    this.inFlight = null;
                    removeHead(message);
                }
                this.listener.published(message);
            } catch (BrokerException e) {
                boolean dropped;
                synchronized (this) {
                    if (myEpoch != this.epoch) {
                        return; // Replaced while stuck: the failure belongs to the link given up.
                    }
                    this.inFlight = null;
                    dropped = message.countFailure(generation) >= MAX_ATTEMPTS;
                    if (dropped) {
                        removeHead(message);
                    }
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
