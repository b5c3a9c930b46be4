package org.eclipse.paho.client.mqttv3;

import javax.net.SocketFactory;

/**
 * How the client connects (MicroPaho subset of Eclipse Paho's options; same defaults). The getters are
 * package-private: MicroPaho's are not documented, so the firmware must not read options back.
 */
public class MqttConnectOptions {

    private int keepAliveIntervalS = 60;
    private int connectionTimeoutS = 30;
    private boolean cleanSession = true;
    private String userName;
    private char[] password;
    private SocketFactory socketFactory;
    private String willTopic;
    private byte[] willPayload;
    private int willQos;
    private boolean willRetained;

    public MqttConnectOptions() {
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        if (keepAliveInterval < 0) {
            throw new IllegalArgumentException("keep-alive must not be negative");
        }
        this.keepAliveIntervalS = keepAliveInterval;
    }

    int keepAliveS() {
        return this.keepAliveIntervalS;
    }

    public void setConnectionTimeout(int connectionTimeout) {
        if (connectionTimeout < 0) {
            throw new IllegalArgumentException("connection timeout must not be negative");
        }
        this.connectionTimeoutS = connectionTimeout;
    }

    int connectionTimeoutS() {
        return this.connectionTimeoutS;
    }

    public void setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    boolean cleanSession() {
        return this.cleanSession;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    String userName() {
        return this.userName;
    }

    public void setPassword(char[] password) {
        this.password = password == null ? null : password.clone();
    }

    char[] password() {
        return this.password == null ? null : this.password.clone();
    }

    public void setSocketFactory(SocketFactory socketFactory) {
        this.socketFactory = socketFactory;
    }

    SocketFactory socketFactory() {
        return this.socketFactory;
    }

    public void setWill(String topic, byte[] payload, int qos, boolean retained) {
        if (topic == null || payload == null) {
            throw new IllegalArgumentException("a will needs a topic and a payload");
        }
        if (topic.indexOf('#') >= 0 || topic.indexOf('+') >= 0) {
            throw new IllegalArgumentException("a will topic cannot contain wildcards: " + topic);
        }
        this.willTopic = topic;
        this.willPayload = payload.clone();
        this.willQos = qos;
        this.willRetained = retained;
    }

    String willTopic() {
        return this.willTopic;
    }

    byte[] willPayload() {
        return this.willPayload;
    }

    int willQos() {
        return this.willQos;
    }

    boolean willRetained() {
        return this.willRetained;
    }
}
