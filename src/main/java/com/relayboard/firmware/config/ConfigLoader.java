package com.relayboard.firmware.config;

import java.util.ArrayList;
import java.util.List;

import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.relay.RelayRule;
import com.relayboard.firmware.relay.RuleChecks;
import com.relayboard.firmware.relay.RuleNames;
import com.relayboard.firmware.relay.RuleRefusal;
import com.relayboard.firmware.relay.Topics;

/**
 * Reads and validates the {@code relayboard.*} configuration. The first problem found is refused
 * with one line that names the key, what it must be, and what it was.
 */
public final class ConfigLoader {

    public static final String WIFI_SSID = "relayboard.wifi.ssid";
    public static final String WIFI_PASSWORD = "relayboard.wifi.password";
    public static final String WIFI_SECURITY = "relayboard.wifi.security";
    public static final String WIFI_INTERFACE = "relayboard.wifi.interface";
    public static final String MQTT_BROKER = "relayboard.mqtt.broker";
    public static final String MQTT_CLIENT_ID = "relayboard.mqtt.clientId";
    public static final String MQTT_USERNAME = "relayboard.mqtt.username";
    public static final String MQTT_PASSWORD = "relayboard.mqtt.password";
    public static final String MQTT_QOS = "relayboard.mqtt.qos";
    public static final String MQTT_KEEPALIVE_S = "relayboard.mqtt.keepaliveS";
    public static final String MQTT_CLEAN_SESSION = "relayboard.mqtt.cleanSession";
    public static final String MQTT_MAX_PAYLOAD_BYTES = "relayboard.mqtt.maxPayloadBytes";
    /**
     * The CA certificate (PEM) that signed the broker's certificate, for {@code ssl://} brokers: a
     * classpath resource on the board (listed in a {@code *.resources.list}), else a file.
     */
    public static final String MQTT_CA_CERT = "relayboard.mqtt.caCert";
    /** Longest wait between two connect attempts (the backoff's cap), in seconds. */
    public static final String MQTT_RETRY_MAX_S = "relayboard.mqtt.retryMaxS";
    /**
     * How many lanes the board relays on, 1 or {@link #MAX_MQTT_LANES}: each lane is a receiving and a publishing
     * connection, and relays one message at a time (its copy acknowledged before the original is). Two lanes relay
     * the default chain's two hops side by side; one costs half the sockets, clients, threads and TLS handshakes.
     */
    public static final String MQTT_LANES = "relayboard.mqtt.lanes";
    /** {@link #MQTT_LANES} when the key is not set: docs/benchmarks.md, "Lanes", says why. */
    public static final int DEFAULT_MQTT_LANES = 1;
    /**
     * The most lanes the board opens: two lanes are four connections, with an SNTP socket five of the 9 sockets lwIP
     * leaves the application on the ESP32 ports (docs/api-evidence.md, "Sockets"), and 16 of MicroPaho's threads.
     */
    public static final int MAX_MQTT_LANES = 2;
    /** Reconnect backoff cap when {@link #MQTT_RETRY_MAX_S} is not set, in seconds. */
    public static final int DEFAULT_RETRY_MAX_S = 30;
    /** An hour: a board that waits longer than this between attempts looks dead to its user. */
    private static final int MAX_RETRY_MAX_S = 3600;
    /**
     * After this long with Wi-Fi up but no broker connection, in seconds, the board restarts its network side
     * (leaves Wi-Fi, connects with new clients); 0: never.
     */
    public static final String MQTT_RESTART_AFTER_S = "relayboard.mqtt.restartAfterS";
    /** ESPHome's {@code reboot_timeout} default for its MQTT component: 15 minutes. */
    public static final int DEFAULT_RESTART_AFTER_S = 900;
    /** A day: beyond that the watchdog would never be seen to act. */
    private static final int MAX_RESTART_AFTER_S = 86400;
    /**
     * The SNTP server the board sets its clock from once Wi-Fi is up, as {@code host} or {@code host:port}: the
     * board's TLS stack checks certificate dates against that clock, which starts at 1970 (docs/api-evidence.md).
     */
    public static final String TIME_SERVER = "relayboard.time.server";
    /** {@link #TIME_SERVER} when the key is not set. */
    public static final String DEFAULT_TIME_SERVER = "pool.ntp.org";
    /** SNTP's port (RFC 4330), when {@link #TIME_SERVER} names none. */
    public static final int DEFAULT_SNTP_PORT = 123;
    /** How often the board sets its clock again once it is set, in seconds. */
    public static final String TIME_RESYNC_S = "relayboard.time.resyncS";
    /** An hour: the ESP32's clock drifts by well under a second in that time. */
    public static final int DEFAULT_RESYNC_S = 3600;
    /** A minute: RFC 4330 asks clients not to poll a server more often than that. */
    private static final int MIN_RESYNC_S = 60;
    /** A week. */
    private static final int MAX_RESYNC_S = 604800;
    /**
     * What the board does with an empty payload on a rule's source: {@code relay} it (as the suffix alone) or
     * {@code skip} it. An empty retained message is how a client clears a topic's retained message: relayed, it
     * arrives on the target as the suffix, which clears nothing and reads like data.
     */
    public static final String RELAY_EMPTY_PAYLOAD = "relayboard.relay.emptyPayload";
    /** {@link #RELAY_EMPTY_PAYLOAD}'s values. */
    public static final String EMPTY_PAYLOAD_RELAY = "relay";
    public static final String EMPTY_PAYLOAD_SKIP = "skip";
    /**
     * The topic the board takes LED commands on. Not set: {@code relayboard/<clientId>/led/set}; set but empty: no
     * LED control.
     */
    public static final String LED_TOPIC = "relayboard.led.topic";
    /**
     * The relay group: with one, the board takes its rules' sources through the broker's shared subscription
     * {@code $share/<group>/<from>}, so that each message is relayed by one board of the group. Empty: no group,
     * every board relays every message.
     */
    public static final String RELAY_GROUP = "relayboard.relay.group";
    /**
     * The topic the board takes its rule table on, as a retained JSON command. Not set:
     * {@code relayboard/<clientId>/rules/set}; set but empty: runtime rules off, the options' rules only.
     */
    public static final String RULES_TOPIC = "relayboard.rules.topic";
    /** How often the board publishes its telemetry document, in seconds; 0: only on request. */
    public static final String TELEMETRY_PERIOD_S = "relayboard.telemetry.periodS";
    /** {@link #TELEMETRY_PERIOD_S} when not set. */
    public static final int DEFAULT_TELEMETRY_PERIOD_S = 60;
    /** A day. */
    private static final int MAX_TELEMETRY_PERIOD_S = 86400;
    /** Rules are numbered from 1: {@code relayboard.relay.1.from}, {@code .to}, {@code .suffix}. */
    public static final String RELAY_PREFIX = "relayboard.relay.";

