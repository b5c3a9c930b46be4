package com.relayboard.firmware.path;

import com.relayboard.firmware.net.Lane;

/**
 * A message waiting in the outbox to be published, and what became of it.
 *
 * <p>A relayed copy of a QoS 1 message {@link #holdsAcknowledgement() holds the acknowledgement} of
 * the message it came from: the client acknowledges the original only once this copy is
 * {@link Outcome#PUBLISHED published} (the broker acknowledged it) or {@link Outcome#DROPPED dropped}
 * on purpose, and the thread that delivered the original waits in {@link Outbox#awaitSettled} until
 * then.
 *
 * <p>A message has no lock of its own: what becomes of it is the outbox's business, decided under the outbox's
 * monitor (the one lock of the message path), which also wakes whoever waits for it. Its outcome is volatile, so
 * anyone may look at it.
 *
 * <pre>
 *   PENDING --publish acknowledged--&gt; PUBLISHED
 *      |----failed on MAX_ATTEMPTS connections--&gt; DROPPED
 *      +----withdrawn (the original goes back to the broker, or the board stops)--&gt; WITHDRAWN
 * </pre>
 */
public final class OutgoingMessage {

    /** What became of a message. */
    public enum Outcome {
        /** Queued or being published. */
        PENDING,
        /** The broker took it (a QoS 1 publish was acknowledged). */
        PUBLISHED,
        /** Given up after too many failed connections: counted and said. */
        DROPPED,
        /** Taken out before it was published: its original is the broker's to deliver again. */
        WITHDRAWN
    }

    private final String topic;
    private final byte[] payload;
    private final int qos;
    private final int ruleNumber;
    private final boolean holdsAcknowledgement;
    /** The lane it leaves on, or {@code null} for the outbox's default (the session's first lane). */
    private final Lane lane;
    /** Written under the outbox's monitor (or by one thread, in a test). */
    private volatile int failedAttempts;
    private int lastFailedGeneration = -1;
    /** Written under the outbox's monitor only ({@link #settle}); read by anyone. */
    private volatile Outcome outcome = Outcome.PENDING;

    /** A copy whose original needs no acknowledgement (QoS 0), or a message of the board's own. */
    public OutgoingMessage(String topic, byte[] payload, int qos, int ruleNumber) {
        this(topic, payload, qos, ruleNumber, false);
    }

    /**
     * @param ruleNumber
     *            the relay rule that produced it
     * @param holdsAcknowledgement
     *            whether the original waits for this copy before it is acknowledged
     */
    public OutgoingMessage(String topic, byte[] payload, int qos, int ruleNumber, boolean holdsAcknowledgement) {
        this(topic, payload, qos, ruleNumber, holdsAcknowledgement, null);
    }

    /**
     * @param lane
     *            the lane its original came on, which it leaves on (whoever publishes it), or {@code null} for the
     *            outbox's default lane
     */
    public OutgoingMessage(String topic, byte[] payload, int qos, int ruleNumber, boolean holdsAcknowledgement,
            Lane lane) {
        this.lane = lane;
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
        this.ruleNumber = ruleNumber;
        this.holdsAcknowledgement = holdsAcknowledgement;
    }

    /** When its original was taken, on the path's clock, or -1 when not measured: the ack latency counts from there. */
    private volatile long takenAtMs = -1;

    void takenAt(long nowMs) {
        this.takenAtMs = nowMs;
    }

    long takenAtMs() {
        return this.takenAtMs;
    }

    /** @return the lane it leaves on, or {@code null} for the outbox's default */
    public Lane lane() {
        return this.lane;
    }

    public String topic() {
        return this.topic;
    }

    public byte[] payload() {
        return this.payload;
    }

    public int qos() {
        return this.qos;
    }

    public int ruleNumber() {
        return this.ruleNumber;
    }

    /** @return whether the original message is acknowledged only once this copy is settled */
    public boolean holdsAcknowledgement() {
        return this.holdsAcknowledgement;
    }

    public Outcome outcome() {
        return this.outcome;
    }

    /**
     * Records what became of the message; under the outbox's monitor, which then wakes whoever waits for it. Only
     * the first outcome counts: a message withdrawn while a stuck publish still held it stays withdrawn.
     *
     * @return whether this call settled it
     */
    boolean settle(Outcome settled) {
        if (this.outcome != Outcome.PENDING || settled == Outcome.PENDING) {
            return false;
        }
        this.outcome = settled;
        return true;
    }

    /** @return failed attempts so far, each on a different connection */
    public int failedAttempts() {
        return this.failedAttempts;
    }

    /**
     * Counts a failure once per connection ({@code generation}); returns the failures so far. Under the outbox's
     * monitor.
     */
    public int countFailure(int generation) {
        if (generation != this.lastFailedGeneration) {
            this.lastFailedGeneration = generation;
            this.failedAttempts++;
        }
        return this.failedAttempts;
    }
}
