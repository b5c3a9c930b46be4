package com.relayboard.firmware.config;

import org.junit.Assert;
import org.junit.Test;
import com.relayboard.firmware.relay.RelayRule;

public class ConfigLoaderTest {

    private static final String IDENTITY = "a1b2c3";
    private static final String PREFIX = "Configuration error: ";

    private static Config load(MapPropertySource source) throws ConfigException {
        return ConfigLoader.load(source, IDENTITY);
    }

    /** Loads {@code source}, which must be refused; returns the message after checking it is one clear line. */
    private static String refusal(MapPropertySource source, String key) {
        try {
            Config config = load(source);
            Assert.fail("accepted a configuration that should be refused for " + key + ": " + config.describe());
            return null;
        } catch (ConfigException e) {
            String message = e.getMessage();
            Assert.assertNotNull("a refusal must say why", message);
            Assert.assertTrue("must start with \"" + PREFIX + "\": " + message, message.startsWith(PREFIX));
            Assert.assertTrue("must be one line: " + message, message.indexOf('\n') < 0 && message.indexOf('\r') < 0);
            Assert.assertTrue("must name " + key + ": " + message, message.indexOf(key) >= 0);
            return message;
        }
    }

    // ------------------------------------------------------------------ defaults

    @Test
    public void defaults_loadWithTwoRulesQos1AndDerivedClientId() throws ConfigException {
        Config config = load(MapPropertySource.defaults());

        Assert.assertEquals("RelayBoard-AP", config.wifiSsid());
        Assert.assertEquals("relayboard", config.wifiPassword());
        Assert.assertEquals("WPA2", config.wifiSecurity());
        Assert.assertEquals("st1", config.wifiInterface());
        Assert.assertEquals("tcp://test.mosquitto.org:1883", config.brokerUri());
        Assert.assertEquals("test.mosquitto.org", config.brokerHost());
        Assert.assertEquals(1883, config.brokerPort());
        Assert.assertEquals("relayboard-" + IDENTITY, config.clientId());
        Assert.assertNull("empty user name means anonymous", config.username());
        Assert.assertNull(config.password());
        Assert.assertEquals(1, config.qos());
        Assert.assertEquals(30, config.keepAliveS());
        Assert.assertTrue(config.cleanSession());
        Assert.assertEquals(65536, config.maxPayloadBytes());
        Assert.assertEquals("relayboard/relayboard-" + IDENTITY + "/status", config.statusTopic());

        RelayRule[] rules = config.rules();
        Assert.assertEquals(2, rules.length);
        Assert.assertEquals(1, rules[0].number());
        Assert.assertEquals("/test/topic1", rules[0].from());
        Assert.assertEquals("/test/topic2", rules[0].to());
        Assert.assertEquals("the suffix keeps its leading space", " (relay1)", rules[0].suffix());
        Assert.assertEquals(2, rules[1].number());
        Assert.assertEquals("/test/topic2", rules[1].from());
        Assert.assertEquals("/test/topic3", rules[1].to());
        Assert.assertEquals(" (relay2)", rules[1].suffix());
    }

