package com.relayboard.firmware.relay;

/**
 * The relay rules: which rule a received message falls under, and what it becomes. The payload's
 * bytes are kept exactly; the rule's suffix is appended as UTF-8.
 */
public final class Relay {

    private final RelayRule[] rules;
    private final int qos;

    /** @param qos the QoS of relayed messages */
    public Relay(RelayRule[] rules, int qos) {
        this.rules = rules.clone();
        this.qos = qos;
    }

    /** @return the first rule that applies to {@code topic}, or {@code null} */
    public RelayRule ruleFor(String topic) {
        for (RelayRule rule : this.rules) {
            if (rule.appliesTo(topic)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * @param holdsAcknowledgement
     *            whether the original is acknowledged only once this copy is published
     * @return the message to publish for {@code payload} under {@code rule}
     */
    public OutgoingMessage relay(RelayRule rule, byte[] payload, boolean holdsAcknowledgement) {
        return new OutgoingMessage(rule.to(), rule.relayedPayload(payload), this.qos, rule.number(),
                holdsAcknowledgement);
    }

    /** @return the distinct source filters, in rule order: what the board subscribes to */
    public String[] sourceFilters() {
        String[] filters = new String[this.rules.length];
        int count = 0;
        for (RelayRule rule : this.rules) {
            boolean seen = false;
            for (int i = 0; i < count; i++) {
                seen |= filters[i].equals(rule.from());
            }
            if (!seen) {
                filters[count++] = rule.from();
            }
        }
        String[] distinct = new String[count];
        System.arraycopy(filters, 0, distinct, 0, count);
        return distinct;
    }
}
