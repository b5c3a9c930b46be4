package com.relayboard.firmware.relay;

import org.junit.Assert;
import org.junit.Test;

public class TopicsTest {

    private static void matches(String filter, String topic) {
        Assert.assertTrue("\"" + filter + "\" should match \"" + topic + "\"", Topics.matches(filter, topic));
    }

    private static void doesNotMatch(String filter, String topic) {
        Assert.assertFalse("\"" + filter + "\" should not match \"" + topic + "\"", Topics.matches(filter, topic));
    }

    @Test
    public void exactFilter_matchesOnlyTheSameTopic() {
        matches("/test/topic1", "/test/topic1");
        doesNotMatch("/test/topic1", "/test/topic2");
        doesNotMatch("/test/topic1", "/test/topic10");
        doesNotMatch("/test/topic10", "/test/topic1");
        doesNotMatch("/test/topic1", "test/topic1");
        doesNotMatch("/test/topic1", "/test/topic1/");
        doesNotMatch("a/b", "A/b");
    }

    @Test
    public void plus_matchesExactlyOneLevel() {
        matches("sport/+/player1", "sport/tennis/player1");
        matches("+", "finance");
        matches("+/+", "/finance");
        matches("/+", "/finance");
        matches("sport/+", "sport/");
        matches("a/+/c", "a//c");
        doesNotMatch("sport/+", "sport");
        doesNotMatch("sport/+", "sport/tennis/player1");
        doesNotMatch("+", "/finance");
        doesNotMatch("+/+", "a");
    }

    @Test
    public void hash_matchesTheLevelAndEverythingBelow() {
        matches("#", "a");
        matches("#", "/a/b/c");
        matches("sport/#", "sport/tennis/player1");
        matches("sport/#", "sport/");
        matches("+/#", "a/b");
        doesNotMatch("sport/#", "sports");
        doesNotMatch("sport/tennis/#", "sport/football");
    }

    @Test
    public void hashLevel_alsoMatchesItsParent() {
        matches("a/#", "a");
        matches("sport/tennis/#", "sport/tennis");
        matches("a/+/#", "a/b");
        matches("+/#", "a");
    }

    @Test
    public void wildcardsAtTheFirstLevel_neverMatchDollarTopics() {
        doesNotMatch("#", "$SYS/broker/uptime");
        doesNotMatch("+/broker/uptime", "$SYS/broker/uptime");
        doesNotMatch("+/#", "$SYS/broker");
        matches("$SYS/#", "$SYS/broker/uptime");
        matches("$SYS/+/uptime", "$SYS/broker/uptime");
        matches("a/+", "a/$b");
    }

    @Test
    public void topicNames_withoutWildcardsAreValid() {
        Assert.assertNull(Topics.checkTopicName("/test/topic2"));
        Assert.assertNull(Topics.checkTopicName("a"));
        Assert.assertNull(Topics.checkTopicName("/"));
        Assert.assertNull(Topics.checkTopicName("caf\u00E9/\u4E2D"));
    }

    @Test
    public void topicNames_withWildcardsEmptyOrNulAreRefused() {
        Assert.assertNotNull(Topics.checkTopicName("/a/#"));
        Assert.assertNotNull(Topics.checkTopicName("/a/+/b"));
        Assert.assertNotNull(Topics.checkTopicName("#"));
        Assert.assertNotNull(Topics.checkTopicName(""));
        Assert.assertNotNull(Topics.checkTopicName(null));
        Assert.assertNotNull(Topics.checkTopicName("a\u0000b"));
    }

    @Test
    public void topicOver65535Bytes_isRefused() {
        StringBuilder topic = new StringBuilder();
        for (int i = 0; i < 21846; i++) {
            topic.append('\u4E2D'); // 3 bytes each: 65538 bytes in 21846 characters
        }
        Assert.assertNotNull(Topics.checkTopicName(topic.toString()));
        topic.setLength(21845); // 65535 bytes
        Assert.assertNull(Topics.checkTopicName(topic.toString()));
    }

    @Test
    public void wellFormedFilters_areValid() {
        String[] valid = { "#", "+", "/#", "a/#", "a/+/b", "+/+", "/+", "a/b/c", "+/#", "$SYS/#" };
        for (String filter : valid) {
            Assert.assertNull(filter, Topics.checkTopicFilter(filter));
        }
    }

    @Test
    public void misplacedWildcards_makeAFilterInvalid() {
        String[] invalid = { "/a/#/b", "a#", "a/b#", "#/a", "a+", "a/+b", "++", "+a/b", "##", "" };
        for (String filter : invalid) {
            Assert.assertNotNull("\"" + filter + "\" should be refused", Topics.checkTopicFilter(filter));
        }
    }

    @Test
    public void sharedFilters_nameTheirGroup() {
        Assert.assertEquals("$share/g1//test/topic1", Topics.shared("g1", "/test/topic1"));
        Assert.assertEquals("$share/g1/a/+", Topics.shared("g1", "a/+"));
        Assert.assertEquals("g1", Topics.shareGroupOf("$share/g1//test/topic1"));
        Assert.assertEquals("g1", Topics.shareGroupOf(Topics.shared("g1", "#")));
        Assert.assertNull(Topics.shareGroupOf("/test/topic1"));
        Assert.assertNull(Topics.shareGroupOf("$SYS/broker/uptime"));
        Assert.assertNull("no filter after the group", Topics.shareGroupOf("$share/g1"));
        Assert.assertNull(Topics.checkTopicFilter(Topics.shared("g1", "/test/#")));
    }

    @Test
    public void shareNames_areOneLevelWithoutWildcards() {
        Assert.assertNull(Topics.checkShareName("g1"));
        Assert.assertNull(Topics.checkShareName("kitchen-boards.2"));
        Assert.assertNotNull(Topics.checkShareName(""));
        Assert.assertNotNull(Topics.checkShareName("a/b"));
        Assert.assertNotNull(Topics.checkShareName("+"));
        Assert.assertNotNull(Topics.checkShareName("g#"));
        Assert.assertNotNull(Topics.checkShareName("g\u0000"));
    }
}
