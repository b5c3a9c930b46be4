package com.relayboard.firmware.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A broker session that records every call, can refuse or fail connects and publishes, and lets the test play
 * the broker's side: deliver messages to, and report a lost connection to, the {@link BrokerListener} the board
 * registered. Thread-safe: the board's loop and publisher threads call it while the test looks.
 */
public final class FakeBrokerSession implements BrokerSession {

    /** One publish that the broker took. */
    public static final class Published {
        public final String topic;
        public final byte[] payload;
        public final int qos;
        public final boolean retained;
        /** The thread that published it. */
        public final Thread thread;

        Published(String topic, byte[] payload, int qos, boolean retained, Thread thread) {
            this.topic = topic;
            this.payload = payload;
            this.qos = qos;
            this.retained = retained;
            this.thread = thread;
        }
    }

    private final List<String> calls = new ArrayList<String>();
    private final List<String> subscriptions = new ArrayList<String>();
    private final List<Published> published = new ArrayList<Published>();
    private final List<String> attemptedTopics = new ArrayList<String>();
    private BrokerListener listener;
    private boolean connected;
    private int connects;
    private int disconnects;
    private int abandons;
    private Thread connectThread;

    private int connectFailuresLeft;
    private boolean connectFailAlways;
    private String connectFailure;
    private boolean connectRefused;
    /** Connects wait until abandoned, as on a broker that takes the TCP connection and never answers CONNECT. */
    private boolean connectsHang;
    private String subscribeFailure;
    /** What every successful connect says it could not do (settings refused or unconfirmed), or {@code null}. */
    private String connectNotice;
    private int publishFailuresLeft;
    private int busyPublishesLeft;
    private String publishFailure;
    private String poisonTopic;
    /** Publishes to this topic wait until the session is abandoned, as on a link that died silently. */
    private String hangingTopic;
    /** The thread that must never call a blocking method (the board's loop), or {@code null}. */
    private Thread refusedThread;
    /** Blocking calls made from {@link #refusedThread}, as "publish /t". */
    private final List<String> refusedCalls = new ArrayList<String>();

    // ------------------------------------------------------------------ what the test sets up

    public synchronized void setListener(BrokerListener listener) {
        this.listener = listener;
    }

    /** The next {@code count} connects throw {@code BrokerException(reason, refused)}. */
    public synchronized void failNextConnects(int count, String reason, boolean refused) {
        this.connectFailuresLeft = count;
        this.connectFailure = reason;
        this.connectRefused = refused;
    }

    /** Every connect from now on throws {@code BrokerException(reason, refused)}. */
    public synchronized void failEveryConnect(String reason, boolean refused) {
        this.connectFailAlways = true;
        this.connectFailure = reason;
        this.connectRefused = refused;
    }

    /** Every connect from now on waits until the session is abandoned, then fails as its socket closes. */
    public synchronized void hangConnects() {
        this.connectsHang = true;
    }

    public synchronized void connectNormally() {
        this.connectFailAlways = false;
        this.connectFailuresLeft = 0;
    }

    /** Every successful connect from now on returns {@code notice}, as a session that could not take its settings. */
    public synchronized void noticeOnConnect(String notice) {
        this.connectNotice = notice;
    }

    /** The next subscribe throws (once). */
    public synchronized void failNextSubscribe(String reason) {
        this.subscribeFailure = reason;
    }

    /** The next {@code count} publishes (of any topic) throw {@code BrokerException(reason, false)}. */
    public synchronized void failNextPublishes(int count, String reason) {
        this.publishFailuresLeft = count;
        this.publishFailure = reason;
    }

    /** The next {@code count} publishes throw a busy {@link BrokerException}, as a client whose window is full. */
    public synchronized void failNextPublishesBusy(int count) {
        this.busyPublishesLeft = count;
    }

    /** Every publish to {@code topic} throws, as for a message the broker answers by closing the connection. */
    public synchronized void failEveryPublishTo(String topic, String reason) {
        this.poisonTopic = topic;
        this.publishFailure = reason;
    }

    /**
     * Every publish to {@code topic} from now on waits until the session is abandoned, then fails as its socket
     * closes: a link that died silently while the client waits for the PUBACK.
     */
    public synchronized void hangPublishesTo(String topic) {
        this.hangingTopic = topic;
    }

    /**
     * Refuses connect, subscribe and publish from {@code loop} (a test that steps the board's loop on its own
     * thread names that thread): such a call is recorded ({@link #refusedCalls()}) and fails with an
     * {@link IllegalStateException}, as the host's MicroPaho fails one from the board's loop thread.
     */
    public synchronized void refuseCallsFrom(Thread loop) {
        this.refusedThread = loop;
    }

    /** @return the blocking calls refused on the loop thread, as "publish /t" */
    public synchronized List<String> refusedCalls() {
        return new ArrayList<String>(this.refusedCalls);
    }

    private void refuseOnLoop(String call) {
        if (Thread.currentThread() == this.refusedThread) {
            this.refusedCalls.add(call);
            throw new IllegalStateException("blocking call on the board's loop: " + call);
        }
    }

    // ------------------------------------------------------------------ the broker's side

    /** How long {@link #deliver} waits for the board to let the message be acknowledged. */
    public static final long DELIVERY_TIMEOUT_MS = 5000;

