package com.relayboard.firmware.path;

import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Lane;
import com.relayboard.firmware.net.PublishGate;
import com.relayboard.firmware.path.OutgoingMessage.Outcome;

import com.relayboard.firmware.util.Deadline;
import com.relayboard.firmware.util.Ring;

/**
 * The bounded queue of messages to publish, and the thread that publishes them in order. Messages
 * leave the outbox only once the broker took them (a QoS 1 publish returns after its PUBACK), so a
 * connection lost in the middle loses nothing: the message is published again after the next
 * reconnect (QoS 1 allows that duplicate). A message that fails on {@link #MAX_ATTEMPTS} connections in
 * a row is dropped and reported, so that one poisonous message (one the broker answers by closing the
 * connection) cannot stop the relay; failures while one connection is down count once.
 *
 * <p>The outbox is where the board pushes back on the broker: it holds at most {@code capacity}
 * messages and {@code maxBytes} of payload (one message alone is always taken), and
 * {@link #offer(OutgoingMessage, long)} waits for room. The thread that waits there is the client's
 * delivery thread, so while the outbox is full the board takes no more messages and the broker keeps
 * them. Each message is {@link OutgoingMessage#settle settled} when it leaves: published, dropped, or
 * {@link #withdraw withdrawn}.
 *
 * <p>The publisher thread is the only one that publishes queued messages. MicroPaho's publish has no
 * timeout: on a link that died silently it waits for an acknowledgement that never comes, until the
 * client itself gives up. When the board gives such a link up, {@link #replaceStuckPublisher()} leaves
 * that publisher behind and starts a new one, which publishes the same message again on the next
 * connection; the old one, whenever its publish returns, leaves the outbox alone and ends.
 *
 * <p>The current publisher's lifecycle ({@link PublisherState}); each {@link #step(int)} moves it on once, and
 * waits at most once:
 *
 * <pre>
 *   OFFLINE --the link opens the gate, nothing queued--&gt; IDLE
 *      +-----the link opens the gate, messages queued--&gt; PUBLISHING
 *   IDLE --a message queued--&gt; PUBLISHING
 *      +--the link closes the gate--&gt; OFFLINE
 *   PUBLISHING --acknowledged, dropped after MAX_ATTEMPTS, withdrawn, or the client busy--&gt; IDLE or PUBLISHING
 *      |-------failed, the link gone or going--&gt; AWAITING_RECONNECT
 *      +-------the link given up while the publish is stuck (abandonInFlight)--&gt; left behind: a new publisher
 *              starts OFFLINE and publishes the same message again
 *   AWAITING_RECONNECT --a new connection, or RETRY_WHILE_ONLINE_MS with the link still up--&gt; OFFLINE, IDLE
 *                        or PUBLISHING
 *   any --stop()--&gt; STOPPED
 * </pre>
 *
 * <p><b>One lock.</b> The outbox's monitor is the message path's only lock: it guards the queue, the link's state
 * as the publisher sees it, the publisher's epoch, and what becomes of every message in it
 * ({@link OutgoingMessage#settle}, {@link OutgoingMessage#countFailure}); it is what the publisher, a delivery thread
 * waiting for room and a delivery thread waiting for its copy ({@link #awaitSettled}) wait on. A lock is needed
 * because each of those is a check-then-act across threads (room, then queue; PENDING, then settled; epoch, then
 * remove). It is never held across a publish or a listener call. The figures a test or the status line only
 * observes ({@link #publisherState()}, {@link #holdingWaits()}, {@link #isOnline()}) are volatile,
 * written under the lock and read without it.
 */
public final class Outbox implements PublishGate {

    /** The publisher's lifecycle: see the class comment for the transitions. */
    public enum PublisherState {
        /** The link is down: messages wait, queued. */
        OFFLINE,
        /** The link is up and nothing is queued. */
        IDLE,
        /** A publish is in progress (blocking until the broker's acknowledgement). */
        PUBLISHING,
        /** A publish failed: the publisher waits for the next connection before it tries again. */
        AWAITING_RECONNECT,
        /** Stopped: the publisher has ended, and the outbox takes nothing more. */
        STOPPED
    }

