package com.relayboard.firmware.net;

/**
 * What the broker session needs to know, as a value: the transport knows neither the configuration nor the relay
 * rules, and the board (which knows both) builds this once at start-up.
 */
public final class SessionSettings {

    private final String brokerUri;
    private final String brokerHost;
    private final int brokerPort;
    private final String clientId;
    private final int qos;
    private final int keepAliveS;
    private final boolean cleanSession;
    private final String username;
    private final String password;
    private final String caCert;
    private final String statusTopic;
    private final String relayGroup;
    private final int lanes;
    /** Topics whose retained messages the board takes before it receives anything else: see {@link #takingFirst}. */
    private String[] settingsTopics = new String[0];
    private String barrierTopic;

    /**
     * @param brokerUri
     *            {@code tcp://host:port} or {@code ssl://host:port}
     * @param qos
     *            the QoS the board subscribes with
     * @param keepAliveS
     *            the MQTT keepalive, in seconds
     * @param cleanSession
     *            whether the receiving connections start a clean session
     * @param username
     *            or {@code null} for none (and then {@code password} is ignored)
     * @param caCert
     *            the resource of the CA certificate for {@code ssl://}, or {@code null} for {@code tcp://}
     * @param statusTopic
     *            where the Last Will ({@link MqttLink#OFFLINE}) goes
     * @param relayGroup
     *            the group the relay's sources are shared in ({@code $share/<group>/...}), or {@code null}
     * @param lanes
     *            how many lanes the session opens at most (each a receiving and a publishing connection), at least 1
     */
    public SessionSettings(String brokerUri, String brokerHost, int brokerPort, String clientId, int qos,
            int keepAliveS, boolean cleanSession, String username, String password, String caCert,
            String statusTopic, String relayGroup, int lanes) {
        this.brokerUri = brokerUri;
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.clientId = clientId;
        this.qos = qos;
        this.keepAliveS = keepAliveS;
        this.cleanSession = cleanSession;
        this.username = username;
        this.password = password;
        this.caCert = caCert;
        this.statusTopic = statusTopic;
        this.relayGroup = relayGroup;
        this.lanes = lanes;
    }

    public String brokerUri() {
        return this.brokerUri;
    }

    public String brokerHost() {
        return this.brokerHost;
    }

    public int brokerPort() {
        return this.brokerPort;
    }

    public String clientId() {
        return this.clientId;
    }

    public int qos() {
        return this.qos;
    }

    public int keepAliveS() {
        return this.keepAliveS;
    }

    public boolean cleanSession() {
        return this.cleanSession;
    }

    /** @return the user name, or {@code null} for none */
    public String username() {
        return this.username;
    }

    public String password() {
        return this.password;
    }

    /** @return whether the broker is {@code ssl://} */
    public boolean tls() {
        return this.caCert != null;
    }

    /** @return the CA certificate's resource, or {@code null} for {@code tcp://} */
    public String caCert() {
        return this.caCert;
    }

    public String statusTopic() {
        return this.statusTopic;
    }

    /** @return the relay group, or {@code null} */
    public String relayGroup() {
        return this.relayGroup;
    }

    /** @return how many lanes the session opens at most */
    public int lanes() {
        return this.lanes;
    }

    /**
     * These settings, taking the retained messages of {@code topics} before any receiving connection connects
     * ({@link PahoBrokerSession#connect()}): subscribed on the first lane's publishing connection, then confirmed by
     * a message to {@code barrierTopic} that comes back after them.
     *
     * @param topics
     *            settings whose retained message decides what the backlog's messages become (the rule table); an
     *            entry may be {@code null} (that setting is off)
     * @param barrierTopic
     *            a topic only this board uses, which it subscribes to anyway (its probe topic)
     * @return a copy of these settings with those topics
     */
    public SessionSettings takingFirst(String[] topics, String barrierTopic) {
        SessionSettings copy = new SessionSettings(this.brokerUri, this.brokerHost, this.brokerPort, this.clientId,
                this.qos, this.keepAliveS, this.cleanSession, this.username, this.password, this.caCert,
                this.statusTopic, this.relayGroup, this.lanes);
        int count = 0;
        for (String topic : topics) {
            count += topic == null ? 0 : 1;
        }
        copy.settingsTopics = new String[count];
        count = 0;
        for (String topic : topics) {
            if (topic != null) {
                copy.settingsTopics[count++] = topic;
            }
        }
        copy.barrierTopic = barrierTopic;
        return copy;
    }

    /** @return the topics taken before any receiving connection connects (none by default) */
    public String[] settingsTopics() {
        return this.settingsTopics.clone();
    }

    /** @return the topic confirming that {@link #settingsTopics()}' retained messages were taken, or {@code null} */
    public String barrierTopic() {
        return this.barrierTopic;
    }
}