    /**
     * Delivers a message to the board as the client's delivery thread would, and waits, as that thread
     * does, until the board lets the client acknowledge it.
     *
     * @return whether the message would be acknowledged: {@code false} when the board gave it back, or
     *         did not let it go within {@link #DELIVERY_TIMEOUT_MS} (then it is given back)
     */
    public boolean deliver(String topic, byte[] payload, int qos) {
        BrokerListener target;
        synchronized (this) {
            target = this.listener;
        }
        DeliveryReceipt receipt = target.onMessage(this, topic, payload, qos);
        long deadline = System.currentTimeMillis() + DELIVERY_TIMEOUT_MS;
        try {
            while (System.currentTimeMillis() < deadline) {
                DeliveryReceipt.State state = receipt.awaitSafe(50);
                if (state != DeliveryReceipt.State.WAITING) {
                    return state == DeliveryReceipt.State.SAFE;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        receipt.giveBack();
        return false;
    }

    /** Delivers a message and returns its receipt at once, for a test that plays the delivery thread itself. */
    public DeliveryReceipt deliverWithoutWaiting(String topic, byte[] payload, int qos) {
        BrokerListener target;
        synchronized (this) {
            target = this.listener;
        }
        return target.onMessage(this, topic, payload, qos);
    }

    /** Reports the connection lost (not closed by the broker), as the client's callback thread would. */
    public void loseConnection(String reason) {
        loseConnection(reason, false);
    }

    /** Reports the connection lost, as the client's callback thread would. */
    public void loseConnection(String reason, boolean closedByBroker) {
        BrokerListener target;
        synchronized (this) {
            this.connected = false;
            target = this.listener;
        }
        target.onConnectionLost(reason, closedByBroker);
    }

    // ------------------------------------------------------------------ BrokerSession

    @Override
    public synchronized String connect() throws BrokerException {
        refuseOnLoop("connect");
        this.connects++;
        this.connectThread = Thread.currentThread();
        this.calls.add("connect");
        if (this.connectsHang) {
            int abandonsBefore = this.abandons;
            long deadlineMs = System.currentTimeMillis() + 10000;
            while (this.abandons == abandonsBefore && System.currentTimeMillis() < deadlineMs) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
            throw new BrokerException("Socket closed", false);
        }
        if (this.connectFailAlways || this.connectFailuresLeft > 0) {
            if (this.connectFailuresLeft > 0) {
                this.connectFailuresLeft--;
            }
            throw new BrokerException(this.connectFailure, this.connectRefused);
        }
        this.connected = true;
        return this.connectNotice;
    }

    @Override
    public synchronized void subscribe(String filter, int qos) throws BrokerException {
        refuseOnLoop("subscribe " + filter);
        this.calls.add("subscribe " + filter + " " + qos);
        if (!this.connected) {
            throw new BrokerException("not connected", false);
        }
        if (this.subscribeFailure != null) {
            String reason = this.subscribeFailure;
            this.subscribeFailure = null;
            throw new BrokerException(reason, false);
        }
        this.subscriptions.add(filter);
    }

    @Override
    public synchronized void publish(String topic, byte[] payload, int qos, boolean retained)
            throws BrokerException {
        refuseOnLoop("publish " + topic);
        this.calls.add("publish " + topic);
        this.attemptedTopics.add(topic);
        if (!this.connected) {
            throw new BrokerException("not connected", false);
        }
        if (topic.equals(this.hangingTopic)) {
            int abandonsBefore = this.abandons;
            long deadlineMs = System.currentTimeMillis() + 10000;
            while (this.abandons == abandonsBefore && System.currentTimeMillis() < deadlineMs) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
            throw new BrokerException("publishing to " + topic + " failed: Socket closed", false);
        }
        if (this.busyPublishesLeft > 0) {
            this.busyPublishesLeft--;
            throw BrokerException.busy("publishing to " + topic + ": the client's window of publishes is full");
        }
        if (this.publishFailuresLeft > 0) {
            this.publishFailuresLeft--;
            throw new BrokerException(this.publishFailure, false);
        }
        if (topic.equals(this.poisonTopic)) {
            throw new BrokerException(this.publishFailure, false);
        }
        this.published.add(new Published(topic, payload.clone(), qos, retained, Thread.currentThread()));
    }

    @Override
    public synchronized void disconnect() {
        this.calls.add("disconnect");
        this.disconnects++;
        this.connected = false;
    }

    @Override
    public synchronized void abandon() {
        this.calls.add("abandon");
        this.abandons++;
        this.connected = false;
        notifyAll();
    }

    // ------------------------------------------------------------------ what the test looks at

    public synchronized int abandons() {
        return this.abandons;
    }

    public synchronized boolean isConnected() {
        return this.connected;
    }

    public synchronized int connects() {
        return this.connects;
    }

    public synchronized int disconnects() {
        return this.disconnects;
    }

    /** @return the thread that called connect() last (the board's loop thread) */
    public synchronized Thread connectThread() {
        return this.connectThread;
    }

    /** @return every call, in order: "connect", "subscribe /a 1", "publish /t", "disconnect" */
    public synchronized List<String> calls() {
        return new ArrayList<String>(this.calls);
    }

    /** @return every successful subscribe's filter, in order, across connections */
    public synchronized List<String> subscriptions() {
        return new ArrayList<String>(this.subscriptions);
    }

    /** @return every successful publish, in order */
    public synchronized List<Published> published() {
        return new ArrayList<Published>(this.published);
    }

    /** @return the successful publishes to {@code topic}, in order */
    public synchronized List<Published> publishedTo(String topic) {
        List<Published> matching = new ArrayList<Published>();
        for (Published message : this.published) {
            if (message.topic.equals(topic)) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** @return the topic of every publish attempt, failed or not, in order */
    public synchronized List<String> attemptedTopics() {
        return new ArrayList<String>(this.attemptedTopics);
    }
}
