package com.relayboard.firmware.relay;

import com.relayboard.firmware.text.Utf8;

/**
 * One hop of the relay: what arrives on a topic matching {@link #from()} is published to {@link #to()}
 * with {@link #suffix()} appended to its bytes.
 */
public final class RelayRule {

    private final int number;
    private final String from;
    private final String to;
    private final String suffix;
    private final byte[] suffixBytes;

    public RelayRule(int number, String from, String to, String suffix) {
        this.number = number;
        this.from = from;
        this.to = to;
        this.suffix = suffix;
        this.suffixBytes = Utf8.encode(suffix);
    }

    /** @return the rule's number in the configuration ({@code relayboard.relay.<number>.*}), from 1 */
    public int number() {
        return this.number;
    }

    public String from() {
        return this.from;
    }

    public String to() {
        return this.to;
    }

    public String suffix() {
        return this.suffix;
    }

    /** @return whether a message on {@code topic} is relayed by this rule */
    public boolean appliesTo(String topic) {
        return Topics.matches(this.from, topic);
    }

    /** @return the payload's bytes, unchanged, followed by the suffix as UTF-8 */
    public byte[] relayedPayload(byte[] payload) {
        byte[] relayed = new byte[payload.length + this.suffixBytes.length];
        System.arraycopy(payload, 0, relayed, 0, payload.length);
        System.arraycopy(this.suffixBytes, 0, relayed, payload.length, this.suffixBytes.length);
        return relayed;
    }

    @Override
    public String toString() {
        return this.from + " -> " + this.to + " + \"" + this.suffix + "\"";
    }
}