    /** At most this many relay rules; the board subscribes to each rule's source. */
    public static final int MAX_RULES = RuleChecks.MAX_RULES;
    /** An SSID is at most 32 bytes (IEEE 802.11). */
    private static final int MAX_SSID_BYTES = 32;
    /** A WPA2 passphrase has 8 to 63 characters (IEEE 802.11i). */
    private static final int MIN_WPA2_PASSPHRASE = 8;
    private static final int MAX_WPA2_PASSPHRASE = 63;
    /** Largest MQTT payload: the protocol's remaining-length limit. */
    private static final int MAX_PAYLOAD_LIMIT_BYTES = 268435455;
    private static final String DEFAULT_MQTT_PORT = "1883";
    private static final String DEFAULT_MQTTS_PORT = "8883";
    private static final String TCP_SCHEME = "tcp://";
    private static final String SSL_SCHEME = "ssl://";
    private static final String CLIENT_ID_PREFIX = "relayboard-";

    private ConfigLoader() {
    }

    /**
     * @param boardIdentity
     *            a short string unique to this board (from its MAC address), used to derive the
     *            client id when none is configured
     */
    public static Config load(PropertySource source, String boardIdentity) throws ConfigException {
        String ssid = required(source, WIFI_SSID);
        if (Utf8.encode(ssid).length > MAX_SSID_BYTES) {
            throw invalid(WIFI_SSID, "must be at most " + MAX_SSID_BYTES + " bytes long", ssid);
        }
        String security = required(source, WIFI_SECURITY);
        String wifiPassword = optional(source, WIFI_PASSWORD);
        if ("WPA2".equals(security)) {
            int length = wifiPassword == null ? 0 : wifiPassword.length();
            if (length < MIN_WPA2_PASSPHRASE || length > MAX_WPA2_PASSPHRASE) {
                // The value is a secret: say what is wrong with it without showing it.
                throw new ConfigException("Configuration error: " + WIFI_PASSWORD + " must have "
                        + MIN_WPA2_PASSPHRASE + " to " + MAX_WPA2_PASSPHRASE + " characters for WPA2 (it has "
                        + length + ")");
            }
        } else if (!"OPEN".equals(security)) {
            throw invalid(WIFI_SECURITY, "must be WPA2 or OPEN", security);
        }
        String wifiInterface = required(source, WIFI_INTERFACE);

        String broker = required(source, MQTT_BROKER);
        String[] hostPort = parseBroker(broker);
        boolean tls = broker.startsWith(SSL_SCHEME);
        int port = parseInt(MQTT_BROKER, hostPort[1], 1, 65535,
                "must be tcp://host:port or ssl://host:port with a port from 1 to 65535");
        String brokerUri = (tls ? SSL_SCHEME : TCP_SCHEME) + hostPort[0] + ":" + port;
        String caCert = optional(source, MQTT_CA_CERT);
        if (tls && caCert == null) {
            throw new ConfigException("Configuration error: " + MQTT_BROKER + " is ssl:// but " + MQTT_CA_CERT
                    + " is empty (the board trusts only the CA named there)");
        }
        if (!tls && caCert != null) {
            // Refused rather than ignored: the user asked for TLS and would silently get plain TCP.
            throw new ConfigException("Configuration error: " + MQTT_CA_CERT + " is set but " + MQTT_BROKER
                    + " is tcp:// (use ssl://host:port for TLS)");
        }
        if (tls && isIpAddress(hostPort[0])) {
            // The board's TLS stack checks the certificate's name only for host names, never for
            // addresses (docs/api-evidence.md): without a name, any certificate of the CA would pass.
            throw invalid(MQTT_BROKER, "must name the broker's host for TLS (its certificate's name is checked), "
                    + "not an IP address", broker);
        }

        String clientId = optional(source, MQTT_CLIENT_ID);
        if (clientId == null) {
            clientId = CLIENT_ID_PREFIX + boardIdentity;
        }
        if (clientId.indexOf('/') >= 0 || clientId.indexOf('+') >= 0 || clientId.indexOf('#') >= 0) {
            throw invalid(MQTT_CLIENT_ID, "cannot contain / + or # (it names the status topic)", clientId);
        }
        if (Utf8.encode(clientId).length > Topics.MAX_TOPIC_BYTES / 2) {
            throw invalid(MQTT_CLIENT_ID, "is too long", clientId);
        }
        String username = optional(source, MQTT_USERNAME);
        String password = optional(source, MQTT_PASSWORD);
        if (password != null && username == null) {
            throw new ConfigException("Configuration error: " + MQTT_PASSWORD + " is set but " + MQTT_USERNAME
                    + " is empty (MQTT 3.1.1 sends a password only with a user name)");
        }

        int qos = parseInt(MQTT_QOS, required(source, MQTT_QOS), 0, 1, "must be 0 or 1");
        int keepAliveS = parseInt(MQTT_KEEPALIVE_S, required(source, MQTT_KEEPALIVE_S), 1, 65535,
                "must be a number of seconds from 1 to 65535");
        boolean cleanSession = parseBoolean(MQTT_CLEAN_SESSION, required(source, MQTT_CLEAN_SESSION));
        int maxPayloadBytes = parseInt(MQTT_MAX_PAYLOAD_BYTES, required(source, MQTT_MAX_PAYLOAD_BYTES), 1,
                MAX_PAYLOAD_LIMIT_BYTES, "must be a number of bytes from 1 to " + MAX_PAYLOAD_LIMIT_BYTES);

        String lanesOption = optional(source, MQTT_LANES);
        int lanes = lanesOption == null ? DEFAULT_MQTT_LANES
                : parseInt(MQTT_LANES, lanesOption, 1, MAX_MQTT_LANES, "must be 1 or " + MAX_MQTT_LANES);

        String retryMax = optional(source, MQTT_RETRY_MAX_S);
        int retryMaxS = retryMax == null ? DEFAULT_RETRY_MAX_S
                : parseInt(MQTT_RETRY_MAX_S, retryMax, 1, MAX_RETRY_MAX_S, "must be a number of seconds from 1 to "
                        + MAX_RETRY_MAX_S);

        String restartAfter = optional(source, MQTT_RESTART_AFTER_S);
        int restartAfterS = restartAfter == null ? DEFAULT_RESTART_AFTER_S
                : parseInt(MQTT_RESTART_AFTER_S, restartAfter, 0, MAX_RESTART_AFTER_S,
                        "must be a number of seconds from 0 (never) to " + MAX_RESTART_AFTER_S);

        String timeServer = optional(source, TIME_SERVER);
        String[] timeHostPort = parseTimeServer(timeServer == null ? DEFAULT_TIME_SERVER : timeServer);
        String resync = optional(source, TIME_RESYNC_S);
        int resyncS = resync == null ? DEFAULT_RESYNC_S
                : parseInt(TIME_RESYNC_S, resync, MIN_RESYNC_S, MAX_RESYNC_S, "must be a number of seconds from "
                        + MIN_RESYNC_S + " to " + MAX_RESYNC_S);

        String emptyPayload = optional(source, RELAY_EMPTY_PAYLOAD);
        boolean relayEmptyPayloads = emptyPayload == null || EMPTY_PAYLOAD_RELAY.equals(emptyPayload);
        if (!relayEmptyPayloads && !EMPTY_PAYLOAD_SKIP.equals(emptyPayload)) {
            throw invalid(RELAY_EMPTY_PAYLOAD, "must be " + EMPTY_PAYLOAD_RELAY + " or " + EMPTY_PAYLOAD_SKIP,
                    emptyPayload);
        }

        RelayRule[] rules = loadRules(source);
        String statusTopic = Config.STATUS_TOPIC_PREFIX + clientId + Config.STATUS_TOPIC_SUFFIX;
        String ledTopic = loadLedTopic(source, clientId);
        String relayGroup = loadRelayGroup(source);
        String rulesTopic = loadRulesTopic(source, clientId);
        String telemetryTopic = Config.STATUS_TOPIC_PREFIX + clientId + Config.TELEMETRY_GET_SUFFIX;
        checkRules(rules, ownTopics(statusTopic, ledTopic, rulesTopic, telemetryTopic), relayGroup, OPTION_NAMES);
        String telemetryPeriod = optional(source, TELEMETRY_PERIOD_S);
        int telemetryPeriodS = telemetryPeriod == null ? DEFAULT_TELEMETRY_PERIOD_S
                : parseInt(TELEMETRY_PERIOD_S, telemetryPeriod, 0, MAX_TELEMETRY_PERIOD_S,
                        "must be a number of seconds from 0 (off) to " + MAX_TELEMETRY_PERIOD_S);
        Config config = new Config(ssid, wifiPassword == null ? "" : wifiPassword, security, wifiInterface, brokerUri,
                hostPort[0], port, caCert, clientId, username, password, qos, keepAliveS, cleanSession,
                maxPayloadBytes, rules);
        config.timeServerHost = timeHostPort[0];
        config.timeServerPort = Integer.parseInt(timeHostPort[1]);
        config.timeResyncS = resyncS;
        config.retryMaxS = retryMaxS;
        config.lanes = lanes;
        config.restartAfterS = restartAfterS;
        config.relayEmptyPayloads = relayEmptyPayloads;
        config.ledTopic = ledTopic;
        config.relayGroup = relayGroup;
        config.rulesTopic = rulesTopic;
        config.telemetryPeriodS = telemetryPeriodS;
        return config;
    }

