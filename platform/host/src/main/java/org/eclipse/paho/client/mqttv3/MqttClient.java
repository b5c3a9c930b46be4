package org.eclipse.paho.client.mqttv3;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import com.relayboard.host.net.StationNetwork;
import com.relayboard.host.paho.EventLoopCheck;

/**
 * MicroPaho's synchronous client, implemented on the host by Eclipse Paho 1.2.5 (relocated to
 * {@code com.relayboard.host.paho.mqttv3}). Only MicroPaho's shape is public here: the two-argument
 * constructor that throws nothing, the two-method callback, no asynchronous client, no automatic
 * reconnect. Connections go through the simulated board's {@link StationNetwork}, so they fail while
 * its Wi-Fi is down and break when it drops. A blocking call from the firmware's event loop is refused
 * ({@link EventLoopCheck}), as HiveMQ's client refuses one from its event loop.
 */
public class MqttClient {

    private final com.relayboard.host.paho.mqttv3.MqttClient engine;

    public MqttClient(String serverURI, String clientId) {
        try {
            // In memory, as on the board: Paho's own 2-argument constructor would write a persistence
            // folder into the working directory.
            this.engine = new com.relayboard.host.paho.mqttv3.MqttClient(serverURI, clientId,
                    new com.relayboard.host.paho.mqttv3.persist.MemoryPersistence());
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw new IllegalStateException("cannot create the MQTT client", e);
        }
    }

    public void connect() throws MqttException {
        connect(new MqttConnectOptions());
    }

    public void connect(MqttConnectOptions options) throws MqttException {
        EventLoopCheck.refuseOnLoop("connect");
        com.relayboard.host.paho.mqttv3.MqttConnectOptions engineOptions = new com.relayboard.host.paho.mqttv3.MqttConnectOptions();
        engineOptions.setKeepAliveInterval(options.keepAliveS());
        engineOptions.setConnectionTimeout(options.connectionTimeoutS());
        engineOptions.setCleanSession(options.cleanSession());
        engineOptions.setAutomaticReconnect(false);
        engineOptions.setMqttVersion(com.relayboard.host.paho.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (options.userName() != null) {
            engineOptions.setUserName(options.userName());
        }
        if (options.password() != null) {
            engineOptions.setPassword(options.password());
        }
        if (options.willTopic() != null) {
            engineOptions.setWill(options.willTopic(), options.willPayload(), options.willQos(), options.willRetained());
        }
        SocketFactory factory = options.socketFactory();
        if (factory instanceof SSLSocketFactory) {
            // TLS on the station's link. Paho 1.2.5 checks the broker's name against its certificate
            // (HTTPS endpoint identification, on by default), as mbedTLS does on the board.
            factory = StationNetwork.get().secureSocketFactory((SSLSocketFactory) factory);
        } else if (factory != null) {
            // The firmware's own plain sockets (with its options), carried by the station's link.
            factory = StationNetwork.get().socketFactory(factory);
        }
        engineOptions.setSocketFactory(factory != null ? factory : StationNetwork.get().socketFactory());
        try {
            this.engine.connect(engineOptions);
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw translate(e);
        }
    }

    public void disconnect() throws MqttException {
        try {
            this.engine.disconnect();
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw translate(e);
        }
    }

    public void close() throws MqttException {
        try {
            this.engine.close();
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw translate(e);
        }
    }

    public boolean isConnected() {
        return this.engine.isConnected();
    }

    public void setCallback(final MqttCallback callback) {
        if (callback == null) {
            this.engine.setCallback(null);
            return;
        }
        this.engine.setCallback(new com.relayboard.host.paho.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                callback.connectionLost(cause instanceof com.relayboard.host.paho.mqttv3.MqttException
                        ? translate((com.relayboard.host.paho.mqttv3.MqttException) cause)
                        : cause);
            }

            @Override
            public void messageArrived(String topic, com.relayboard.host.paho.mqttv3.MqttMessage message)
                    throws Exception {
                MqttMessage copy = new MqttMessage(message.getPayload());
                copy.setQos(message.getQos());
                copy.setRetained(message.isRetained());
                copy.setDuplicate(message.isDuplicate());
                callback.messageArrived(topic, copy);
            }

            @Override
            public void deliveryComplete(com.relayboard.host.paho.mqttv3.IMqttDeliveryToken token) {
                // MicroPaho has no delivery callback; the synchronous publish returning is the delivery.
            }
        });
    }

    public void subscribe(String topicFilter) throws MqttException {
        subscribe(topicFilter, 1);
    }

    public void subscribe(String topicFilter, int qos) throws MqttException {
        EventLoopCheck.refuseOnLoop("subscribe to " + topicFilter);
        try {
            this.engine.subscribe(topicFilter, qos);
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw translate(e);
        }
    }

    public void publish(String topic, MqttMessage message) throws MqttException {
        publish(topic, message.getPayload(), message.getQos(), message.isRetained());
    }

    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        EventLoopCheck.refuseOnLoop("publish to " + topic);
        try {
            this.engine.publish(topic, payload, qos, retained);
        } catch (com.relayboard.host.paho.mqttv3.MqttException e) {
            throw translate(e);
        }
    }

    private static MqttException translate(com.relayboard.host.paho.mqttv3.MqttException e) {
        return new MqttException(e.getReasonCode(), e.getMessage(), e.getCause());
    }
}
