package com.relayboard.firmware.relay;

import java.util.Random;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.path.MessagePath;
import com.relayboard.firmware.path.OutgoingMessage;
import com.relayboard.firmware.text.Bytes;

public class RelayTest {

    private static final RelayRule RULE_1 = new RelayRule(1, "/test/topic1", "/test/topic2", " (relay1)");
    private static final RelayRule RULE_2 = new RelayRule(2, "/test/topic2", "/test/topic3", " (relay2)");

    private static Relay defaultRelay() {
        return new Relay(new RelayRule[] { RULE_1, RULE_2 }, 1);
    }

    @Test
    public void hello_becomesHelloRelay1OnTopic2ThenRelay2OnTopic3() {
        Relay relay = defaultRelay();
        RelayRule first = relay.ruleFor("/test/topic1");
        Assert.assertSame(RULE_1, first);
        OutgoingMessage hop1 = MessagePath.relayedCopy(relay, first, Bytes.ascii("hello"), true);
        Assert.assertEquals("/test/topic2", hop1.topic());
        Bytes.assertBytes("hop 1", Bytes.ascii("hello (relay1)"), hop1.payload());
        Assert.assertEquals(1, hop1.qos());
        Assert.assertEquals(1, hop1.ruleNumber());

        RelayRule second = relay.ruleFor(hop1.topic());
        Assert.assertSame(RULE_2, second);
        OutgoingMessage hop2 = MessagePath.relayedCopy(relay, second, hop1.payload(), true);
        Assert.assertEquals("/test/topic3", hop2.topic());
        Bytes.assertBytes("hop 2", Bytes.ascii("hello (relay1) (relay2)"), hop2.payload());
        Assert.assertEquals(2, hop2.ruleNumber());
    }

    @Test
    public void topicWithoutRule_isNotRelayed() {
        Assert.assertNull(defaultRelay().ruleFor("/test/topic3"));
        Assert.assertNull(defaultRelay().ruleFor("/test/topic1/sub"));
    }

    @Test
    public void randomBinaryPayloads_areKeptByteForByteWithTheSuffixAppended() {
        Random random = new Random(99);
        byte[] suffix = Bytes.ascii(" (relay1)");
        for (int round = 0; round < 100; round++) {
            byte[] payload = new byte[random.nextInt(300)];
            random.nextBytes(payload);
            byte[] original = payload.clone();
            byte[] relayed = RULE_1.relayedPayload(payload);
            Bytes.assertBytes("round " + round, Bytes.concat(original, suffix), relayed);
            Bytes.assertBytes("the received payload must not change", original, payload);
        }
    }

    @Test
    public void invalidUtf8Payload_isNotRepaired() {
        byte[] payload = Bytes.of(0xFF, 0xFE, 0x00, 0x41, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xE4, 0xB8);
        Bytes.assertBytes("relayed", Bytes.concat(payload, Bytes.ascii(" (relay1)")), RULE_1.relayedPayload(payload));
    }

    @Test
    public void nonAsciiSuffix_isAppendedAsUtf8() {
        RelayRule rule = new RelayRule(1, "/a", "/b", " \u2192 caf\u00E9 \uD83D\uDE00");
        byte[] expected = Bytes.concat(Bytes.ascii("x"), Bytes.of(0x20, 0xE2, 0x86, 0x92, 0x20, 'c', 'a', 'f', 0xC3,
                0xA9, 0x20, 0xF0, 0x9F, 0x98, 0x80));
        Bytes.assertBytes("suffix", expected, rule.relayedPayload(Bytes.ascii("x")));
    }

    @Test
    public void emptySuffix_relaysThePayloadUnchanged() {
        RelayRule rule = new RelayRule(1, "/a", "/b", "");
        Bytes.assertBytes("", Bytes.of(1, 2, 3), rule.relayedPayload(Bytes.of(1, 2, 3)));
        Bytes.assertBytes("", new byte[0], rule.relayedPayload(new byte[0]));
    }

    @Test
    public void firstMatchingRule_wins() {
        RelayRule specific = new RelayRule(1, "/sensors/kitchen", "/out/kitchen", " k");
        RelayRule wildcard = new RelayRule(2, "/sensors/#", "/out/any", " any");
        Relay relay = new Relay(new RelayRule[] { specific, wildcard }, 0);
        Assert.assertSame(specific, relay.ruleFor("/sensors/kitchen"));
        Assert.assertSame(wildcard, relay.ruleFor("/sensors/hall"));

        Relay reversed = new Relay(new RelayRule[] { wildcard, specific }, 0);
        Assert.assertSame(wildcard, reversed.ruleFor("/sensors/kitchen"));
    }

    @Test
    public void relayedMessages_useTheConfiguredQos() {
        Relay relay = new Relay(new RelayRule[] { RULE_1 }, 0);
        OutgoingMessage message = MessagePath.relayedCopy(relay, RULE_1, Bytes.ascii("x"), true);
        Assert.assertEquals(0, message.qos());
    }

    @Test
    public void sourceFilters_areDistinctAndInRuleOrder() {
        RelayRule[] rules = { new RelayRule(1, "/b", "/x", ""), new RelayRule(2, "/a/#", "/y", ""),
                new RelayRule(3, "/b", "/z", ""), new RelayRule(4, "/c", "/w", ""), new RelayRule(5, "/a/#", "/v", "") };
        String[] filters = new Relay(rules, 1).sourceFilters();
        Assert.assertEquals(3, filters.length);
        Assert.assertEquals("/b", filters[0]);
        Assert.assertEquals("/a/#", filters[1]);
        Assert.assertEquals("/c", filters[2]);
    }

    @Test
    public void relay_isNotChangedByLaterChangesToTheRulesArray() {
        RelayRule[] rules = { RULE_1 };
        Relay relay = new Relay(rules, 1);
        rules[0] = RULE_2;
        Assert.assertSame(RULE_1, relay.ruleFor("/test/topic1"));
    }

    @Test
    public void ruleDescription_showsTheSuffixQuoted() {
        Assert.assertEquals("/test/topic1 -> /test/topic2 + \" (relay1)\"", RULE_1.toString());
    }

    @Test
    public void subscriptionFilters_areTheSourcesThemselvesWithoutAGroup_andTheGroupsSharesWithOne() {
        RelayRule[] rules = { new RelayRule(1, "/b", "/x", ""), new RelayRule(2, "/a/#", "/y", ""),
                new RelayRule(3, "/b", "/z", "") };
        Relay relay = new Relay(rules, 1);
        String[] own = relay.subscriptionFilters(null);
        Assert.assertEquals(2, own.length);
        Assert.assertEquals("/b", own[0]);
        Assert.assertEquals("/a/#", own[1]);
        String[] shared = relay.subscriptionFilters("g1");
        Assert.assertEquals(2, shared.length);
        Assert.assertEquals("$share/g1//b", shared[0]);
        Assert.assertEquals("$share/g1//a/#", shared[1]);
        // The broker delivers a shared subscription's messages under their own topics: the rules match them as ever.
        Assert.assertSame(rules[1], relay.ruleFor("/a/c"));
        Assert.assertNull("the shared filter is not a topic the rules take", relay.ruleFor("$share/g1//b"));
    }
}
