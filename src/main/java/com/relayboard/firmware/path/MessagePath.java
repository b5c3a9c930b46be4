package com.relayboard.firmware.path;

import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.DeliveryReceipt;
import com.relayboard.firmware.net.Lane;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.relay.RelayRule;

/**
 * The message path: receive, relay, publish, acknowledge. Runs on the client's delivery threads and
 * the outbox's publisher thread, never on the loop; what it did is left for the loop to show
 * ({@link PathEvents}), which never holds the relay back.
 *
 * <p>A message on a relay rule's source becomes its relayed copy, handed to the {@link Outbox} at
 * once (published on the delivery thread, or queued). The message is acknowledged to the broker only
 * when the board no longer needs the broker to keep it:
 * <ul>
 * <li>QoS 1: once its copy is published (the broker acknowledged the copy) or dropped on purpose,
 * counted and said. A board that dies at any moment before that has not acknowledged it, so a
 * persistent session loses nothing: the broker delivers it again.</li>
 * <li>QoS 0: once its copy is handed over, since the broker would not deliver it again anyway.</li>
 * </ul>
 * While the outbox is full, or a QoS 1 copy is not yet acknowledged, the delivery thread waits on
 * the message's {@link DeliveryReceipt}: that is the flow control. The board takes no more messages,
 * the broker keeps them (up to its own limits), and the board's memory is the outbox's bound, never
 * the burst's size.
 */
public final class MessagePath implements BrokerListener, OutboxListener {

    /** The rules in force: replaced whole by {@link #ruleTables} on a delivery thread, read by every message. */
    private volatile Relay relay;
    private final int maxPayloadBytes;
    private final boolean relayEmptyPayloads;
    private final String probeTopic;
    private final PathEvents events;
    /** The board's command topic (LED control), or {@code null}: its messages go to {@link #commands}. */
    private String commandTopic;
    private Commands commands;
    /** The rules command topic, or {@code null}: its messages go to {@link #ruleTables}. */
    private String rulesTopic;
    private RuleTables ruleTables;
    /** The telemetry request topic, or {@code null}. */
    private String telemetryTopic;
    /** Set by a delivery thread, cleared by the loop. */
    private volatile boolean telemetryAsked;
    private final RelayCounters counters = new RelayCounters();
    private Outbox outbox;
    /** The monotonic clock the ack latency is measured on, or {@code null}: not measured. */
    private volatile Clock clock;

    /**
     * @param maxPayloadBytes
     *            a message larger than this is dropped (counted and said) instead of relayed
     * @param relayEmptyPayloads
     *            whether an empty message on a rule's source is relayed ({@code relayboard.relay.emptyPayload});
     *            if not, it is only shown: a client clearing a retained message sent it
     * @param probeTopic
     *            the board's own probe topic: messages on it are only heard, never shown or relayed
     */
    public MessagePath(Relay relay, int maxPayloadBytes, boolean relayEmptyPayloads, String probeTopic,
            PathEvents events) {
        this.relay = relay;
        this.maxPayloadBytes = maxPayloadBytes;
        this.relayEmptyPayloads = relayEmptyPayloads;
        this.probeTopic = probeTopic;
        this.events = events;
    }

    /** Takes messages on {@code topic} as commands instead of relaying them; once, before the first message. */
    public void takeCommands(String topic, Commands taker) {
        this.commandTopic = topic;
        this.commands = taker;
    }

    /** Takes messages on {@code topic} as requests for a telemetry document; once, before the first message. */
    public void takeTelemetryRequests(String topic) {
        this.telemetryTopic = topic;
    }

    /** On the loop: @return whether a telemetry document was asked for since the last call */
    public boolean takeTelemetryRequest() {
        boolean asked = this.telemetryAsked;
        this.telemetryAsked = false;
        return asked;
    }

    /** Takes rule tables on {@code topic} instead of relaying its messages; once, before the first message. */
    public void takeRuleTables(String topic, RuleTables tables) {
        this.rulesTopic = topic;
        this.ruleTables = tables;
    }

    /** Measures each copy's time from receipt to acknowledgement on {@code monotonic}; once, before the first message. */
    public void measureWith(Clock monotonic) {
        this.clock = monotonic;
    }

    /** Sets the outbox relayed copies go to; once, before the first message. */
    public void publishThrough(Outbox relayOutbox) {
        this.outbox = relayOutbox;
    }

    public RelayCounters counters() {
        return this.counters;
    }

    /** @return how many times the broker was heard (messages and acknowledgements): a change means alive */
    public int heardCount() {
        return this.counters.heard();
    }

    private void heard() {
        this.counters.countHeard();
    }

    // BrokerListener: on the receiving connection's delivery thread; for the rules topic, on the first lane's publishing
    // connection's callback thread, which cannot wait for a receipt (only SAFE_NOW comes back from a settings topic).

