package com.relayboard.firmware.net;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One lane of the session on MicroPaho, and its one owner: its receiving and publishing clients (new ones on every
 * connect), both clients' callbacks, the delivery thread's wait for each message's receipt, and the publish of its
 * relayed copies. A message received here carries this lane ({@link BrokerListener#onMessage}), so its copy
 * leaves on this lane's publishing connection whoever publishes it; no lane is found from the calling thread.
 *
 * <p>Who calls what: the network worker installs and connects the clients ({@link #install}); the loop gives
 * them up ({@link #giveUp()}, which never blocks); the receiving client's delivery thread runs
 * {@code messageArrived}; the delivery thread and the outbox's publisher call {@link #publish}. The clients are
 * volatile fields, swapped whole: a callback of a client no longer installed is old news.
 *
 * <p><b>The give-back path</b> (a connection given up while copies wait) starts here, in one place: a delivery
 * thread waiting for its message's receipt sees, at most {@link #RECEIPT_POLL_MS} later, that its client is no
 * longer this lane's or no longer connected, and gives the receipt back (the message's copy is withdrawn from the
 * outbox, and the message is not acknowledged, so the broker delivers it again); see the receipt's states in
 * {@code path.RelayReceipt}.
 *
 * <p><b>Settings first.</b> The first lane's publishing connection also carries the settings taken before anything
 * is received ({@link SessionSettings#settingsTopics()}, the rule table): their messages go to the listener on that
 * client's callback thread, and must be done with at once ({@link DeliveryReceipt#SAFE_NOW}: the thread cannot wait
 * for a copy's acknowledgement, which it would have to read itself). A message on the barrier topic there is not
 * passed on: it tells {@link #awaitBarrier} that everything the broker sent before it has been taken.
 */
final class PahoLane implements Lane {

    /**
     * How often a delivery thread that waits for its message's receipt checks that its connection is
     * still there: a message delivered by a connection that is gone is given back, not held.
     */
    static final long RECEIPT_POLL_MS = 200;

    /** 0 for the first lane, which also carries the board's own publications. */
    private final int index;
    private final BrokerListener listener;
    private final BrokerErrors errors;
    /** The QoS the board subscribes with: a message's QoS when the client does not say. */
    private final int qos;
    /** The current receiving client, or {@code null} before the first connect and once given up. */
    private volatile MqttClient receiving;
    /** The current publishing client, as {@link #receiving}. */
    private volatile MqttClient publishing;
    /** The settings' barrier on the publishing connection (its topic {@code null} on lanes without one). */
    private final SettingsBarrier barrier;
    /** Whether a client is still this lane's publishing one: what ends a wait for the barrier early. */
    private final SettingsBarrier.Current stillPublishing = new SettingsBarrier.Current() {
        @Override
        public boolean is(Object client) {
            return PahoLane.this.publishing == client;
        }
    };

    /** @param barrierTopic where the settings' barrier comes back, or {@code null} (only the first lane has one) */
    PahoLane(int index, BrokerListener listener, BrokerErrors errors, int qos, String barrierTopic) {
        this.index = index;
        this.listener = listener;
        this.errors = errors;
        this.qos = qos;
        this.barrier = new SettingsBarrier(barrierTopic);
    }

    int index() {
        return this.index;
    }

    /** Makes {@code in} and {@code out} this lane's clients, with their callbacks; on the worker, before connecting. */
    void install(MqttClient in, MqttClient out) {
        out.setCallback(new PublishingCallback(out));
        in.setCallback(new ReceivingCallback(in));
        this.publishing = out;
        this.receiving = in;
    }

    /**
     * Gives the current clients up: what they report from now on is ignored, and a delivery thread waiting on one
     * gives its message back. Never blocks.
     *
     * @return the receiving and the publishing client given up (either may be {@code null})
     */
    MqttClient[] giveUp() {
        MqttClient[] old = { this.receiving, this.publishing };
        this.receiving = null;
        this.publishing = null;
        // A connect waiting for its barrier gives up at once.
        this.barrier.wake();
        return old;
    }

    /**
     * On the worker, once the barrier was published on {@code out}: waits until it came back on {@code out}'s
     * callback (then every message the broker sent that client before it has been taken by the listener), or
     * {@code out} is no longer this lane's, or {@code timeoutMs} passed.
     *
     * @return whether it came back on {@code out}, still this lane's
     * @throws InterruptedException
     *             when the connect attempt is given up while it waits
     */
    boolean awaitBarrier(MqttClient out, long timeoutMs) throws InterruptedException {
        return this.barrier.await(out, timeoutMs, this.stillPublishing);
    }

    /** @return the current receiving client, or {@code null} */
    MqttClient receiving() {
        return this.receiving;
    }

    /** @return the current publishing client, or {@code null} */
    MqttClient publishing() {
        return this.publishing;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws BrokerException {
        MqttClient current = this.publishing;
        if (current == null) {
            throw new BrokerException("publishing to " + topic + " failed: not connected", false);
        }
        try {
            MicroPahoCalls.publish(current, topic, payload, qos, retained);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Exception, not MqttException: see PahoBrokerSession.connect(MqttClient, MqttConnectOptions).
            if (MicroPahoCalls.reasonCode(e) == MicroPahoCalls.MAX_INFLIGHT) {
                throw BrokerException.busy("publishing to " + topic + ": the client's window of publishes is full");
            }
            throw new BrokerException("publishing to " + topic + " failed: " + this.errors.describe(e), false);
        }
    }

    /**
     * On {@code owner}'s callback thread (a publishing client): a settings message goes to the listener, the barrier
     * tells {@link #awaitBarrier} it came back; what a client given up still delivers is old news.
     */
    private void settingArrived(MqttClient owner, String topic, byte[] payload, int qos) {
        if (this.publishing != owner) {
            return;
        }
        if (this.barrier.isBarrier(topic)) {
            this.barrier.passed(owner);
            return;
        }
        DeliveryReceipt receipt = this.listener.onMessage(this, topic, payload, qos);
        if (receipt != DeliveryReceipt.SAFE_NOW) {
            // Only settings are subscribed here, and the rule checks refuse them as sources: never a relayed message,
            // whose wait for its copy's acknowledgement on this very thread would never end.
            receipt.giveBack();
            throw new IllegalStateException("message on " + topic + " would be relayed from the publishing connection");
        }
    }

    @Override
    public String toString() {
        return "lane " + (this.index + 1);
    }

    /**
     * The receiving connection's callback. A message is acknowledged when {@code messageArrived} returns, so it
     * returns only once the message's receipt is safe; it throws (no acknowledgement: the broker delivers the
     * message again) when the message was given back or its connection is gone. Once the client is no longer the
     * lane's, its lost connection is old news.
     */
    private final class ReceivingCallback implements MqttCallback {

        private final MqttClient owner;

        ReceivingCallback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (PahoLane.this.receiving == this.owner) {
                PahoLane.this.listener.onConnectionLost(PahoLane.this.errors.describeLoss(cause),
                        BrokerErrors.closedByBroker(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            DeliveryReceipt receipt = PahoLane.this.listener.onMessage(PahoLane.this, topic, message.getPayload(),
                    MicroPahoCalls.qosOf(message, PahoLane.this.qos));
            try {
                while (true) {
                    DeliveryReceipt.State state = receipt.awaitSafe(RECEIPT_POLL_MS);
                    if (state == DeliveryReceipt.State.SAFE) {
                        return;
                    }
                    if (state == DeliveryReceipt.State.GIVEN_BACK) {
                        throw new IllegalStateException("message on " + topic + " given back: the broker delivers it again");
                    }
                    if (PahoLane.this.receiving != this.owner || !this.owner.isConnected()) {
                        receipt.giveBack();
                        throw new IllegalStateException("connection gone: the broker delivers " + topic + " again");
                    }
                }
            } catch (InterruptedException e) {
                // The client is shutting its delivery thread down.
                receipt.giveBack();
                throw e;
            }
        }
    }

    /**
     * The publishing connection's callback: a loss, and on the first lane the settings taken first and the barrier
     * behind them (see the class comment).
     */
    private final class PublishingCallback implements MqttCallback {

        private final MqttClient owner;

        PublishingCallback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (PahoLane.this.publishing == this.owner) {
                PahoLane.this.listener.onConnectionLost(PahoLane.this.errors.describeLoss(cause),
                        BrokerErrors.closedByBroker(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            settingArrived(this.owner, topic, message.getPayload(), MicroPahoCalls.qosOf(message, PahoLane.this.qos));
        }
    }
}