    /** @return the relay group, or {@code null} when none is set (its rules' subscriptions: {@link RuleChecks}) */
    private static String loadRelayGroup(PropertySource source) throws ConfigException {
        String group = optional(source, RELAY_GROUP);
        if (group == null) {
            return null;
        }
        String problem = Topics.checkShareName(group);
        if (problem != null) {
            throw invalid(RELAY_GROUP, "must name a shared subscription's group (" + problem + ")", group);
        }
        return group;
    }

    /** @return the rules command topic, or {@code null} when the key is set but empty (runtime rules off) */
    private static String loadRulesTopic(PropertySource source, String clientId) throws ConfigException {
        String raw = source.get(RULES_TOPIC);
        if (raw != null && raw.trim().length() == 0) {
            return null;
        }
        String topic = raw == null ? Config.STATUS_TOPIC_PREFIX + clientId + Config.RULES_SET_SUFFIX : raw.trim();
        String problem = Topics.checkTopicName(topic);
        if (problem != null) {
            throw invalid(RULES_TOPIC, "is not a topic the board can subscribe to by name: " + problem, topic);
        }
        return topic;
    }

    /** How the options name a rule's field: by its key, {@code relayboard.relay.3.to}. */
    private static final RuleNames OPTION_NAMES = new RuleNames() {
        @Override
        public String field(int number, String field) {
            return RELAY_PREFIX + number + "." + field;
        }

        @Override
        public String group() {
            return RELAY_GROUP;
        }
    };

