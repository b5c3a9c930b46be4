package com.relayboard.firmware.config;

import com.relayboard.firmware.relay.RelayRule;

/**
 * The board's validated configuration. Built only by {@link ConfigLoader}; never printed whole, since
 * it holds passwords.
 */
public final class Config {

    /** Topic levels under which the board publishes its availability. */
    public static final String STATUS_TOPIC_PREFIX = "relayboard/";
    public static final String STATUS_TOPIC_SUFFIX = "/status";
    /** {@code relayboard/<clientId>} plus this: where the board takes LED commands, unless configured otherwise. */
    public static final String LED_SET_SUFFIX = "/led/set";
    /** {@code relayboard/<clientId>} plus this: the LED setting the board applied, retained. */
    public static final String LED_STATE_SUFFIX = "/led";
    /** {@code relayboard/<clientId>} plus this: where the board takes its rule table, unless configured otherwise. */
    public static final String RULES_SET_SUFFIX = "/rules/set";
    /** {@code relayboard/<clientId>} plus this: the rule table in force, retained. */
    public static final String RULES_STATE_SUFFIX = "/rules";
    /** {@code relayboard/<clientId>} plus this: why the last table was refused. */
    public static final String RULES_REFUSED_SUFFIX = "/rules/refused";
    /** {@code relayboard/<clientId>} plus this: the telemetry document, retained. */
    public static final String TELEMETRY_SUFFIX = "/telemetry";
    /** {@code relayboard/<clientId>} plus this: a request for a telemetry document now. */
    public static final String TELEMETRY_GET_SUFFIX = "/telemetry/get";

    final String wifiSsid;
    final String wifiPassword;
    final String wifiSecurity;
    final String wifiInterface;
    final String brokerUri;
    final String brokerHost;
    final int brokerPort;
    final String caCert;
    final String clientId;
    final String username;
    final String password;
    final int qos;
    final int keepAliveS;
    final boolean cleanSession;
    final int maxPayloadBytes;
    final RelayRule[] rules;
    /** Set by the loader after construction, so that the constructor's list of settings stays as it was. */
    int retryMaxS = ConfigLoader.DEFAULT_RETRY_MAX_S;
    /** {@link ConfigLoader#MQTT_LANES}; set by the loader after construction, as {@link #retryMaxS}. */
    int lanes = ConfigLoader.DEFAULT_MQTT_LANES;
    /** {@link ConfigLoader#MQTT_RESTART_AFTER_S}; set by the loader after construction, as {@link #retryMaxS}. */
    int restartAfterS = ConfigLoader.DEFAULT_RESTART_AFTER_S;
    /** {@link ConfigLoader#TIME_SERVER}'s host; set by the loader after construction, as {@link #retryMaxS}. */
    String timeServerHost = ConfigLoader.DEFAULT_TIME_SERVER;
    /** {@link ConfigLoader#TIME_SERVER}'s port. */
    int timeServerPort = ConfigLoader.DEFAULT_SNTP_PORT;
    /** {@link ConfigLoader#TIME_RESYNC_S}. */
    int timeResyncS = ConfigLoader.DEFAULT_RESYNC_S;
    /** {@link ConfigLoader#RELAY_EMPTY_PAYLOAD}; set by the loader after construction, as {@link #retryMaxS}. */
    boolean relayEmptyPayloads = true;
    /** Set by the loader after construction, like {@link #retryMaxS}; {@code null}: no LED control. */
    String ledTopic;
    /** {@link ConfigLoader#RELAY_GROUP}, or {@code null}; set by the loader after construction, as {@link #retryMaxS}. */
    String relayGroup;
    /** {@link ConfigLoader#RULES_TOPIC}, or {@code null}: runtime rules off. */
    String rulesTopic;
    /** {@link ConfigLoader#TELEMETRY_PERIOD_S}. */
    int telemetryPeriodS = ConfigLoader.DEFAULT_TELEMETRY_PERIOD_S;

    Config(String wifiSsid, String wifiPassword, String wifiSecurity, String wifiInterface, String brokerUri,
            String brokerHost, int brokerPort, String caCert, String clientId, String username, String password, int qos,
            int keepAliveS, boolean cleanSession, int maxPayloadBytes, RelayRule[] rules) {
        this.wifiSsid = wifiSsid;
        this.wifiPassword = wifiPassword;
        this.wifiSecurity = wifiSecurity;
        this.wifiInterface = wifiInterface;
        this.brokerUri = brokerUri;
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.caCert = caCert;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.qos = qos;
        this.keepAliveS = keepAliveS;
        this.cleanSession = cleanSession;
        this.maxPayloadBytes = maxPayloadBytes;
        this.rules = rules;
    }

    public String wifiSsid() {
        return this.wifiSsid;
    }

    public String wifiPassword() {
        return this.wifiPassword;
    }

    /** @return {@code OPEN} or {@code WPA2} */
    public String wifiSecurity() {
        return this.wifiSecurity;
    }

    /** @return the name of the Wi-Fi station's network interface ({@code st1} on the ESP32 ports) */
    public String wifiInterface() {
        return this.wifiInterface;
    }

    /** @return {@code tcp://host:port} or {@code ssl://host:port} */
    public String brokerUri() {
        return this.brokerUri;
    }

    public String brokerHost() {
        return this.brokerHost;
    }

    public int brokerPort() {
        return this.brokerPort;
    }

    /** @return whether the broker is reached over TLS ({@code ssl://}) */
    public boolean tls() {
        return this.caCert != null;
    }

