package com.relayboard.firmware.relay;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.text.Utf8;

public class RuleTableJsonTest {

    private static final String[] OWN = { "own status topic", "relayboard/b1/status", "LED command topic",
            "relayboard/b1/led/set", "rules command topic", "relayboard/b1/rules/set" };

    private static RelayRule[] table(String json) throws RuleRefusal {
        RelayRule[] rules = RuleTableJson.read(Utf8.encode(json));
        RuleChecks.check(rules, OWN, null, RuleTableJson.NAMES);
        return rules;
    }

    private static String refusal(String json) {
        try {
            table(json);
        } catch (RuleRefusal e) {
            return e.getMessage();
        }
        Assert.fail("accepted " + json);
        return null;
    }

    @Test
    public void theDefaultChain_readsAsTheOptionsDo() throws RuleRefusal {
        RelayRule[] rules = table("{\"rules\": [{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (relay1)\"},"
                + " {\"from\": \"/test/topic2\", \"to\": \"/test/topic3\"}]}");
        Assert.assertEquals(2, rules.length);
        Assert.assertEquals("/test/topic1 -> /test/topic2 + \" (relay1)\"", rules[0].toString());
        Assert.assertEquals(2, rules[1].number());
        Assert.assertEquals("", rules[1].suffix());
    }

    @Test
    public void whatTheBoardPublishes_readsBackToTheSameRules() throws RuleRefusal {
        RelayRule[] rules = { new RelayRule(1, "/a/+", "/b", " \"quoted\" \u00e9"), new RelayRule(2, "/b", "/c", "") };
        String json = RuleTableJson.write(rules, "mqtt");
        RelayRule[] back = table(json);
        Assert.assertEquals(rules.length, back.length);
        for (int i = 0; i < rules.length; i++) {
            Assert.assertEquals(rules[i].toString(), back[i].toString());
        }
    }

    @Test
    public void badTables_areRefusedNamingTheRuleAndWhatIsWrong() {
        Assert.assertEquals("not JSON: expected an object ({) at byte 0, found 'n'", refusal("not json"));
        Assert.assertEquals("unknown key \"rulez\" (a table has \"rules\" only)", refusal("{\"rulez\": []}"));
        Assert.assertEquals("rule 1: unknown key \"form\" (a rule has \"from\", \"to\" and \"suffix\")",
                refusal("{\"rules\": [{\"form\": \"/a\", \"to\": \"/b\"}]}"));
        Assert.assertEquals("rule 1: \"to\" is missing", refusal("{\"rules\": [{\"from\": \"/a\"}]}"));
        Assert.assertEquals("rule 1: \"suffix\" must be a string",
                refusal("{\"rules\": [{\"from\": \"/a\", \"to\": \"/b\", \"suffix\": 3}]}"));
        Assert.assertEquals("no rule: the board would have nothing to do", refusal("{\"rules\": []}"));
        Assert.assertTrue(refusal("{}"), refusal("{}").startsWith("no \"rules\""));
        Assert.assertEquals("rule 2: \"to\" is not a topic the board can publish to: a topic to publish to cannot"
                + " contain the wildcards + or #, not \"/test/+\"",
                refusal("{\"rules\": [{\"from\": \"/a\", \"to\": \"/b\"}, {\"from\": \"/c\", \"to\": \"/test/+\"}]}"));
        Assert.assertEquals("rule 1: \"from\" is not a valid topic filter: # must be the last topic level, alone,"
                + " not \"/a/#/b\"", refusal("{\"rules\": [{\"from\": \"/a/#/b\", \"to\": \"/b\"}]}"));
        Assert.assertEquals("rule 1: \"to\" and rule 2: \"to\" relay in a loop forever: /a -> /b -> /a (rules 1 2)",
                refusal("{\"rules\": [{\"from\": \"/a\", \"to\": \"/b\"}, {\"from\": \"/b\", \"to\": \"/a\"}]}"));
        Assert.assertEquals("rule 1: \"from\" would relay the board's rules command topic relayboard/b1/rules/set",
                refusal("{\"rules\": [{\"from\": \"relayboard/b1/rules/#\", \"to\": \"/b\"}]}"));
        Assert.assertEquals("rule 1: \"from\" would relay the board's own status topic relayboard/b1/status",
                refusal("{\"rules\": [{\"from\": \"relayboard/+/status\", \"to\": \"/b\"}]}"));
    }

    @Test
    public void tooManyRules_areRefusedAtTheNinth() {
        StringBuilder json = new StringBuilder().append("{\"rules\": [");
        for (int i = 1; i <= 9; i++) {
            json.append(i > 1 ? "," : "").append("{\"from\": \"/s").append(i).append("\", \"to\": \"/t\"}");
        }
        json.append("]}");
        Assert.assertEquals("at most 8 relay rules (rule 9 is one too many)", refusal(json.toString()));
    }

    @Test
    public void aRelayGroup_checksEachSourceAsASharedSubscription() throws RuleRefusal {
        RelayRule[] rules = { new RelayRule(1, "/a", "/b", "") };
        RuleChecks.check(rules, OWN, "g1", RuleTableJson.NAMES);
    }
}
