package com.relayboard.firmware.path;

import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.relay.RelayRule;
import com.relayboard.firmware.relay.RuleChecks;
import com.relayboard.firmware.relay.RuleRefusal;
import com.relayboard.firmware.relay.RuleTableJson;
import com.relayboard.firmware.text.PayloadText;

/**
 * The rule tables that come over MQTT (the retained command on the rules topic), taken on the delivery thread and
 * shown by the loop. A table is read, checked ({@link RuleChecks}, as the options' rules are) and, if it passes,
 * put in force whole at once: the message path relays the next message by it. A refused table, an empty message
 * (a client clearing the retained command) and one over the board's payload limit change nothing.
 *
 * <p>The switch happens here, on the thread that delivers the table (the first lane's publishing connection's
 * callback), not on the loop: a message taken after the table is relayed by the new table, never by the old one for
 * as long as the loop takes to look. At connect, the session takes the retained table before any receiving
 * connection connects ({@code net.PahoBrokerSession}), so a persistent session's backlog and the sources' retained
 * messages all come after it. What the switch did is kept for the loop: the
 * newest outcome, and how many came since it last looked (a table published many times a second is applied each
 * time, said once).
 */
public final class RuleTables {

    /** What a table did. */
    public enum Kind {
        /** The table is in force. */
        APPLIED,
        /** Refused: the rules in force stay. */
        REFUSED,
        /** An empty message: a client cleared the retained command; the rules in force stay. */
        EMPTY
    }

    /** One table's outcome, for the loop. */
    public static final class Outcome {

        private final Kind kind;
        private final RelayRule[] before;
        private final RelayRule[] after;
        private final String reason;
        private final int superseded;

        Outcome(Kind kind, RelayRule[] before, RelayRule[] after, String reason, int superseded) {
            this.kind = kind;
            this.before = before;
            this.after = after;
            this.reason = reason;
            this.superseded = superseded;
        }

        public Kind kind() {
            return this.kind;
        }

        /** @return the rules in force before the first of the tables this outcome sums up */
        public RelayRule[] before() {
            return this.before.clone();
        }

        /** @return the rules in force now */
        public RelayRule[] after() {
            return this.after.clone();
        }

        /** @return why the table was refused, or {@code null} */
        public String reason() {
            return this.reason;
        }

        /** @return how many tables came, and were applied or refused, before this one since the loop last looked */
        public int superseded() {
            return this.superseded;
        }
    }

    /** A table in force with its source: never changed once made. */
    private static final class InForce {

        final RelayRule[] rules;
        final String source;

        InForce(RelayRule[] rules, String source) {
            this.rules = rules;
            this.source = source;
        }
    }

    private final int qos;
    private final String[] ownTopics;
    private final String group;
    private final int maxTableBytes;
    /**
     * The rules in force and where they came from ({@code options} or {@code mqtt}), replaced whole: written under
     * this object's monitor, read by anyone without it.
     */
    private volatile InForce inForce;
    // Guarded by this object's monitor: the hand-over from the delivery thread to the loop. A lock, because the
    // newest outcome and the count of tables since the loop last looked change together.
    /** The rules in force when the loop last looked. */
    private RelayRule[] shown;
    private Outcome newest;
    private int arrivedSinceShown;

    /**
     * @param ownTopics
     *            the board's own topics, as {@link RuleChecks#check} takes them
     * @param maxTableBytes
     *            a larger message is refused before it is read (the board's payload limit)
     */
    public RuleTables(RelayRule[] options, int qos, String[] ownTopics, String group, int maxTableBytes) {
        this.inForce = new InForce(options.clone(), "options");
        this.shown = this.inForce.rules;
        this.qos = qos;
        this.ownTopics = ownTopics.clone();
        this.group = group;
        this.maxTableBytes = maxTableBytes;
    }

    /**
     * On the delivery thread: reads, checks and, if it passes, puts {@code payload}'s table in force.
     *
     * @return the relay by the new table, or {@code null} when nothing changed
     */
    public synchronized Relay offer(byte[] payload) {
        this.arrivedSinceShown++;
        if (payload.length == 0) {
            this.newest = new Outcome(Kind.EMPTY, this.shown, this.inForce.rules, null, this.arrivedSinceShown - 1);
            return null;
        }
        if (payload.length > this.maxTableBytes) {
            // Refused before it is read: the reader's strings would take as much memory again.
            refused(payload.length + " bytes is over the board's largest message (relayboard.mqtt.maxPayloadBytes "
                    + this.maxTableBytes + "), not read");
            return null;
        }
        RelayRule[] rules;
        try {
            rules = RuleTableJson.read(payload);
            RuleChecks.check(rules, this.ownTopics, this.group, RuleTableJson.NAMES);
        } catch (RuleRefusal e) {
            refused(e.getMessage());
            return null;
        }
        this.inForce = new InForce(rules, "mqtt");
        this.newest = new Outcome(Kind.APPLIED, this.shown, rules, null, this.arrivedSinceShown - 1);
        return new Relay(rules, this.qos);
    }

    private void refused(String reason) {
        this.newest = new Outcome(Kind.REFUSED, this.shown, this.inForce.rules, reason, this.arrivedSinceShown - 1);
    }

    /** On the loop: @return what the tables since the last call did (the newest, with how many it supersedes), or null */
    public synchronized Outcome take() {
        Outcome outcome = this.newest;
        this.newest = null;
        this.arrivedSinceShown = 0;
        this.shown = this.inForce.rules;
        return outcome;
    }

    /** @return the rules in force */
    public RelayRule[] inForce() {
        return this.inForce.rules.clone();
    }

    /** @return where the rules in force came from: {@code options} or {@code mqtt} */
    public String source() {
        return this.inForce.source;
    }

    /** @return the table in force as the board publishes it, retained */
    public String describeJson() {
        InForce now = this.inForce;
        return RuleTableJson.write(now.rules, now.source);
    }

    /**
     * @return what changed from {@code before} to {@code after}, rule by rule, as the console says it:
     *         {@code rule 3 added: /a -> /b + " x"; rule 1 changed: ...}; empty when nothing did
     */
    public static String changes(RelayRule[] before, RelayRule[] after) {
        StringBuilder text = new StringBuilder();
        int count = Math.max(before.length, after.length);
        for (int i = 0; i < count; i++) {
            String change = null;
            if (i >= before.length) {
                change = "rule " + (i + 1) + " added: " + after[i];
            } else if (i >= after.length) {
                change = "rule " + (i + 1) + " removed: " + before[i];
            } else if (!before[i].toString().equals(after[i].toString())) {
                change = "rule " + (i + 1) + " changed: " + after[i] + " (was " + before[i] + ")";
            }
            if (change != null) {
                text.append(text.length() == 0 ? "" : "; ").append(change);
            }
        }
        return PayloadText.escapeTopic(text.toString(), 4096);
    }
}
