package com.relayboard.firmware.relay;

/**
 * The one check of a rule table, whether it comes from the application options ({@code ConfigLoader}) or over
 * MQTT (the rules topic): topic syntax and lengths, the board's own topics as sources, the relay group's
 * subscriptions, and rules that would relay forever. The first problem is refused with one line that names the
 * rule's field (through {@link RuleNames}), what it must be and what it was.
 */
public final class RuleChecks {

    /** At most this many relay rules; the board subscribes to each rule's source. */
    public static final int MAX_RULES = 8;

    private RuleChecks() {
    }

    /**
     * @param ownTopics
     *            topics that are the board's own (status, LED commands, rules commands, ...), each with what it is
     *            ({@code {"status topic", "relayboard/x/status", ...}}, pairs); no rule may relay them. A
     *            {@code null} topic is skipped.
     * @param group
     *            the relay group, or {@code null}: each source must make a valid shared subscription in it
     */
    public static void check(RelayRule[] rules, String[] ownTopics, String group, RuleNames names)
            throws RuleRefusal {
        if (rules.length > MAX_RULES) {
            throw new RuleRefusal("at most " + MAX_RULES + " relay rules, not " + rules.length);
        }
        for (RelayRule rule : rules) {
            String problem = Topics.checkTopicFilter(rule.from());
            if (problem != null) {
                throw invalid(names.field(rule.number(), "from"), "is not a valid topic filter: " + problem,
                        rule.from());
            }
            problem = Topics.checkTopicName(rule.to());
            if (problem != null) {
                throw invalid(names.field(rule.number(), "to"), "is not a topic the board can publish to: " + problem,
                        rule.to());
            }
        }
        for (int i = 0; i + 1 < ownTopics.length; i += 2) {
            String topic = ownTopics[i + 1];
            if (topic == null) {
                continue;
            }
            for (RelayRule rule : rules) {
                if (rule.appliesTo(topic)) {
                    // A message there would be both the board's own and one to relay: refused rather than guessed.
                    throw new RuleRefusal(names.field(rule.number(), "from") + " would relay the board's "
                            + ownTopics[i] + " " + topic);
                }
            }
        }
        if (group != null) {
            for (RelayRule rule : rules) {
                String filter = Topics.shared(group, rule.from());
                String problem = Topics.checkTopicFilter(filter);
                if (problem != null) {
                    throw invalid(names.group(), "makes rule " + rule.number() + "'s subscription " + filter
                            + " one the board cannot make: " + problem, group);
                }
            }
        }
        checkNoLoop(rules, names);
    }

    /**
     * Refuses rules that would relay a message forever: a cycle of rules where each one's target topic matches the
     * next one's source. Each hop appends a suffix, so such a loop would also grow the payload without end.
     */
    private static void checkNoLoop(RelayRule[] rules, RuleNames names) throws RuleRefusal {
        int count = rules.length;
        // 0 = not visited, 1 = on the current path, 2 = done
        int[] mark = new int[count];
        int[] path = new int[count + 1];
        for (int start = 0; start < count; start++) {
            if (mark[start] == 0) {
                int loopAt = findCycle(rules, start, mark, path, 0);
                if (loopAt >= 0) {
                    throw new RuleRefusal(loopFields(rules, path, loopAt, names) + " relay in a loop forever: "
                            + describeLoop(rules, path, loopAt));
                }
            }
        }
    }

    /** Depth-first search; returns the path length when a cycle closes, -1 otherwise. */
    private static int findCycle(RelayRule[] rules, int rule, int[] mark, int[] path, int depth) {
        mark[rule] = 1;
        path[depth] = rule;
        for (int next = 0; next < rules.length; next++) {
            if (!rules[next].appliesTo(rules[rule].to())) {
                continue;
            }
            if (mark[next] == 1) {
                path[depth + 1] = next;
                return depth + 1;
            }
            if (mark[next] == 0) {
                int found = findCycle(rules, next, mark, path, depth + 1);
                if (found >= 0) {
                    return found;
                }
            }
        }
        mark[rule] = 2;
        return -1;
    }

    /** @return where in the search path the cycle closed by {@code path[end]} begins */
    private static int cycleStart(int[] path, int end) {
        int begin = 0;
        while (path[begin] != path[end]) {
            begin++;
        }
        return begin;
    }

    /** @return the fields to change to break the loop: the targets of the rules in the cycle */
    private static String loopFields(RelayRule[] rules, int[] path, int end, RuleNames names) {
        int begin = cycleStart(path, end);
        StringBuilder fields = new StringBuilder();
        for (int i = begin; i < end; i++) {
            if (i > begin) {
                fields.append(i == end - 1 ? " and " : ", ");
            }
            fields.append(names.field(rules[path[i]].number(), "to"));
        }
        return fields.toString();
    }

    private static String describeLoop(RelayRule[] rules, int[] path, int end) {
        int begin = cycleStart(path, end);
        StringBuilder text = new StringBuilder().append(rules[path[end]].from());
        for (int i = begin; i < end; i++) {
            text.append(" -> ").append(rules[path[i]].to());
        }
        text.append(" (rules");
        for (int i = begin; i < end; i++) {
            text.append(' ').append(rules[path[i]].number());
        }
        return text.append(')').toString();
    }

    private static RuleRefusal invalid(String name, String rule, String value) {
        return new RuleRefusal(name + " " + rule + ", not \"" + value + "\"");
    }
}
