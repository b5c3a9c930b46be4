package com.relayboard.firmware.net;

/** A message waiting in the {@link Outbox} to be published. */
public final class OutgoingMessage {

    private final String topic;
    private final byte[] payload;
    private final int qos;
    private final int ruleNumber;
    private int failedAttempts;
    private int lastFailedGeneration = -1;

    /** @param ruleNumber the relay rule that produced it */
    public OutgoingMessage(String topic, byte[] payload, int qos, int ruleNumber) {
        this.topic = topic;
        this.payload = payload;
        this.qos = qos;
        this.ruleNumber = ruleNumber;
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

    int failedAttempts() {
        return this.failedAttempts;
    }

    /** Counts a failure once per connection ({@code generation}); returns the failures so far. */
    int countFailure(int generation) {
        if (generation != this.lastFailedGeneration) {
            this.lastFailedGeneration = generation;
            this.failedAttempts++;
        }
        return this.failedAttempts;
    }
}
