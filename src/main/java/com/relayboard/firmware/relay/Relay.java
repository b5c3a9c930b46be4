package com.relayboard.firmware.relay;

/**
 * The relay rules: which rule a received message falls under, at which QoS its copy goes, and what the board
 * subscribes to. The copy itself is made by the message path ({@code path.MessagePath.relayedCopy}): this
 * package holds rules only, and knows neither the path nor the transport.
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

    /** @return the QoS of relayed messages */
    public int qos() {
        return this.qos;
    }

    /**
     * @param group
     *            the board's relay group, or {@code null} for none
     * @return what the board subscribes to: the distinct source filters, in rule order, each through the group's
     *         shared subscription ({@code $share/<group>/<filter>}) when there is a group. The broker delivers a
     *         shared subscription's messages under their original topics, so {@link #ruleFor(String)} matches them
     *         as it does without a group.
     */
    public String[] subscriptionFilters(String group) {
        String[] filters = sourceFilters();
        if (group != null) {
            for (int i = 0; i < filters.length; i++) {
                filters[i] = Topics.shared(group, filters[i]);
            }
        }
        return filters;
    }

    /** @return the distinct source filters, in rule order */
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