    @Override
    public DeliveryReceipt onMessage(Lane lane, String topic, byte[] payload, int qos) {
        heard();
        if (topic.equals(this.probeTopic)) {
            return DeliveryReceipt.SAFE_NOW;
        }
        if (topic.equals(this.commandTopic)) {
            this.commands.offer(payload);
            this.events.commandArrived();
            return DeliveryReceipt.SAFE_NOW;
        }
        if (topic.equals(this.telemetryTopic)) {
            this.telemetryAsked = true;
            this.events.commandArrived();
            return DeliveryReceipt.SAFE_NOW;
        }
        if (topic.equals(this.rulesTopic)) {
            Relay next = this.ruleTables.offer(payload);
            if (next != null) {
                // From the next message on. A copy made by the old rules is already on its way.
                this.relay = next;
            }
            this.events.commandArrived();
            return DeliveryReceipt.SAFE_NOW;
        }
        Relay rules = this.relay;
        RelayRule rule = rules.ruleFor(topic);
        if (rule == null) {
            // Only a source that a table no longer has (its subscription outlives the rule): shown, counted.
            this.counters.countUnmatched();
        }
        if (rule == null || (payload.length == 0 && !this.relayEmptyPayloads)) {
            this.events.report(new MessageReport(MessageReport.Kind.SHOWN, topic, payload, 0, null));
            return DeliveryReceipt.SAFE_NOW;
        }
        this.counters.countTaken(rule.number());
        if (payload.length > this.maxPayloadBytes) {
            // Dropped on purpose and acknowledged: delivered again, it would only be dropped again.
            this.counters.countDropped(rule.number(), RelayCounters.TOO_LARGE);
            this.events.report(new MessageReport(MessageReport.Kind.DROPPED, topic, payload, rule.number(),
                    payload.length + " bytes is over relayboard.mqtt.maxPayloadBytes (" + this.maxPayloadBytes + ")"));
            return DeliveryReceipt.SAFE_NOW;
        }
        OutgoingMessage copy = relayedCopy(rules, rule, payload, qos > 0, lane);
        Clock measuring = this.clock;
        if (measuring != null) {
            copy.takenAt(measuring.nowMs());
        }
        return new RelayReceipt(this, this.outbox, copy, new MessageReport(MessageReport.Kind.RELAYED, topic, payload, rule.number(),
                null));
    }

    /**
     * @param holdsAcknowledgement
     *            whether the original is acknowledged only once this copy is published
     * @return the message to publish for {@code payload} under {@code rule}, at the relay's QoS
     */
    public static OutgoingMessage relayedCopy(Relay relay, RelayRule rule, byte[] payload,
            boolean holdsAcknowledgement) {
        return relayedCopy(relay, rule, payload, holdsAcknowledgement, null);
    }

    /** As {@link #relayedCopy(Relay, RelayRule, byte[], boolean)}, leaving on {@code lane}, the original's. */
    static OutgoingMessage relayedCopy(Relay relay, RelayRule rule, byte[] payload, boolean holdsAcknowledgement,
            Lane lane) {
        return new OutgoingMessage(rule.to(), rule.relayedPayload(payload), relay.qos(), rule.number(),
                holdsAcknowledgement, lane);
    }

    @Override
    public void onConnectionLost(String reason, boolean closedByBroker) {
        this.events.connectionLost(reason, closedByBroker);
    }

    // OutboxListener: on the publisher thread.

    @Override
    public void published(OutgoingMessage message) {
        if (message.qos() > 0) {
            heard(); // Its acknowledgement came back: the link is alive.
        }
        if (message.ruleNumber() > 0) {
            Clock measuring = this.clock;
            long takenAtMs = message.takenAtMs();
            this.counters.countRelayed(message.ruleNumber(),
                    measuring == null || takenAtMs < 0 ? -1 : measuring.nowMs() - takenAtMs);
        }
    }

    @Override
    public void publishFailed(OutgoingMessage message, String reason, boolean dropped) {
        if (!dropped) {
            this.events.publishRetrying(message.topic(), reason);
            return;
        }
        if (message.ruleNumber() > 0) {
            this.counters.countDropped(message.ruleNumber(), RelayCounters.NOT_PUBLISHED);
        }
        this.events.report(new MessageReport(MessageReport.Kind.NOT_PUBLISHED, message.topic(), message.payload(),
                message.ruleNumber(), "after " + Outbox.MAX_ATTEMPTS + " failed connections: " + reason));
    }

    /**
     * The board stops: copies still queued are withdrawn. Those whose originals wait are given back to
     * the broker; the others (copies of QoS 0 messages) are lost, and counted as dropped.
     *
     * @return how many were lost
     */
    public int stop() {
        OutgoingMessage[] withdrawn = this.outbox.stop();
        int lost = 0;
        for (OutgoingMessage copy : withdrawn) {
            if (!copy.holdsAcknowledgement() && copy.ruleNumber() > 0) {
                this.counters.countDropped(copy.ruleNumber(), RelayCounters.BOARD_STOPPED);
                lost++;
            }
        }
        return lost;
    }

    void countGivenBack(int rule) {
        this.counters.countGivenBack(rule);
    }

    /** A QoS 0 message whose connection ended before its copy could be queued: lost, counted and said. */
    void lostBeforeQueued(MessageReport report, OutgoingMessage copy) {
        this.counters.countDropped(copy.ruleNumber(), RelayCounters.CONNECTION_LOST);
        this.events.report(new MessageReport(MessageReport.Kind.DROPPED, report.topic(), report.payload(),
                copy.ruleNumber(), "its connection ended before it could be queued"));
    }

    PathEvents events() {
        return this.events;
    }
}