    /**
     * @return the board's own topics that no rule may relay, with what each is, as {@link RuleChecks} takes them
     *         ({@code null} topics are off)
     */
    public static String[] ownTopics(String statusTopic, String ledTopic, String rulesTopic, String telemetryGetTopic) {
        return new String[] { "own status topic", statusTopic, "LED command topic", ledTopic, "rules command topic",
                rulesTopic, "telemetry request topic", telemetryGetTopic };
    }

    /** The options' rules, checked as a table taken over MQTT is: refused with the key to change. */
    private static void checkRules(RelayRule[] rules, String[] ownTopics, String group, RuleNames names)
            throws ConfigException {
        try {
            RuleChecks.check(rules, ownTopics, group, names);
        } catch (RuleRefusal e) {
            throw new ConfigException("Configuration error: " + e.getMessage());
        }
    }

    /** @return the SNTP server's host and port (as text, {@link #DEFAULT_SNTP_PORT} when not given) */
    private static String[] parseTimeServer(String server) throws ConfigException {
        int colon = server.lastIndexOf(':');
        String host = colon < 0 ? server : server.substring(0, colon);
        String port = colon < 0 ? String.valueOf(DEFAULT_SNTP_PORT) : server.substring(colon + 1);
        if (host.length() == 0 || host.indexOf('/') >= 0 || host.indexOf(' ') >= 0 || host.indexOf(':') >= 0) {
            throw invalid(TIME_SERVER, "must be host or host:port, e.g. " + DEFAULT_TIME_SERVER, server);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1 || number > 65535) {
            throw invalid(TIME_SERVER, "must be host or host:port with a port from 1 to 65535", server);
        }
        return new String[] { host, String.valueOf(number) };
    }

