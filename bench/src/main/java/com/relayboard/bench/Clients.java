package com.relayboard.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

import javax.net.SocketFactory;

import com.relayboard.host.paho.mqttv3.IMqttDeliveryToken;
import com.relayboard.host.paho.mqttv3.MqttAsyncClient;
import com.relayboard.host.paho.mqttv3.MqttCallback;
import com.relayboard.host.paho.mqttv3.MqttConnectOptions;
import com.relayboard.host.paho.mqttv3.MqttException;
import com.relayboard.host.paho.mqttv3.MqttMessage;
import com.relayboard.host.paho.mqttv3.persist.MemoryPersistence;

/**
 * The harness's own MQTT clients, Eclipse Paho Java 1.2.5 (the build's relocated copy, the same code):
 * a publisher, a sink subscribed to every subject's end topic, and the floor's forwarder, which
 * republishes straight from its callback (asynchronously, so it never waits there) and does nothing
 * else: the least a relay can do per hop.
 */
final class Clients implements AutoCloseable {

    /** Told about every message the sink receives, on the sink's callback thread. */
    interface Arrivals {
        void arrived(long id, long nowNs);
    }

    /** Subscriptions are QoS 1: a message then arrives at the QoS it was published with. */
    private static final int SUBSCRIBE_QOS = 1;
    /** Far above any window the harness uses: the publisher must never be held back by Paho. */
    private static final int MAX_INFLIGHT = 10000;
    private static final long WAIT_MS = 10000;

    private final MqttAsyncClient publisher;
    private final MqttAsyncClient sink;
    private final MqttAsyncClient forwarder;
    private volatile Arrivals arrivals;

    private Clients(MqttAsyncClient publisher, MqttAsyncClient sink, MqttAsyncClient forwarder) {
        this.publisher = publisher;
        this.sink = sink;
        this.forwarder = forwarder;
    }

    /**
     * @param sinkTopics
     *            the topics whose messages count as arrivals
     * @param forwards
     *            the floor forwarder's hops, pairs {from, to}
     */
    static Clients connect(String uri, List<String> sinkTopics, final List<String[]> forwards)
            throws MqttException {
        String run = Long.toString(System.nanoTime() % 1000000, 36);
        final MqttAsyncClient publisher = open(uri, "bench-pub-" + run);
        final MqttAsyncClient sink = open(uri, "bench-sink-" + run);
        final MqttAsyncClient forwarder = open(uri, "bench-fwd-" + run);
        final Clients clients = new Clients(publisher, sink, forwarder);
        sink.setCallback(new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                long now = System.nanoTime();
                Arrivals listener = clients.arrivals;
                if (listener != null) {
                    listener.arrived(Payloads.idOf(message.getPayload()), now);
                }
            }
        });
        forwarder.setCallback(new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws MqttException {
                for (String[] hop : forwards) {
                    if (hop[0].equals(topic)) {
                        forwarder.publish(hop[1], message.getPayload(), message.getQos(), false);
                    }
                }
            }
        });
        for (MqttAsyncClient client : new MqttAsyncClient[] { publisher, sink, forwarder }) {
            client.connect(options()).waitForCompletion(WAIT_MS);
        }
        for (String topic : sinkTopics) {
            sink.subscribe(topic, SUBSCRIBE_QOS).waitForCompletion(WAIT_MS);
        }
        for (String[] hop : forwards) {
            forwarder.subscribe(hop[0], SUBSCRIBE_QOS).waitForCompletion(WAIT_MS);
        }
        return clients;
    }

    void setArrivals(Arrivals listener) {
        this.arrivals = listener;
    }

    /** Publishes without waiting for the broker's acknowledgement. */
    void publish(String topic, byte[] payload, int qos) throws MqttException {
        this.publisher.publish(topic, payload, qos, false);
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : new MqttAsyncClient[] { this.publisher, this.sink, this.forwarder }) {
            try {
                client.disconnect().waitForCompletion(WAIT_MS);
            } catch (MqttException e) {
                // Leaving anyway.
            }
            try {
                client.close();
            } catch (MqttException e) {
                // Leaving anyway.
            }
        }
    }

    private static MqttAsyncClient open(String uri, String clientId) throws MqttException {
        return new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(NO_DELAY);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setKeepAliveInterval(60);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return options;
    }

    /**
     * Sockets without Nagle's algorithm: Paho Java leaves it on, and a client that sends a small packet
     * (an acknowledgement) and then a publish waits for the broker's delayed ACK before the publish goes
     * out. The floor is the least a relay can cost, so its clients do not wait.
     */
    static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return configure(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return configure(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return configure(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return configure(new Socket(address, port, localAddress, localPort));
        }

        private Socket configure(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    };

    private abstract static class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.err.println("[bench] a harness client lost its connection: " + cause);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishes are not waited for.
        }
    }
}
