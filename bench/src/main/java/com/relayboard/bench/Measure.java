package com.relayboard.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.relayboard.host.paho.mqttv3.MqttException;

/** The two ways the harness drives a subject: one message at a time, and a sustained stream. */
final class Measure {

    /** A message that has not come out after this long is counted lost. */
    static final long LOST_AFTER_MS = 5000;
    /**
     * A stream in which nothing arrives for this long has stalled: what is missing is lost. Longer than
     * the board's 5 s wait before it retries a failed publish, so that such a pause is not taken for loss.
     */
    static final long STALL_MS = 15000;

    private final Clients clients;
    private final AtomicLong nextId = new AtomicLong(1);

    Measure(Clients clients) {
        this.clients = clients;
    }

    /** Latency samples gathered over several rounds. */
    static final class Latencies implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long[] ns = new long[256];
        int count;
        int lost;

        void add(long sampleNs) {
            if (this.count == this.ns.length) {
                this.ns = java.util.Arrays.copyOf(this.ns, this.ns.length * 2);
            }
            this.ns[this.count++] = sampleNs;
        }

        Stats stats() {
            return new Stats(this.ns, this.count);
        }
    }

    /** What a sustained stream achieved. */
    static final class Rate implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int sent;
        int delivered;
        int duplicates;
        boolean stalled;
        double perSecond;

        int lost() {
            return this.sent - this.delivered;
        }
    }

    /** Waits for the subject to pass a message at all: the relay is connected and subscribed. */
    boolean awaitReady(Subject subject, int qos, long timeoutMs) throws MqttException, InterruptedException {
        return awaitReady(subject, qos, timeoutMs, 500);
    }

    /** @param tryMs how long each probe is waited for before the next is sent: the answer's resolution */
    boolean awaitReady(Subject subject, int qos, long timeoutMs, long tryMs)
            throws MqttException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        Single waiter = new Single();
        this.clients.setArrivals(waiter);
        try {
            while (System.currentTimeMillis() < deadline) {
                long id = this.nextId.getAndIncrement();
                waiter.expect(id);
                this.clients.publish(subject.inTopic, Payloads.make(id, Payloads.MIN_BYTES), qos);
                if (waiter.await(tryMs) > 0) {
                    return true;
                }
            }
            return false;
        } finally {
            this.clients.setArrivals(null);
        }
    }

    /**
     * Sends a probe every {@code probeMs} until one of them comes out: unlike {@link #awaitReady} any probe counts,
     * however long it took, so the answer's resolution is {@code probeMs} even when one crossing takes longer.
     *
     * @return when the first probe came out (System.nanoTime), or 0 if none did within the time
     */
    long firstProbeOut(Subject subject, int qos, long timeoutMs, long probeMs)
            throws MqttException, InterruptedException {
        long firstId = this.nextId.get();
        long[] arrivalNs = { 0 };
        this.clients.setArrivals((id, nowNs) -> {
            synchronized (arrivalNs) {
                if (id >= firstId && arrivalNs[0] == 0) {
                    arrivalNs[0] = nowNs;
                    arrivalNs.notifyAll();
                }
            }
        });
        try {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                long id = this.nextId.getAndIncrement();
                this.clients.publish(subject.inTopic, Payloads.make(id, Payloads.MIN_BYTES), qos);
                synchronized (arrivalNs) {
                    if (arrivalNs[0] == 0) {
                        arrivalNs.wait(probeMs);
                    }
                    if (arrivalNs[0] != 0) {
                        return arrivalNs[0];
                    }
                }
            }
            return 0;
        } finally {
            this.clients.setArrivals(null);
        }
    }

    /** Sends {@code samples} messages one at a time: each waits for the previous one to come out. */
    void latency(Subject subject, int payloadBytes, int qos, int samples, Latencies into)
            throws MqttException, InterruptedException {
        Single waiter = new Single();
        this.clients.setArrivals(waiter);
        try {
            for (int i = 0; i < samples; i++) {
                long id = this.nextId.getAndIncrement();
                byte[] payload = Payloads.make(id, payloadBytes);
                waiter.expect(id);
                long startNs = System.nanoTime();
                this.clients.publish(subject.inTopic, payload, qos);
                long arrivalNs = waiter.await(LOST_AFTER_MS);
                if (arrivalNs > 0) {
                    into.add(arrivalNs - startNs);
                } else {
                    into.lost++;
                }
            }
        } finally {
            this.clients.setArrivals(null);
        }
    }

    /**
     * Streams {@code count} messages with at most {@code window} of them inside the subject at a time
     * (sent, not yet come out): the fastest pace the subject sustains, without overrunning the broker's
     * or the relay's queues.
     */
    Rate rate(Subject subject, int payloadBytes, int qos, int count, int window)
            throws MqttException, InterruptedException {
        long firstId = this.nextId.getAndAdd(count);
        Stream stream = new Stream(firstId, count, window);
        byte[][] payloads = new byte[count][];
        for (int i = 0; i < count; i++) {
            payloads[i] = Payloads.make(firstId + i, payloadBytes);
        }
        Rate rate = new Rate();
        this.clients.setArrivals(stream);
        try {
            long startNs = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (!stream.acquire()) {
                    rate.stalled = true;
                    break;
                }
                this.clients.publish(subject.inTopic, payloads[i], qos);
                rate.sent++;
            }
            stream.awaitAll(rate.sent);
            synchronized (stream) {
                rate.delivered = stream.delivered;
                rate.duplicates = stream.duplicates;
                double seconds = (stream.lastArrivalNs - startNs) / 1e9;
                rate.perSecond = seconds > 0 ? stream.delivered / seconds : 0;
            }
            rate.stalled |= rate.delivered < rate.sent;
            return rate;
        } finally {
            this.clients.setArrivals(null);
        }
    }

    /** Waits for one message. */
    private static final class Single implements Clients.Arrivals {
        private long expected = -1;
        private long arrivalNs;

        synchronized void expect(long id) {
            this.expected = id;
            this.arrivalNs = 0;
        }

        @Override
        public synchronized void arrived(long id, long nowNs) {
            if (id == this.expected && this.arrivalNs == 0) {
                this.arrivalNs = nowNs;
                notifyAll();
            }
        }

        /** @return when the message arrived (System.nanoTime), or 0 if it did not within the time */
        synchronized long await(long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (this.arrivalNs == 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return 0;
                }
                wait(left);
            }
            return this.arrivalNs;
        }
    }

    /** Counts a stream's arrivals and holds the publisher to its window. */
    private static final class Stream implements Clients.Arrivals {
        private final long firstId;
        private final boolean[] seen;
        private final Semaphore permits;
        int delivered;
        int duplicates;
        long lastArrivalNs;

        Stream(long firstId, int count, int window) {
            this.firstId = firstId;
            this.seen = new boolean[count];
            this.permits = new Semaphore(window);
        }

        @Override
        public void arrived(long id, long nowNs) {
            long index = id - this.firstId;
            if (index < 0 || index >= this.seen.length) {
                return;
            }
            synchronized (this) {
                if (this.seen[(int) index]) {
                    this.duplicates++;
                    return;
                }
                this.seen[(int) index] = true;
                this.delivered++;
                this.lastArrivalNs = nowNs;
                notifyAll();
            }
            this.permits.release();
        }

        /**
         * @return false when nothing came out for {@link Measure#STALL_MS} while the window was full:
         *         messages were lost
         */
        boolean acquire() throws InterruptedException {
            while (true) {
                int before;
                synchronized (this) {
                    before = this.delivered;
                }
                if (this.permits.tryAcquire(STALL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                synchronized (this) {
                    if (this.delivered == before) {
                        return false;
                    }
                }
            }
        }

        synchronized void awaitAll(int sent) throws InterruptedException {
            int before = -1;
            while (this.delivered < sent) {
                if (this.delivered == before) {
                    return; // a whole stall period without progress
                }
                before = this.delivered;
                long deadline = System.currentTimeMillis() + STALL_MS;
                while (this.delivered == before && this.delivered < sent) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    wait(left);
                }
            }
        }
    }
}