    /** @return the LED command topic, or {@code null} when the key is set but empty (LED control off) */
    private static String loadLedTopic(PropertySource source, String clientId) throws ConfigException {
        String raw = source.get(LED_TOPIC);
        if (raw != null && raw.trim().length() == 0) {
            return null;
        }
        String topic = raw == null ? Config.STATUS_TOPIC_PREFIX + clientId + Config.LED_SET_SUFFIX : raw.trim();
        String problem = Topics.checkTopicName(topic);
        if (problem != null) {
            throw invalid(LED_TOPIC, "is not a topic the board can subscribe to by name: " + problem, topic);
        }
        return topic;
    }

    /**
     * Reads rules 1 to {@link #MAX_RULES}. A rule whose {@code .from} is empty is off, and the numbers
     * after it still count: blanking rule 2 leaves rule 3 working.
     */
    private static RelayRule[] loadRules(PropertySource source) throws ConfigException {
        List<RelayRule> rules = new ArrayList<RelayRule>();
        for (int number = 1; number <= MAX_RULES; number++) {
            String fromKey = RELAY_PREFIX + number + ".from";
            String from = optional(source, fromKey);
            if (from == null) {
                continue;
            }
            String to = required(source, RELAY_PREFIX + number + ".to");
            String suffix = source.get(RELAY_PREFIX + number + ".suffix");
            rules.add(new RelayRule(number, from, to, suffix == null ? "" : suffix));
        }
        String extraKey = RELAY_PREFIX + (MAX_RULES + 1) + ".from";
        if (optional(source, extraKey) != null) {
            throw new ConfigException("Configuration error: at most " + MAX_RULES + " relay rules, numbered 1 to "
                    + MAX_RULES + " (" + extraKey + " is one too many)");
        }
        if (rules.isEmpty()) {
            throw new ConfigException("Configuration error: no relay rule (" + RELAY_PREFIX + "1.from to "
                    + RELAY_PREFIX + MAX_RULES + ".from are all empty): the board would have nothing to do");
        }
        // Checked with the board's own topics once they are known (checkRules).
        return rules.toArray(new RelayRule[rules.size()]);
    }

