package com.relayboard.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.relayboard.host.paho.mqttv3.IMqttDeliveryToken;
import com.relayboard.host.paho.mqttv3.MqttCallback;
import com.relayboard.host.paho.mqttv3.MqttClient;
import com.relayboard.host.paho.mqttv3.MqttConnectOptions;
import com.relayboard.host.paho.mqttv3.MqttException;
import com.relayboard.host.paho.mqttv3.MqttMessage;
import com.relayboard.host.paho.mqttv3.persist.MemoryPersistence;

/**
 * The desktop side as a Java program pairs with the board: Eclipse Paho 1.2.5 (the host platform's
 * relocated copy: the full client, not the board's MicroPaho subset), for tests that publish, count or
 * check binary payloads in numbers that mosquitto_pub and mosquitto_sub would make slow.
 */
final class DesktopPaho {

    private DesktopPaho() {
    }

    /** A clean-session client, up to 100 publishes in flight, for tests that send thousands of payloads. */
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
            Poll.untilNotified(this, timeoutMs, () -> {
                if (this.payloads.size() >= count) {
                    return true;
                }
                if (this.lost != null) {
                    throw new AssertionError("received " + this.payloads.size() + " of " + count
                            + " messages; connection lost: " + this.lost);
                }
                return false;
            }, () -> "received " + this.payloads.size() + " of " + count + " messages"
                    + (this.lost == null ? "" : "; connection lost: " + this.lost));
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

    /** Disconnects {@code client} if it is connected, then releases it; nothing for {@code null}. */
    static void close(MqttClient client) throws MqttException {
        if (client == null) {
            return;
        }
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    /**
     * @return what closes {@code client} without a goodbye, and quietly: for a client that took a board's client id
     *         over, and may have been taken over in turn (nothing left to close then)
     */
    static AutoCloseable closingForcibly(MqttClient client) {
        return () -> {
            try {
                client.disconnectForcibly(0, 0);
                client.close();
            } catch (Exception e) {
                // taken over by the board again: nothing left to close
            }
        };
    }

    /** A persistent-session subscriber that reconnects by itself and counts every copy it receives. */
    static final class Counter implements AutoCloseable {
        private final MqttClient client;
        private final Map<String, Integer> copies = new LinkedHashMap<>();

        Counter(int port, String clientId, String topic) throws MqttException {
            this.client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
            this.client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    // Automatic reconnect brings the persistent session back.
                }

                @Override
                public void messageArrived(String t, MqttMessage message) {
                    String payload = new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
                    synchronized (Counter.this) {
                        Integer n = Counter.this.copies.get(payload);
                        Counter.this.copies.put(payload, n == null ? 1 : n + 1);
                        Counter.this.notifyAll();
                    }
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // Never publishes.
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1000);
            options.setKeepAliveInterval(10);
            this.client.connect(options);
            this.client.subscribe(topic, 1);
        }

        /** @return distinct payloads received */
        synchronized int distinct() {
            return this.copies.size();
        }

        /** @return copies received beyond the first of each payload */
        synchronized int duplicates() {
            int duplicates = 0;
            for (int n : this.copies.values()) {
                duplicates += n - 1;
            }
            return duplicates;
        }

        synchronized boolean has(String payload) {
            return this.copies.containsKey(payload);
        }

        synchronized List<String> missing(List<String> expected) {
            List<String> missing = new ArrayList<>();
            for (String payload : expected) {
                if (!this.copies.containsKey(payload)) {
                    missing.add(payload);
                }
            }
            return missing;
        }

        /** @return every copy received, duplicates included */
        synchronized int copies() {
            int copies = 0;
            for (int n : this.copies.values()) {
                copies += n;
            }
            return copies;
        }

        /** Waits until {@code count} copies arrived in all, duplicates included, or the time is up. */
        synchronized boolean awaitCopies(int count, long timeoutMs) throws InterruptedException {
            return Poll.withinNotified(this, timeoutMs, () -> copies() >= count);
        }

        /** Waits until {@code count} distinct payloads arrived, or the time is up. */
        synchronized boolean awaitDistinct(int count, long timeoutMs) throws InterruptedException {
            return Poll.withinNotified(this, timeoutMs, () -> this.copies.size() >= count);
        }

        @Override
        public void close() throws MqttException {
            DesktopPaho.close(this.client);
        }
    }

    /** A QoS 1 publisher: each publish returns once the broker acknowledged it. */
    static final class Publisher implements AutoCloseable {
        private final MqttClient client;
        private final MqttConnectOptions options = new MqttConnectOptions();

        Publisher(int port, String clientId) throws MqttException {
            this.client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
            this.options.setCleanSession(true);
            this.options.setKeepAliveInterval(10);
            this.client.connect(this.options);
        }

        /** Publishes at QoS 1, reconnecting and publishing again until the broker acknowledges it. */
        void publish(String topic, String payload, long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (true) {
                try {
                    if (!this.client.isConnected()) {
                        this.client.connect(this.options);
                    }
                    this.client.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
                    return;
                } catch (MqttException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new AssertionError("could not publish " + payload + ": " + e, e);
                    }
                    Thread.sleep(200);
                }
            }
        }

        @Override
        public void close() throws MqttException {
            DesktopPaho.close(this.client);
        }
    }
}
