package com.relayboard.bench;

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
 * The floor a relay built only from what the firmware may use can reach: Paho 1.2.5's synchronous
 * {@code MqttClient} (MicroPaho's shape on the desktop; MicroPaho has no asynchronous client), connections laid out as
 * the board lays them out (per lane a receiving connection, subscribed to its hops' sources, and a publishing one),
 * republishing from the receiving client's callback with the synchronous publish and doing nothing else. At QoS 1 the
 * callback returns, and so the original is acknowledged, only once the copy's PUBACK came: the board's end-to-end
 * promise. Hops are spread over the lanes as the board spreads its sources: hop i on lane i mod lanes. The one thing
 * it does beyond the publish is what the firmware must do too: publish again while Paho's window is full
 * ({@link #publish}).
 */
final class SyncFloor implements AutoCloseable {

    /** Subscriptions are QoS 1, as the harness's other clients': a message arrives at the QoS it was sent with. */
    private static final int SUBSCRIBE_QOS = 1;
    private static final int KEEPALIVE_S = 60;
    private static final long DISCONNECT_MS = 5000;

    private final List<MqttClient> clients = new ArrayList<>();

    private SyncFloor() {
    }

    /** @param hops pairs {from, to}, in chain order */
    static SyncFloor connect(String uri, int lanes, List<String[]> hops) throws MqttException {
        SyncFloor floor = new SyncFloor();
        String run = Long.toString(System.nanoTime() % 1000000, 36);
        try {
            for (int lane = 0; lane < lanes; lane++) {
                final List<String[]> laneHops = new ArrayList<>();
                for (int i = lane; i < hops.size(); i += lanes) {
                    laneHops.add(hops.get(i));
                }
                if (laneHops.isEmpty()) {
                    continue;
                }
                final MqttClient publishing = floor.open(uri, "bench-sync-out" + lane + "-" + run);
                MqttClient receiving = floor.open(uri, "bench-sync-in" + lane + "-" + run);
                receiving.setCallback(new MqttCallback() {
                    @Override
                    public void messageArrived(String topic, MqttMessage message) throws MqttException {
                        for (String[] hop : laneHops) {
                            if (hop[0].equals(topic)) {
                                publish(publishing, hop[1], message);
                            }
                        }
                    }

                    @Override
                    public void connectionLost(Throwable cause) {
                        System.err.println("[bench] the synchronous floor lost a connection: " + cause);
                    }

                    @Override
                    public void deliveryComplete(IMqttDeliveryToken token) {
                        // The receiving client publishes nothing.
                    }
                });
                for (String[] hop : laneHops) {
                    receiving.subscribe(hop[0], SUBSCRIBE_QOS);
                }
            }
        } catch (MqttException | RuntimeException e) {
            floor.close();
            throw e;
        }
        return floor;
    }

    /**
     * The synchronous publish, again while Paho says its window of publishes is full: Paho 1.2.5 lets a synchronous
     * publish return once the acknowledgement is read but frees its in-flight slot later, on its callback thread, so
     * publishes in a row can find the window (10) full for a moment (the firmware's PahoLane meets the same and
     * retries: MicroPahoCalls.MAX_INFLIGHT). Yields first, then sleeps a millisecond at a time.
     */
    static void publish(MqttClient publishing, String topic, MqttMessage message) throws MqttException {
        for (int attempt = 0;; attempt++) {
            try {
                publishing.publish(topic, message.getPayload(), message.getQos(), false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
            }
            if (attempt < 100) {
                Thread.yield();
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MqttException(e);
                }
            }
        }
    }

    private MqttClient open(String uri, String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        // Nagle off, as the firmware's sockets (NoDelaySocketFactory) and the harness's other clients.
        options.setSocketFactory(Clients.NO_DELAY);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEPALIVE_S);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
        this.clients.add(client);
        return client;
    }

    @Override
    public void close() {
        for (MqttClient client : this.clients) {
            try {
                client.disconnect(DISCONNECT_MS);
            } catch (MqttException e) {
                try {
                    // A client whose disconnect failed keeps its sender thread, and the harness's JVM, alive.
                    client.disconnectForcibly(0, DISCONNECT_MS);
                } catch (MqttException ignored) {
                    // Closed below anyway.
                }
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                System.err.println("[bench] a synchronous floor client did not close: " + e);
            }
        }
        this.clients.clear();
    }
}