    /** Connections on which one message failed, before it is dropped. */
    public static final int MAX_ATTEMPTS = 5;
    /** After a failure with the link still up, the publisher retries after this long. */
    static final long RETRY_WHILE_ONLINE_MS = 5000;
    /** After the client said it is busy (its window of publishes is full), the publisher retries this soon. */
    static final long RETRY_WHEN_BUSY_MS = 1;

    // Guarded by this outbox's monitor (see the class comment). Volatile where read without it.
    private final Ring<OutgoingMessage> ring;
    private final int maxBytes;
    private final BrokerSession session;
    private final OutboxListener listener;
    private int bytes;
    private volatile boolean online;
    private int onlineGeneration;
    private volatile boolean stopped;
    /** See {@link #holdingWaits()}. */
    private volatile int holdingWaits;
    /** Bumped when the publisher is replaced: a publisher of an older epoch leaves the outbox alone. */
    private int epoch;
    /** What the current publisher is publishing now, or {@code null}. */
    private OutgoingMessage inFlight;
    private volatile Thread publisher;
    /** The current publisher's state. */
    private volatile PublisherState publisherState = PublisherState.OFFLINE;

    public Outbox(int capacity, BrokerSession session, OutboxListener listener) {
        this(capacity, Integer.MAX_VALUE, session, listener);
    }

    /**
     * @param maxBytes
     *            most payload bytes held at once; a larger message is taken only into an empty outbox
     */
    public Outbox(int capacity, int maxBytes, BrokerSession session, OutboxListener listener) {
        this.ring = new Ring<OutgoingMessage>(capacity);
        this.maxBytes = maxBytes;
        this.session = session;
        this.listener = listener;
    }

