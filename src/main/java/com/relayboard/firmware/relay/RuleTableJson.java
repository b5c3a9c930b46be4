package com.relayboard.firmware.relay;

import java.util.ArrayList;
import java.util.List;

import com.relayboard.firmware.text.JsonException;
import com.relayboard.firmware.text.JsonReader;

/**
 * A rule table as JSON, the shape of the application options' rules (docs: the rules wire format in the README):
 * {@code {"rules": [{"from": "/a", "to": "/b", "suffix": " x"}, ...]}}. Reading refuses unknown keys, values
 * of the wrong kind and more than {@link RuleChecks#MAX_RULES} rules; what the rules say is checked by
 * {@link RuleChecks}, as the options' are. Rules are numbered from 1 in table order.
 */
public final class RuleTableJson {

    /** The key of the list of rules. */
    public static final String RULES = "rules";
    /** The key the board adds to the table it publishes: where the rules in force came from. */
    public static final String SOURCE = "source";

    private RuleTableJson() {
    }

    /** @return the rules of {@code json}, numbered from 1; refused with one line when it is not such a table */
    public static RelayRule[] read(byte[] json) throws RuleRefusal {
        List<RelayRule> rules = new ArrayList<RelayRule>();
        boolean sawRules = false;
        try {
            JsonReader reader = new JsonReader(json);
            reader.beginObject();
            for (String key = reader.nextKey(); key != null; key = reader.nextKey()) {
                if (RULES.equals(key)) {
                    if (sawRules) {
                        throw new RuleRefusal("\"rules\" is given twice");
                    }
                    sawRules = true;
                    readRules(reader, rules);
                } else if (SOURCE.equals(key)) {
                    // The table the board publishes says where it came from: taking it back as it is must work.
                    if (!reader.atString()) {
                        throw new RuleRefusal("\"source\" must be a string");
                    }
                    reader.readString();
                } else {
                    throw new RuleRefusal("unknown key \"" + key + "\" (a table has \"rules\" only)");
                }
            }
            reader.end();
        } catch (JsonException e) {
            throw new RuleRefusal(e.getMessage());
        }
        if (!sawRules) {
            throw new RuleRefusal("no \"rules\" (a table is {\"rules\": [{\"from\": ..., \"to\": ..., \"suffix\": ...}]})");
        }
        if (rules.isEmpty()) {
            throw new RuleRefusal("no rule: the board would have nothing to do");
        }
        return rules.toArray(new RelayRule[rules.size()]);
    }

    private static void readRules(JsonReader reader, List<RelayRule> rules) throws JsonException, RuleRefusal {
        reader.beginArray();
        while (reader.hasNextElement()) {
            int number = rules.size() + 1;
            if (number > RuleChecks.MAX_RULES) {
                throw new RuleRefusal("at most " + RuleChecks.MAX_RULES + " relay rules (rule " + number
                        + " is one too many)");
            }
            String from = null;
            String to = null;
            String suffix = "";
            reader.beginObject();
            for (String key = reader.nextKey(); key != null; key = reader.nextKey()) {
                boolean known = "from".equals(key) || "to".equals(key) || "suffix".equals(key);
                if (!known) {
                    throw new RuleRefusal("rule " + number + ": unknown key \"" + key
                            + "\" (a rule has \"from\", \"to\" and \"suffix\")");
                }
                if (!reader.atString()) {
                    throw new RuleRefusal("rule " + number + ": \"" + key + "\" must be a string");
                }
                String value = reader.readString();
                if ("from".equals(key)) {
                    from = value;
                } else if ("to".equals(key)) {
                    to = value;
                } else {
                    suffix = value;
                }
            }
            if (from == null || to == null) {
                throw new RuleRefusal("rule " + number + ": \"" + (from == null ? "from" : "to") + "\" is missing");
            }
            rules.add(new RelayRule(number, from, to, suffix));
        }
    }

    /** How a table taken over MQTT names a rule's field: {@code rule 3: "to"}. */
    public static final RuleNames NAMES = new RuleNames() {
        @Override
        public String field(int number, String field) {
            return "rule " + number + ": \"" + field + "\"";
        }

        @Override
        public String group() {
            return "the relay group";
        }
    };

    /** @return the table as the board publishes it: the rules, and where they came from ({@code options}, {@code mqtt}) */
    public static String write(RelayRule[] rules, String source) {
        StringBuilder json = new StringBuilder().append("{\"rules\": [");
        for (int i = 0; i < rules.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"from\": ").append(JsonReader.quote(rules[i].from()))
                    .append(", \"to\": ").append(JsonReader.quote(rules[i].to())).append(", \"suffix\": ")
                    .append(JsonReader.quote(rules[i].suffix())).append('}');
        }
        return json.append("], \"source\": ").append(JsonReader.quote(source)).append('}').toString();
    }
}
