package com.relayboard.firmware.path;

/**
 * What the message path did with one message, for the console, the LCD and the LED: made by the
 * path after it acted, shown by the loop afterwards. Holds at most {@link #MAX_PAYLOAD_BYTES} of the
 * payload (the console shows no more), so that reports waiting to be shown never hold a burst's
 * payloads.
 */
public final class MessageReport {

    /** What became of the message. */
    public enum Kind {
        /** Handed to publishing under its rule. */
        RELAYED,
        /** On no relay rule, or empty with {@code relayboard.relay.emptyPayload=skip}: shown only. */
        SHOWN,
        /** Dropped on arrival (too large, say): counted, and said. */
        DROPPED,
        /** A relayed copy given up after failed publishes ({@link #topic()} is its target): counted, and said. */
        NOT_PUBLISHED
    }

    /** Payload bytes a report keeps: four bytes for each of the console's 1024 characters. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private final Kind kind;
    private final String topic;
    private final byte[] payload;
    private final int payloadLength;
    private final int ruleNumber;
    private final String reason;

    /**
     * @param ruleNumber
     *            the rule it fell under, or 0
     * @param reason
     *            why it was dropped, or {@code null}
     */
    public MessageReport(Kind kind, String topic, byte[] payload, int ruleNumber, String reason) {
        this.kind = kind;
        this.topic = topic;
        this.payload = head(payload);
        this.payloadLength = payload.length;
        this.ruleNumber = ruleNumber;
        this.reason = reason;
    }

    /** @return at most {@link #MAX_PAYLOAD_BYTES} of {@code payload}, cut before a UTF-8 continuation byte */
    private static byte[] head(byte[] payload) {
        if (payload.length <= MAX_PAYLOAD_BYTES) {
            return payload;
        }
        int end = MAX_PAYLOAD_BYTES;
        while (end > 0 && (payload[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] head = new byte[end];
        System.arraycopy(payload, 0, head, 0, end);
        return head;
    }

    public Kind kind() {
        return this.kind;
    }

    public String topic() {
        return this.topic;
    }

    /** @return the payload, or its first {@link #MAX_PAYLOAD_BYTES} when longer */
    public byte[] payload() {
        return this.payload;
    }

    /** @return the whole payload's length in bytes */
    public int payloadLength() {
        return this.payloadLength;
    }

    public int ruleNumber() {
        return this.ruleNumber;
    }

    public String reason() {
        return this.reason;
    }
}
