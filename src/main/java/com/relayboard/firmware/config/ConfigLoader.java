package com.relayboard.firmware.config;

import java.util.ArrayList;
import java.util.List;

import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.relay.RelayRule;
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
    /** Rules are numbered from 1: {@code relayboard.relay.1.from}, {@code .to}, {@code .suffix}. */
    public static final String RELAY_PREFIX = "relayboard.relay.";

    /** At most this many relay rules; the board subscribes to each rule's source. */
    public static final int MAX_RULES = 8;
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
        for (RelayRule rule : rules) {
            if (rule.appliesTo(statusTopic)) {
                throw new ConfigException("Configuration error: " + RELAY_PREFIX + rule.number()
                        + ".from would relay the board's own status topic " + statusTopic);
            }
        }
        String ledTopic = loadLedTopic(source, clientId, rules);
        String relayGroup = loadRelayGroup(source, rules);
        Config config = new Config(ssid, wifiPassword == null ? "" : wifiPassword, security, wifiInterface, brokerUri,
                hostPort[0], port, caCert, clientId, username, password, qos, keepAliveS, cleanSession,
                maxPayloadBytes, rules);
        config.timeServerHost = timeHostPort[0];
        config.timeServerPort = Integer.parseInt(timeHostPort[1]);
        config.timeResyncS = resyncS;
        config.retryMaxS = retryMaxS;
        config.restartAfterS = restartAfterS;
        config.relayEmptyPayloads = relayEmptyPayloads;
        config.ledTopic = ledTopic;
        config.relayGroup = relayGroup;
        return config;
    }

    /** @return the relay group, or {@code null} when none is set */
    private static String loadRelayGroup(PropertySource source, RelayRule[] rules) throws ConfigException {
        String group = optional(source, RELAY_GROUP);
        if (group == null) {
            return null;
        }
        String problem = Topics.checkShareName(group);
        if (problem != null) {
            throw invalid(RELAY_GROUP, "must name a shared subscription's group (" + problem + ")", group);
        }
        for (RelayRule rule : rules) {
            String filter = Topics.shared(group, rule.from());
            problem = Topics.checkTopicFilter(filter);
            if (problem != null) {
                throw invalid(RELAY_GROUP, "makes rule " + rule.number() + "'s subscription " + filter
                        + " one the board cannot make: " + problem, group);
            }
        }
        return group;
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
    private static String loadLedTopic(PropertySource source, String clientId, RelayRule[] rules)
            throws ConfigException {
        String raw = source.get(LED_TOPIC);
        if (raw != null && raw.trim().length() == 0) {
            return null;
        }
        String topic = raw == null ? Config.STATUS_TOPIC_PREFIX + clientId + Config.LED_SET_SUFFIX : raw.trim();
        String problem = Topics.checkTopicName(topic);
        if (problem != null) {
            throw invalid(LED_TOPIC, "is not a topic the board can subscribe to by name: " + problem, topic);
        }
        for (RelayRule rule : rules) {
            if (rule.appliesTo(topic)) {
                // A message there would be both a command and a message to relay: refused rather than guessed.
                throw new ConfigException("Configuration error: " + RELAY_PREFIX + rule.number()
                        + ".from would relay the board's LED command topic " + topic);
            }
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
            String problem = Topics.checkTopicFilter(from);
            if (problem != null) {
                throw invalid(fromKey, "is not a valid topic filter: " + problem, from);
            }
            String toKey = RELAY_PREFIX + number + ".to";
            String to = required(source, toKey);
            problem = Topics.checkTopicName(to);
            if (problem != null) {
                throw invalid(toKey, "is not a topic the board can publish to: " + problem, to);
            }
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
        RelayRule[] array = rules.toArray(new RelayRule[rules.size()]);
        checkNoLoop(array);
        return array;
    }

    /**
     * Refuses rules that would relay a message forever: a cycle of rules where each one's target topic
     * matches the next one's source. Each hop appends a suffix, so such a loop would also grow the
     * payload without end.
     */
    private static void checkNoLoop(RelayRule[] rules) throws ConfigException {
        int count = rules.length;
        // 0 = not visited, 1 = on the current path, 2 = done
        int[] mark = new int[count];
        int[] path = new int[count + 1];
        for (int start = 0; start < count; start++) {
            if (mark[start] == 0) {
                int loopAt = findCycle(rules, start, mark, path, 0);
                if (loopAt >= 0) {
                    throw new ConfigException("Configuration error: " + loopKeys(rules, path, loopAt)
                            + " relay in a loop forever: " + describeLoop(rules, path, loopAt));
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

    /** @return the keys to change to break the loop: the targets of the rules in the cycle */
    private static String loopKeys(RelayRule[] rules, int[] path, int end) {
        int begin = cycleStart(path, end);
        StringBuilder keys = new StringBuilder();
        for (int i = begin; i < end; i++) {
            if (i > begin) {
                keys.append(i == end - 1 ? " and " : ", ");
            }
            keys.append(RELAY_PREFIX).append(rules[path[i]].number()).append(".to");
        }
        return keys.toString();
    }

    private static String describeLoop(RelayRule[] rules, int[] path, int end) {
        int begin = cycleStart(path, end);
        StringBuilder text = new StringBuilder(rules[path[end]].from());
        for (int i = begin; i < end; i++) {
            text.append(" -> ").append(rules[path[i]].to());
        }
        text.append(" (rules");
        for (int i = begin; i < end; i++) {
            text.append(' ').append(rules[path[i]].number());
        }
        return text.append(')').toString();
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
