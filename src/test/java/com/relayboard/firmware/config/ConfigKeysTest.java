package com.relayboard.firmware.config;

import org.junit.Assert;
import org.junit.Test;

public class ConfigKeysTest {

    /** @return the refusal of {@code keys}, which must be refused */
    private static String refusal(String... keys) {
        try {
            ConfigKeys.refuseUnknown(keys);
            Assert.fail("accepted unknown keys");
            return null;
        } catch (ConfigException e) {
            Assert.assertTrue("one line: " + e.getMessage(), e.getMessage().indexOf('\n') < 0);
            return e.getMessage();
        }
    }

    @Test
    public void miscasedKey_isRefused_namingTheKeyItWasMeantToBe() {
        Assert.assertEquals("Configuration error: unknown key relayboard.mqtt.cleansession"
                + " (did you mean relayboard.mqtt.cleanSession?)", refusal("relayboard.mqtt.cleansession"));
    }

    @Test
    public void misspeltBroker_isRefused_ratherThanFallingBackToTheDefault() {
        Assert.assertEquals("Configuration error: unknown key relayboard.mqtt.brokr"
                + " (did you mean relayboard.mqtt.broker?)", refusal("relayboard.mqtt.brokr"));
    }

    @Test
    public void misspeltRuleKey_isRefused_namingTheRulesKey() {
        Assert.assertEquals("Configuration error: unknown key relayboard.relay.2.sufix"
                + " (did you mean relayboard.relay.2.suffix?)", refusal("relayboard.relay.2.sufix"));
    }

    @Test
    public void misspeltRelayGroup_isRefused_namingTheGroupKey() throws ConfigException {
        Assert.assertEquals("Configuration error: unknown key relayboard.relay.grop"
                + " (did you mean relayboard.relay.group?)", refusal("relayboard.relay.grop"));
        ConfigKeys.refuseUnknown(new String[] { ConfigLoader.RELAY_GROUP });
    }

    @Test
    public void unknownKey_isFoundAmongKnownOnes() {
        String message = refusal(ConfigLoader.MQTT_QOS, "relayboard.wifi.pasword", ConfigLoader.WIFI_SSID);
        Assert.assertEquals("Configuration error: unknown key relayboard.wifi.pasword"
                + " (did you mean relayboard.wifi.password?)", message);
    }

    @Test
    public void ruleBeyondTheLast_isRefusedAsARuleTheBoardDoesNotHave() {
        Assert.assertEquals("Configuration error: relayboard.relay.12.from is a rule the board does not have"
                + " (rules are numbered 1 to 8)", refusal("relayboard.relay.12.from"));
    }

    @Test
    public void theDefaultsAndEveryRulesKeys_areKnown() throws ConfigException {
        ConfigKeys.refuseUnknown(MapPropertySource.defaults().keys());
        for (int number = 1; number <= ConfigLoader.MAX_RULES; number++) {
            ConfigKeys.refuseUnknown(new String[] { ConfigLoader.RELAY_PREFIX + number + ".from",
                    ConfigLoader.RELAY_PREFIX + number + ".to", ConfigLoader.RELAY_PREFIX + number + ".suffix" });
        }
    }

    @Test
    public void keysOutsideRelayboard_areLeftToTheirOwners() throws ConfigException {
        ConfigKeys.refuseUnknown(new String[] { "java.version", "microej.java.property.x", "relayboardx.y" });
    }

    @Test
    public void editDistance_countsInsertionsDeletionsAndReplacements() {
        Assert.assertEquals(0, ConfigKeys.editDistance("qos", "qos"));
        Assert.assertEquals(1, ConfigKeys.editDistance("brokr", "broker"));
        Assert.assertEquals(1, ConfigKeys.editDistance("broker", "brokr"));
        Assert.assertEquals(1, ConfigKeys.editDistance("cleansession", "cleanSession"));
        Assert.assertEquals(3, ConfigKeys.editDistance("kitten", "sitting"));
        Assert.assertEquals(6, ConfigKeys.editDistance("", "broker"));
    }
}