    /** @return whether the message was queued; {@code false} when the outbox is full (never waits) */
    public boolean offer(OutgoingMessage message) {
        try {
            return offer(message, 0);
        } catch (InterruptedException e) {
            // Cannot happen: a wait of 0 ms does not wait. Kept for the thread's owner to see.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Queues the message, waiting up to {@code timeoutMs} for room.
     *
     * @return whether it was queued; {@code false} on time-out or once the outbox is stopped
     */
    public synchronized boolean offer(final OutgoingMessage message, long timeoutMs) throws InterruptedException {
        Deadline.await(this, timeoutMs, new Deadline.Condition() {
            @Override
            public boolean holds() {
                return Outbox.this.stopped || hasRoomFor(message);
            }
        });
        if (this.stopped || !hasRoomFor(message)) {
            return false;
        }
        this.ring.offer(message);
        this.bytes += message.payload().length;
        notifyAll();
        return true;
    }

    /**
     * Publishes the message on the calling thread when the link is online and nothing is queued (so
     * order holds); otherwise queues it as {@link #offer(OutgoingMessage, long)} does. Publishing on the
     * caller's thread saves the hand-over to the publisher and back, which is most of a relayed message's
     * time. Each message leaves on its own lane ({@link OutgoingMessage#lane()}, its original's), here or on the
     * publisher, so a queued copy keeps its lane too. Several delivery threads
     * (one per receiving connection, each with its own sources) may send at once: each waits for its
     * own copy before it takes its next message, so each source's order holds. A publish that fails
     * here is queued, and the publisher retries it as any other.
     *
     * @return whether the message is published (and settled) or queued; {@code false} on time-out or
     *         once the outbox is stopped
     */
    public boolean send(OutgoingMessage message, long timeoutMs) throws InterruptedException {
        int generation;
        synchronized (this) {
            if (this.stopped || !this.online || this.ring.size() > 0 || this.inFlight != null) {
                return offer(message, timeoutMs);
            }
            generation = this.onlineGeneration;
        }
        BrokerException failure = null;
        try {
            laneOf(message).publish(message.topic(), message.payload(), message.qos(), false);
        } catch (BrokerException e) {
            failure = e;
        }
        boolean settledHere = false;
        synchronized (this) {
            if (failure == null) {
                settledHere = message.settle(Outcome.PUBLISHED);
                notifyAll();
            } else if (!failure.isBusy()) {
                // Queued below, for the publisher to retry as any other. A busy client is no failure.
                message.countFailure(generation);
            }
        }
        if (failure == null) {
            if (settledHere) {
                this.listener.published(message);
            }
            return true;
        }
        if (!failure.isBusy()) {
            this.listener.publishFailed(message, failure.getMessage(), false);
        }
        return message.outcome() != Outcome.PENDING || offer(message, timeoutMs);
    }

    /**
     * Waits until {@code message} is settled or {@code timeoutMs} passes.
     *
     * @return its outcome then ({@link Outcome#PENDING} on time-out)
     */
    public synchronized Outcome awaitSettled(final OutgoingMessage message, long timeoutMs)
            throws InterruptedException {
        Deadline.await(this, timeoutMs, new Deadline.Condition() {
            @Override
            public boolean holds() {
                return message.outcome() != Outcome.PENDING;
            }
        });
        return message.outcome();
    }

    /** @return the lane {@code message} leaves on: its original's, or the session's first for the board's own */
    private Lane laneOf(OutgoingMessage message) {
        return message.lane() != null ? message.lane() : this.session;
    }

    private boolean hasRoomFor(OutgoingMessage message) {
        return !this.ring.isFull()
                && (this.ring.size() == 0 || message.payload().length <= this.maxBytes - this.bytes);
    }

    /** @return whether a message could be queued now */
    public synchronized boolean hasRoom() {
        return !this.ring.isFull();
    }

    /** @return how many messages are queued */
    public synchronized int size() {
        return this.ring.size();
    }

    public int capacity() {
        return this.ring.capacity();
    }

    /**
     * @return how many times a publisher began to wait with messages queued (the link offline, or a failed
     *         publish waiting for the reconnect): once it has, it publishes nothing until the link changes, which
     *         lets a test check that nothing was published without sleeping
     */
    public int holdingWaits() {
        return this.holdingWaits;
    }

    /** @return whether the publisher may publish: the link is up */
    public boolean isOnline() {
        return this.online;
    }

    @Override
    public void open() {
        setOnline(true);
    }

    @Override
    public void close() {
        setOnline(false);
    }

    @Override
    public void abandonInFlight() {
        replaceStuckPublisher();
    }

    public synchronized void setOnline(boolean online) {
        if (online && !this.online) {
            this.onlineGeneration++;
        }
        this.online = online;
        notifyAll();
    }

    /**
     * Takes a message out before it is published, and settles it {@link Outcome#WITHDRAWN}. If a stuck
     * publish still holds it, whatever that publish does later no longer counts.
     *
     * @return whether it was still pending
     */
    public synchronized boolean withdraw(OutgoingMessage message) {
        if (!message.settle(Outcome.WITHDRAWN)) {
            return false;
        }
        int at = this.ring.indexOf(message);
        if (at >= 0) {
            removeAt(at);
        }
        notifyAll();
        return true;
    }

    /**
     * Stops the publisher; messages still queued are withdrawn, so that no one waits for them.
     *
     * @return the messages withdrawn
     */
    public synchronized OutgoingMessage[] stop() {
        this.stopped = true;
        this.publisherState = PublisherState.STOPPED;
        OutgoingMessage[] withdrawn = new OutgoingMessage[this.ring.size()];
        for (int i = 0; i < withdrawn.length; i++) {
            withdrawn[i] = removeAt(0);
            withdrawn[i].settle(Outcome.WITHDRAWN);
        }
        notifyAll();
        return withdrawn;
    }

    public boolean isStopped() {
        return this.stopped;
    }

    /** Starts the publisher thread. */
    public synchronized void start() {
        startPublisher();
    }

    /** @return the current publisher thread (started by {@link #start()}), or {@code null} */
    public Thread publisher() {
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
        this.publisherState = this.online ? PublisherState.IDLE : PublisherState.OFFLINE;
        startPublisher();
        notifyAll();
    }

    /** Under the lock: starts a publisher of the current epoch. */
    private void startPublisher() {
        this.publisher = new Thread(new Publisher(this.epoch), "relayboard-outbox");
        this.publisher.start();
    }

    /** @return the current publisher's state */
    public PublisherState publisherState() {
        return this.publisherState;
    }

    /** One publisher thread: it knows its epoch from its start, so a replacement never shares it. */
    private final class Publisher implements Runnable {

        private final int epoch;

        Publisher(int epoch) {
            this.epoch = epoch;
        }

        /** Steps until stopped or left behind. */
        @Override
        public void run() {
            while (step(this.epoch)) {
                // Each step publishes at most one message.
            }
        }
    }

    /**
     * One step of the publisher of {@code myEpoch}: waits for the link and a message (OFFLINE, IDLE), publishes the
     * first message (PUBLISHING), and after a failure waits for the next connection (AWAITING_RECONNECT).
     *
     * @return whether to step again: {@code false} once stopped or left behind
     */
    private boolean step(int myEpoch) {
        OutgoingMessage message;
        int generation;
        synchronized (this) {
            while (!this.stopped && myEpoch == this.epoch && (!this.online || this.ring.size() == 0)) {
                if (this.ring.size() > 0) {
                    this.holdingWaits++;
                }
                this.publisherState = this.online ? PublisherState.IDLE : PublisherState.OFFLINE;
                waitQuietly(0);
            }
            if (this.stopped || myEpoch != this.epoch) {
                return false;
            }
            message = this.ring.peek();
            generation = this.onlineGeneration;
            this.inFlight = message;
            this.publisherState = PublisherState.PUBLISHING;
        }
        BrokerException failure = null;
        try {
            laneOf(message).publish(message.topic(), message.payload(), message.qos(), false);
        } catch (BrokerException e) {
            failure = e;
        }
        boolean report;
        boolean dropped = false;
        synchronized (this) {
            if (myEpoch != this.epoch) {
                // Replaced while stuck: the new publisher sends it again (a QoS 1 duplicate), and a failure belongs
                // to the link given up.
                return false;
            }
            this.inFlight = null;
            if (failure == null) {
                removeHead(message);
                report = message.settle(Outcome.PUBLISHED);
            } else if (failure.isBusy()) {
                // Not a failure: the client frees its window a moment later. Counted nowhere.
                waitQuietly(RETRY_WHEN_BUSY_MS);
                return true;
            } else if (message.outcome() != Outcome.PENDING) {
                return true; // Withdrawn meanwhile: nothing to retry or report.
            } else {
                report = true;
                dropped = message.countFailure(generation) >= MAX_ATTEMPTS;
                if (dropped) {
                    removeHead(message);
                    message.settle(Outcome.DROPPED);
                }
            }
            notifyAll();
        }
        if (failure == null) {
            if (report) {
                this.listener.published(message);
            }
            return true;
        }
        this.listener.publishFailed(message, failure.getMessage(), dropped);
        if (!dropped) {
            awaitReconnect(myEpoch, generation);
        }
        return true;
    }

    /** Under the lock: takes {@code message} off the head, if it is still there. */
    private void removeHead(OutgoingMessage message) {
        if (this.ring.peek() == message) {
            removeAt(0);
        }
    }

    /** Under the lock: removes the {@code index}-th queued message, keeping the others in order. */
    private OutgoingMessage removeAt(int index) {
        OutgoingMessage removed = this.ring.removeAt(index);
        this.bytes -= removed.payload().length;
        notifyAll();
        return removed;
    }

    /**
     * AWAITING_RECONNECT: waits for the link to come back as a new connection; if the link still looks up (the loop
     * has not yet heard of the loss, or the failure was not a lost connection), tries again after a while.
     */
    private synchronized void awaitReconnect(int myEpoch, int failedGeneration) {
        if (myEpoch != this.epoch || this.stopped) {
            return;
        }
        this.publisherState = PublisherState.AWAITING_RECONNECT;
        if (this.onlineGeneration == failedGeneration) {
            this.holdingWaits++;
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