    /** @return {host, port} of a {@code tcp://host[:port]} or {@code ssl://host[:port]} URI */
    private static String[] parseBroker(String uri) throws ConfigException {
        String scheme;
        String defaultPort;
        if (uri.startsWith(TCP_SCHEME)) {
            scheme = TCP_SCHEME;
            defaultPort = DEFAULT_MQTT_PORT;
        } else if (uri.startsWith(SSL_SCHEME)) {
            scheme = SSL_SCHEME;
            defaultPort = DEFAULT_MQTTS_PORT;
        } else {
            throw invalid(MQTT_BROKER, "must be tcp://host:port or ssl://host:port", uri);
        }
        String rest = uri.substring(scheme.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(MQTT_BROKER, "has an unclosed [ in its IPv6 address", uri);
            }
            host = rest.substring(0, close + 1);
            String after = rest.substring(close + 1);
            port = after.length() == 0 ? defaultPort : after.startsWith(":") ? after.substring(1) : null;
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            port = colon < 0 ? defaultPort : rest.substring(colon + 1);
        }
        if (host.length() == 0 || port == null || host.indexOf('/') >= 0 || host.indexOf(' ') >= 0
                || host.indexOf('@') >= 0) {
            throw invalid(MQTT_BROKER, "must be " + scheme + "host:port", uri);
        }
        return new String[] { host, port };
    }

    /** @return whether {@code host} is an IPv6 literal ({@code [...]}) or a dotted IPv4 address */
    static boolean isIpAddress(String host) {
        if (host.startsWith("[")) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    private static String required(PropertySource source, String key) throws ConfigException {
        String value = optional(source, key);
        if (value == null) {
            throw new ConfigException("Configuration error: " + key + " is not set");
        }
        return value;
    }

    /** @return the trimmed value, or {@code null} when unset or blank */
    private static String optional(PropertySource source, String key) {
        String value = source.get(key);
        if (value == null) {
            return null;
        }
        value = value.trim();
        return value.length() == 0 ? null : value;
    }

    private static int parseInt(String key, String text, int min, int max, String rule) throws ConfigException {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(key, rule, text);
        }
        if (value < min || value > max) {
            throw invalid(key, rule, text);
        }
        return value;
    }

    private static boolean parseBoolean(String key, String text) throws ConfigException {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw invalid(key, "must be true or false", text);
    }

    private static ConfigException invalid(String key, String rule, String value) {
        return new ConfigException("Configuration error: " + key + " " + rule + ", not \"" + value + "\"");
    }
}
