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
}