    @Test
    public void configuredClientId_isUsedForTheStatusTopic() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.MQTT_CLIENT_ID, "  kitchen-board  "));
        Assert.assertEquals("kitchen-board", config.clientId());
        Assert.assertEquals("relayboard/kitchen-board/status", config.statusTopic());
    }

    @Test
    public void ledTopic_defaultsUnderTheClientId_emptyTurnsItOff_andMustBeATopicName() throws ConfigException {
        Config defaults = load(MapPropertySource.defaults());
        Assert.assertEquals("relayboard/relayboard-" + IDENTITY + "/led/set", defaults.ledTopic());
        Assert.assertEquals("relayboard/relayboard-" + IDENTITY + "/led", defaults.ledStateTopic());
        Assert.assertEquals("home/desk/light", load(MapPropertySource.defaults().set(ConfigLoader.LED_TOPIC,
                " home/desk/light ")).ledTopic());
        Assert.assertNull(load(MapPropertySource.defaults().set(ConfigLoader.LED_TOPIC, "  ")).ledTopic());

        String wildcard = refusal(MapPropertySource.defaults().set(ConfigLoader.LED_TOPIC, "home/+/light"),
                ConfigLoader.LED_TOPIC);
        Assert.assertTrue(wildcard, wildcard.indexOf("home/+/light") >= 0);
        String relayed = refusal(MapPropertySource.defaults().set(ConfigLoader.LED_TOPIC, "/test/topic1"),
                ConfigLoader.RELAY_PREFIX + "1.from");
        Assert.assertTrue(relayed, relayed.indexOf("LED command topic /test/topic1") >= 0);
    }

    @Test
    public void brokerWithoutPort_usesMqttPort1883() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://10.0.0.5"));
        Assert.assertEquals("tcp://10.0.0.5:1883", config.brokerUri());
        Assert.assertEquals("10.0.0.5", config.brokerHost());
        Assert.assertEquals(1883, config.brokerPort());
    }

    @Test
    public void ipv6Broker_keepsItsBrackets() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://[fd00::1]:8883"));
        Assert.assertEquals("[fd00::1]", config.brokerHost());
        Assert.assertEquals(8883, config.brokerPort());
    }

    @Test
    public void openNetwork_needsNoPassphrase() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.WIFI_SECURITY, "OPEN")
                .set(ConfigLoader.WIFI_PASSWORD, ""));
        Assert.assertEquals("OPEN", config.wifiSecurity());
        Assert.assertEquals("", config.wifiPassword());
    }

    @Test
    public void userAndPassword_areKeptButNeverDescribed() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.MQTT_USERNAME, "relay-user")
                .set(ConfigLoader.MQTT_PASSWORD, "mqtt-S3cret").set(ConfigLoader.WIFI_PASSWORD, "wifi-S3cret"));
        Assert.assertEquals("relay-user", config.username());
        Assert.assertEquals("mqtt-S3cret", config.password());
        Assert.assertEquals("wifi-S3cret", config.wifiPassword());
        String described = config.describe();
        Assert.assertTrue(described, described.indexOf("relay-user") >= 0);
        Assert.assertTrue("describe() shows the MQTT password: " + described, described.indexOf("mqtt-S3cret") < 0);
        Assert.assertTrue("describe() shows the Wi-Fi password: " + described, described.indexOf("wifi-S3cret") < 0);
        Assert.assertTrue("describe() is one line: " + described, described.indexOf('\n') < 0);
    }

    @Test
    public void eightRules_areAccepted() throws ConfigException {
        MapPropertySource source = MapPropertySource.defaults().withoutRules();
        for (int n = 1; n <= 8; n++) {
            source.rule(n, "/in/" + n, "/out/" + n, "");
        }
        Assert.assertEquals(8, load(source).rules().length);
    }

    @Test
    public void missingSuffix_meansNothingAppended() throws ConfigException {
        MapPropertySource source = MapPropertySource.defaults().remove("relayboard.relay.2.suffix");
        Assert.assertEquals("", load(source).rules()[1].suffix());
    }

    // ------------------------------------------------------------------ refusals, one clear line each

    @Test
    public void qosThree_isRefusedWithOneClearLine() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_QOS, "3"), ConfigLoader.MQTT_QOS);
        Assert.assertTrue(message, message.indexOf("\"3\"") >= 0);
    }

    @Test
    public void qosTwo_isRefusedSinceTheBoardRelaysAtMostOnceAcknowledged() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_QOS, "2"), ConfigLoader.MQTT_QOS);
    }

    @Test
    public void httpBroker_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "http://x"),
                ConfigLoader.MQTT_BROKER);
        Assert.assertTrue(message, message.indexOf("http://x") >= 0);
    }

    @Test
    public void brokerWithoutHost_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://:1883"), ConfigLoader.MQTT_BROKER);
    }

    @Test
    public void brokerPortOutOfRange_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://host:99999"),
                ConfigLoader.MQTT_BROKER);
        Assert.assertTrue(message, message.indexOf("65535") >= 0);
    }

    @Test
    public void brokerPortNotANumber_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://host:mqtt"),
                ConfigLoader.MQTT_BROKER);
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://host:0"), ConfigLoader.MQTT_BROKER);
    }

    @Test
    public void brokerWithCredentialsInTheUri_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "tcp://user:pw@host:1883"),
                ConfigLoader.MQTT_BROKER);
    }

    @Test
    public void sslBrokerWithCaCert_loadsAsTls_withPort8883ByDefault() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ssl://broker.example")
                .set(ConfigLoader.MQTT_CA_CERT, "/certificates/ca.pem"));
        Assert.assertTrue(config.tls());
        Assert.assertEquals("ssl://broker.example:8883", config.brokerUri());
        Assert.assertEquals("broker.example", config.brokerHost());
        Assert.assertEquals(8883, config.brokerPort());
        Assert.assertEquals("/certificates/ca.pem", config.caCert());
        Assert.assertTrue(config.describe(), config.describe().indexOf("TLS, CA /certificates/ca.pem") >= 0);
    }

    @Test
    public void tcpBroker_isNotTls() throws ConfigException {
        Config config = load(MapPropertySource.defaults());
        Assert.assertFalse(config.tls());
        Assert.assertNull(config.caCert());
    }

    @Test
    public void sslBrokerWithoutCaCert_isRefused_namingTheCaKey() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ssl://host:8883"),
                ConfigLoader.MQTT_BROKER);
        Assert.assertTrue(message, message.indexOf(ConfigLoader.MQTT_CA_CERT) >= 0);
    }

    @Test
    public void caCertWithTcpBroker_isRefused_insteadOfSilentlyGoingUnencrypted() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_CA_CERT, "/ca.pem"),
                ConfigLoader.MQTT_CA_CERT);
        Assert.assertTrue(message, message.indexOf("ssl://") >= 0);
    }

    @Test
    public void sslBrokerByIpAddress_isRefused_sinceTheNameCouldNotBeChecked() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ssl://127.0.0.1:8883")
                .set(ConfigLoader.MQTT_CA_CERT, "/ca.pem"), ConfigLoader.MQTT_BROKER);
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ssl://[::1]:8883")
                .set(ConfigLoader.MQTT_CA_CERT, "/ca.pem"), ConfigLoader.MQTT_BROKER);
    }

    @Test
    public void ipAddressDetection() {
        Assert.assertTrue(ConfigLoader.isIpAddress("192.168.1.10"));
        Assert.assertTrue(ConfigLoader.isIpAddress("[fe80::1]"));
        Assert.assertFalse(ConfigLoader.isIpAddress("localhost"));
        Assert.assertFalse(ConfigLoader.isIpAddress("mqtt1.example"));
        Assert.assertFalse("a name made of digits and one dot", ConfigLoader.isIpAddress("10.example"));
    }

    @Test
    public void otherScheme_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ws://host:80"),
                ConfigLoader.MQTT_BROKER);
        Assert.assertTrue(message, message.indexOf("ssl://") >= 0);
    }

    @Test
    public void wildcardInTargetTopic_isRefused() {
        refusal(MapPropertySource.defaults().set("relayboard.relay.1.to", "/a/#"), "relayboard.relay.1.to");
        refusal(MapPropertySource.defaults().set("relayboard.relay.2.to", "/a/+/b"), "relayboard.relay.2.to");
    }

    @Test
    public void invalidSourceFilter_isRefused() {
        String message = refusal(MapPropertySource.defaults().set("relayboard.relay.1.from", "/a/#/b"),
                "relayboard.relay.1.from");
        Assert.assertTrue(message, message.indexOf("/a/#/b") >= 0);
    }

    @Test
    public void ruleWithoutTarget_isRefused() {
        refusal(MapPropertySource.defaults().remove("relayboard.relay.2.to"), "relayboard.relay.2.to");
    }

    @Test
    public void noRuleAtAll_isRefused() {
        refusal(MapPropertySource.defaults().withoutRules(), "relayboard.relay.1.from");
    }

    /** Loops are one line starting with the prefix, and show the topics and rule numbers of the cycle. */
    private static String loopRefusal(MapPropertySource source) {
        try {
            Config config = load(source);
            Assert.fail("accepted rules that loop: " + config.describe());
            return null;
        } catch (ConfigException e) {
            String message = e.getMessage();
            Assert.assertTrue(message, message.startsWith(PREFIX));
            Assert.assertTrue("must be one line: " + message, message.indexOf('\n') < 0);
            Assert.assertTrue(message, message.indexOf("loop") >= 0);
            return message;
        }
    }

    @Test
    public void rulesRelayingBackAndForth_areRefusedAsALoop() {
        String message = loopRefusal(MapPropertySource.defaults().withoutRules().rule(1, "/a", "/b", " x")
                .rule(2, "/b", "/a", " y"));
        Assert.assertTrue(message, message.indexOf("/a -> /b -> /a") >= 0);
        Assert.assertTrue(message, message.indexOf("rules 1 2") >= 0);
    }

    @Test
    public void ruleRelayingToItsOwnSource_isRefusedAsALoop() {
        String message = loopRefusal(MapPropertySource.defaults().withoutRules().rule(1, "/a", "/a", " again"));
        Assert.assertTrue(message, message.indexOf("/a -> /a") >= 0);
    }

    @Test
    public void wildcardSourceCoveringItsTarget_isRefusedAsALoop() {
        String message = loopRefusal(MapPropertySource.defaults().withoutRules().rule(1, "/x/#", "/x/y", "!"));
        Assert.assertTrue(message, message.indexOf("/x/y") >= 0);
    }

    @Test
    public void loopFurtherDownAChain_isRefused() {
        String message = loopRefusal(MapPropertySource.defaults().withoutRules().rule(1, "/start", "/a", "")
                .rule(2, "/a", "/b", "").rule(3, "/b", "/c", "").rule(4, "/c", "/a", ""));
        Assert.assertTrue(message, message.indexOf("rules 2 3 4") >= 0);
    }

    @Test
    public void chainWithoutLoop_isAccepted() throws ConfigException {
        // The default chain /test/topic1 -> /test/topic2 -> /test/topic3 is not a loop.
        MapPropertySource source = MapPropertySource.defaults().rule(3, "/test/topic3", "/test/topic4", "");
        Assert.assertEquals(3, load(source).rules().length);
    }

    @Test
    public void loopRefusal_namesTheKeysToChange() {
        refusal(MapPropertySource.defaults().withoutRules().rule(1, "/a", "/b", " x").rule(2, "/b", "/a", " y"),
                ConfigLoader.RELAY_PREFIX);
    }

    @Test
    public void ruleAfterAGapInTheNumbering_isNotSilentlyIgnored() {
        MapPropertySource source = MapPropertySource.defaults().remove("relayboard.relay.2.from")
                .rule(3, "/test/topic5", "/test/topic6", " (relay3)");
        try {
            RelayRule[] rules = load(source).rules();
            boolean kept = false;
            for (RelayRule rule : rules) {
                kept |= rule.from().equals("/test/topic5");
            }
            Assert.assertTrue("relayboard.relay.3 was silently ignored (" + rules.length + " rule(s) loaded)", kept);
        } catch (ConfigException e) {
            Assert.assertTrue(e.getMessage(), e.getMessage().indexOf("relayboard.relay.") >= 0);
        }
    }

    @Test
    public void ruleRelayingTheBoardsOwnStatus_isRefused() {
        refusal(MapPropertySource.defaults().rule(3, "relayboard/#", "/elsewhere", ""), "relayboard.relay.3.from");
    }

    @Test
    public void passwordWithoutUserName_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_PASSWORD, "mqtt-S3cret"),
                ConfigLoader.MQTT_PASSWORD);
        Assert.assertTrue("the refusal shows the password: " + message, message.indexOf("mqtt-S3cret") < 0);
        Assert.assertTrue(message, message.indexOf(ConfigLoader.MQTT_USERNAME) >= 0);
    }

    @Test
    public void shortWpa2Passphrase_isRefusedWithoutShowingIt() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.WIFI_PASSWORD, "s3cr7"),
                ConfigLoader.WIFI_PASSWORD);
        Assert.assertTrue("the refusal shows the passphrase: " + message, message.indexOf("s3cr7") < 0);
        Assert.assertTrue("says what is wrong: " + message, message.indexOf("8 to 63") >= 0);
    }

    @Test
    public void tooLongWpa2Passphrase_isRefusedWithoutShowingIt() {
        StringBuilder passphrase = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            passphrase.append((char) ('a' + i % 26));
        }
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.WIFI_PASSWORD, passphrase.toString()),
                ConfigLoader.WIFI_PASSWORD);
        Assert.assertTrue(message, message.indexOf(passphrase.toString()) < 0);
    }

    @Test
    public void missingWpa2Passphrase_isRefused() {
        refusal(MapPropertySource.defaults().remove(ConfigLoader.WIFI_PASSWORD), ConfigLoader.WIFI_PASSWORD);
    }

    @Test
    public void unknownSecurityMode_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.WIFI_SECURITY, "WEP")
                .set(ConfigLoader.WIFI_PASSWORD, "wifi-S3cret"), ConfigLoader.WIFI_SECURITY);
        Assert.assertTrue(message, message.indexOf("WEP") >= 0);
        Assert.assertTrue("the refusal shows the passphrase: " + message, message.indexOf("wifi-S3cret") < 0);
    }

    @Test
    public void keepaliveZero_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_KEEPALIVE_S, "0"), ConfigLoader.MQTT_KEEPALIVE_S);
    }

    @Test
    public void cleanSessionYes_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_CLEAN_SESSION, "yes"),
                ConfigLoader.MQTT_CLEAN_SESSION);
        Assert.assertTrue(message, message.indexOf("true or false") >= 0);
    }

    @Test
    public void maxPayloadZero_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, "0"),
                ConfigLoader.MQTT_MAX_PAYLOAD_BYTES);
    }

    @Test
    public void missingSsid_isRefused() {
        String message = refusal(MapPropertySource.defaults().remove(ConfigLoader.WIFI_SSID), ConfigLoader.WIFI_SSID);
        Assert.assertTrue(message, message.indexOf("not set") >= 0);
    }

    @Test
    public void blankSsid_isRefusedLikeAMissingOne() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.WIFI_SSID, "   "), ConfigLoader.WIFI_SSID);
    }

    @Test
    public void ssidOver32Bytes_isRefused() {
        // 11 characters of 3 bytes each: 33 bytes, though only 11 characters.
        refusal(MapPropertySource.defaults().set(ConfigLoader.WIFI_SSID, "\u4E2D\u4E2D\u4E2D\u4E2D\u4E2D\u4E2D"
                + "\u4E2D\u4E2D\u4E2D\u4E2D\u4E2D"), ConfigLoader.WIFI_SSID);
    }

    @Test
    public void clientIdWithSlash_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_CLIENT_ID, "board/1"),
                ConfigLoader.MQTT_CLIENT_ID);
        Assert.assertTrue(message, message.indexOf("board/1") >= 0);
    }

    @Test
    public void clientIdWithWildcards_isRefused() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_CLIENT_ID, "board+1"), ConfigLoader.MQTT_CLIENT_ID);
        refusal(MapPropertySource.defaults().set(ConfigLoader.MQTT_CLIENT_ID, "board#1"), ConfigLoader.MQTT_CLIENT_ID);
    }

    @Test
    public void ninthRule_isRefused() {
        MapPropertySource source = MapPropertySource.defaults().withoutRules();
        for (int n = 1; n <= 9; n++) {
            source.rule(n, "/in/" + n, "/out/" + n, "");
        }
        String message = refusal(source, "relayboard.relay.9.from");
        Assert.assertTrue(message, message.indexOf("8") >= 0);
    }

    // ------------------------------------------------------------------ empty payloads

    @Test
    public void emptyPayload_isRelayedByDefault() throws ConfigException {
        Config config = load(MapPropertySource.defaults().remove(ConfigLoader.RELAY_EMPTY_PAYLOAD));
        Assert.assertTrue(config.relays(new byte[0]));
        Assert.assertTrue(config.relays(new byte[] { 'x' }));
    }

    @Test
    public void emptyPayloadSkip_skipsOnlyEmptyPayloads() throws ConfigException {
        Config config = load(MapPropertySource.defaults().set(ConfigLoader.RELAY_EMPTY_PAYLOAD, "skip"));
        Assert.assertFalse("an empty payload (a retained message cleared) is not relayed", config.relays(new byte[0]));
        Assert.assertTrue("any other payload is", config.relays(new byte[] { 0 }));
        Assert.assertTrue(config.describe(), config.describe().indexOf("empty payloads not relayed") >= 0);
    }

    @Test
    public void emptyPayloadOtherValue_isRefused() {
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.RELAY_EMPTY_PAYLOAD, "drop"),
                ConfigLoader.RELAY_EMPTY_PAYLOAD);
        Assert.assertEquals(PREFIX + "relayboard.relay.emptyPayload must be relay or skip, not \"drop\"", message);
    }

    // ------------------------------------------------------------------ relay group

    @Test
    public void relayGroup_isNoneByDefault_andTrimmedWhenSet() throws ConfigException {
        Config none = load(MapPropertySource.defaults());
        Assert.assertNull(none.relayGroup());
        Assert.assertTrue(none.describe(), none.describe().indexOf("group") < 0);
        Assert.assertNull(load(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "  ")).relayGroup());
        Config grouped = load(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, " g1 "));
        Assert.assertEquals("g1", grouped.relayGroup());
        // Contains, not ends with: the time merge (ad6269f) appended the time server after the group.
        Assert.assertTrue(grouped.describe(), grouped.describe().contains(", relay group \"g1\""));
    }

    @Test
    public void relayGroupWithSlashOrWildcard_isRefused() {
        Assert.assertEquals(PREFIX + "relayboard.relay.group must name a shared subscription's group (a group name is "
                + "one topic level, without / + or #), not \"kitchen/boards\"", refusal(MapPropertySource.defaults()
                .set(ConfigLoader.RELAY_GROUP, "kitchen/boards"), ConfigLoader.RELAY_GROUP));
        refusal(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "g+"), ConfigLoader.RELAY_GROUP);
        refusal(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "#"), ConfigLoader.RELAY_GROUP);
        String nul = refusal(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "g\u00001"),
                ConfigLoader.RELAY_GROUP);
        Assert.assertTrue(nul, nul.indexOf("NUL") >= 0);
    }

    @Test
    public void relayGroupThatMakesASubscriptionTooLong_isRefused() {
        StringBuilder group = new StringBuilder();
        while (group.length() < 65535 - "$share//".length() - "/test/topic1".length()) {
            group.append('g');
        }
        try {
            Assert.assertEquals(group.toString(), load(MapPropertySource.defaults()
                    .set(ConfigLoader.RELAY_GROUP, group.toString())).relayGroup());
        } catch (ConfigException e) {
            Assert.fail("a subscription of 65535 bytes is allowed: " + e.getMessage());
        }
        group.append('g');
        String message = refusal(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, group.toString()),
                ConfigLoader.RELAY_GROUP);
        Assert.assertTrue(message, message.indexOf("rule 1's subscription $share/ggg") >= 0
                && message.indexOf("cannot be longer than 65535 bytes") >= 0);
    }

    // ------------------------------------------------------------------ time

    @Test
    public void timeServer_defaultsToPort123AndTakesAPort() throws ConfigException {
        Config config = load(MapPropertySource.defaults());
        Assert.assertEquals("pool.ntp.org", config.timeServerHost());
        Assert.assertEquals(123, config.timeServerPort());
        Assert.assertEquals(3600, config.timeResyncS());
        Assert.assertTrue(config.describe(), config.describe().indexOf("time from pool.ntp.org") >= 0);

        config = load(MapPropertySource.defaults().set(ConfigLoader.TIME_SERVER, "127.0.0.1:40123")
                .set(ConfigLoader.TIME_RESYNC_S, "60"));
        Assert.assertEquals("127.0.0.1", config.timeServerHost());
        Assert.assertEquals(40123, config.timeServerPort());
        Assert.assertEquals(60, config.timeResyncS());
        Assert.assertTrue(config.describe(), config.describe().indexOf("time from 127.0.0.1:40123") >= 0);

        config = load(MapPropertySource.defaults().remove(ConfigLoader.TIME_SERVER).remove(ConfigLoader.TIME_RESYNC_S));
        Assert.assertEquals(ConfigLoader.DEFAULT_TIME_SERVER, config.timeServerHost());
        Assert.assertEquals(ConfigLoader.DEFAULT_RESYNC_S, config.timeResyncS());
    }

    @Test
    public void timeServer_refusesWhatIsNotHostOrHostPort() {
        Assert.assertEquals(PREFIX + "relayboard.time.server must be host or host:port with a port from 1 to 65535,"
                + " not \"pool.ntp.org:0\"", refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_SERVER,
                        "pool.ntp.org:0"), ConfigLoader.TIME_SERVER));
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_SERVER, "udp://pool.ntp.org"),
                ConfigLoader.TIME_SERVER);
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_SERVER, ":123"), ConfigLoader.TIME_SERVER);
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_SERVER, "pool.ntp.org:ntp"),
                ConfigLoader.TIME_SERVER);
    }

    @Test
    public void timeResync_refusesLessThanAMinuteOrMoreThanAWeek() {
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_RESYNC_S, "59"), ConfigLoader.TIME_RESYNC_S);
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_RESYNC_S, "604801"), ConfigLoader.TIME_RESYNC_S);
        refusal(MapPropertySource.defaults().set(ConfigLoader.TIME_RESYNC_S, "hourly"), ConfigLoader.TIME_RESYNC_S);
    }
}