    /**
     * @return where the CA certificate (PEM) that the broker's certificate must chain to is: a classpath
     *         resource, else a file; {@code null} for a {@code tcp://} broker
     */
    public String caCert() {
        return this.caCert;
    }

    public String clientId() {
        return this.clientId;
    }

    /** @return the MQTT user name, or {@code null} to connect anonymously */
    public String username() {
        return this.username;
    }

    /** @return the MQTT password, or {@code null} */
    public String password() {
        return this.password;
    }

    /** @return the QoS of the board's subscriptions and relayed publishes: 0 or 1 */
    public int qos() {
        return this.qos;
    }

    public int keepAliveS() {
        return this.keepAliveS;
    }

    public boolean cleanSession() {
        return this.cleanSession;
    }

    /** @return the longest wait between two attempts to connect to the broker, in seconds */
    public int retryMaxS() {
        return this.retryMaxS;
    }

    /** @return after how long without the broker, Wi-Fi up, the network side restarts, in seconds; 0: never */
    /** @return the SNTP server's host name or address */
    public String timeServerHost() {
        return this.timeServerHost;
    }

    /** @return the SNTP server's UDP port */
    public int timeServerPort() {
        return this.timeServerPort;
    }

    /** @return how often the board sets its clock again once set, in seconds */
    public int timeResyncS() {
        return this.timeResyncS;
    }

    public int restartAfterS() {
        return this.restartAfterS;
    }

    /** @return the largest payload the board relays, in bytes; larger messages are dropped and counted */
    public int maxPayloadBytes() {
        return this.maxPayloadBytes;
    }

    /**
     * Whether a message with this payload, which matched a rule, is relayed. An empty payload is relayed only with
     * {@code relayboard.relay.emptyPayload=relay} (the default); with {@code skip} it is only shown.
     */
    public boolean relays(byte[] payload) {
        return payload.length > 0 || relaysEmptyPayloads();
    }

    /** @return whether an empty payload on a rule's source is relayed ({@code relayboard.relay.emptyPayload=relay}) */
    public boolean relaysEmptyPayloads() {
        return this.relayEmptyPayloads;
    }

    public RelayRule[] rules() {
        return this.rules.clone();
    }

    /** @return {@code relayboard/<clientId>/status}: retained {@code online}, and {@code offline} as Last Will */
    public String statusTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + STATUS_TOPIC_SUFFIX;
    }

    /** @return how many lanes the board relays on ({@link ConfigLoader#MQTT_LANES}) */
    public int lanes() {
        return this.lanes;
    }

    /** @return where the board takes LED commands, or {@code null} when LED control is off */
    public String ledTopic() {
        return this.ledTopic;
    }

    /**
     * @return the relay group whose shared subscriptions the board takes its sources through, or {@code null}: the
     *         board subscribes to its sources itself
     */
    public String relayGroup() {
        return this.relayGroup;
    }

    /** @return where the board takes its rule table (retained JSON), or {@code null}: runtime rules off */
    public String rulesTopic() {
        return this.rulesTopic;
    }

    /** @return {@code relayboard/<clientId>/rules}: the table in force, retained */
    public String rulesStateTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + RULES_STATE_SUFFIX;
    }

    /** @return {@code relayboard/<clientId>/rules/refused}: why a table was refused */
    public String rulesRefusedTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + RULES_REFUSED_SUFFIX;
    }

    /** @return {@code relayboard/<clientId>/telemetry}: the telemetry document, retained */
    public String telemetryTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + TELEMETRY_SUFFIX;
    }

    /** @return {@code relayboard/<clientId>/telemetry/get}: asks for a telemetry document now */
    public String telemetryGetTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + TELEMETRY_GET_SUFFIX;
    }

    /** @return how often the telemetry document is published, in seconds; 0: only on request */
    public int telemetryPeriodS() {
        return this.telemetryPeriodS;
    }

    /** @return {@code relayboard/<clientId>/led}: the LED setting applied, retained */
    public String ledStateTopic() {
        return STATUS_TOPIC_PREFIX + this.clientId + LED_STATE_SUFFIX;
    }

    /** @return the configuration in one line, passwords left out */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append("wifi \"").append(this.wifiSsid).append("\" (").append(this.wifiSecurity).append("), broker ")
                .append(this.brokerUri);
        if (this.caCert != null) {
            line.append(" (TLS, CA ").append(this.caCert).append(')');
        }
        line.append(", client id ").append(this.clientId);
        if (this.username != null) {
            line.append(", user ").append(this.username);
        }
        line.append(", QoS ").append(this.qos).append(", keepalive ").append(this.keepAliveS)
                .append(" s, clean session ").append(this.cleanSession).append(", max payload ")
                .append(this.maxPayloadBytes).append(" B");
        if (this.lanes != ConfigLoader.DEFAULT_MQTT_LANES) {
            line.append(", ").append(this.lanes).append(this.lanes == 1 ? " lane" : " lanes");
        }
        if (!this.relayEmptyPayloads) {
            line.append(", empty payloads not relayed");
        }
        line.append(", time from ").append(this.timeServerHost);
        if (this.timeServerPort != ConfigLoader.DEFAULT_SNTP_PORT) {
            line.append(':').append(this.timeServerPort);
        }
        if (this.relayGroup != null) {
            line.append(", relay group \"").append(this.relayGroup).append('"');
        }
        return line.toString();
    }
}
