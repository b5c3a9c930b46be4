package com.relayboard.sim;

import java.util.ArrayList;
import java.util.List;

import com.relayboard.host.paho.mqttv3.IMqttDeliveryToken;
import com.relayboard.host.paho.mqttv3.MqttCallback;
import com.relayboard.host.paho.mqttv3.MqttClient;
import com.relayboard.host.paho.mqttv3.MqttConnectOptions;
import com.relayboard.host.paho.mqttv3.MqttException;
import com.relayboard.host.paho.mqttv3.MqttMessage;
import com.relayboard.host.paho.mqttv3.persist.MemoryPersistence;

/**
 * Desktop clients in Java: Eclipse Paho 1.2.5 (the host platform's relocated copy), for tests that
 * send and check thousands of binary payloads, which mosquitto_pub/mosquitto_sub would make slow.
 */
final class PahoClients {

    private PahoClients() {
    }

    static MqttClient connect(int port, String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(100);
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    /** Everything that arrives on one topic filter, payloads in arrival order. */
    static final class Collector implements MqttCallback {
        private final List<byte[]> payloads = new ArrayList<>();
        private volatile Throwable lost;

        static Collector subscribe(MqttClient client, String filter, int qos) throws MqttException {
            Collector collector = new Collector();
            client.setCallback(collector);
            client.subscribe(filter, qos);
            return collector;
        }

        synchronized int count() {
            return this.payloads.size();
        }

        synchronized List<byte[]> payloads() {
            return new ArrayList<>(this.payloads);
        }

        /** Waits until at least {@code count} payloads arrived. */
        synchronized void await(int count, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (this.payloads.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || this.lost != null) {
                    throw new AssertionError("received " + this.payloads.size() + " of " + count + " messages"
                            + (this.lost == null ? "" : "; connection lost: " + this.lost));
                }
                wait(Math.min(left, 100));
            }
        }

        @Override
        public synchronized void messageArrived(String topic, MqttMessage message) {
            this.payloads.add(message.getPayload());
            notifyAll();
        }

        @Override
        public void connectionLost(Throwable cause) {
            this.lost = cause;
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishing is not this client's job.
        }
    }
}
