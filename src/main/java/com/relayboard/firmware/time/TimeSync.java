package com.relayboard.firmware.time;

import java.io.IOException;

import com.relayboard.firmware.net.Backoff;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.Durations;
import com.relayboard.firmware.net.JobRunner;

/**
 * Sets the board's application clock over SNTP once Wi-Fi is up, and again every re-sync interval. The board's TLS
 * stack checks certificate dates against that clock, which starts at 1970 (docs/api-evidence.md): an
 * {@code ssl://} board connects only once {@link #isSet()}. Runs on the loop thread; the exchange itself runs on
 * the network worker, bounded by {@link #TIMEOUT_MS}, and the steps while SYNCING poll it. See {@link TimeState}
 * for the transitions.
 */
public final class TimeSync {

    /** How long the board waits for the server's reply. */
    public static final int TIMEOUT_MS = 5000;
    /** First delay after a failure; the backoff doubles it up to {@link #RETRY_MAX_MS}. */
    public static final long RETRY_INITIAL_MS = 10000;
    public static final long RETRY_MAX_MS = 300000;
    /** How often the loop looks at a request in progress. */
    static final long POLL_MS = 50;

    private final TimeSource source;
    private final WallClock wallClock;
    /** The monotonic clock: a reply's time is carried to the moment the loop sets it. */
    private final Clock clock;
    private final JobRunner worker;
    private final String host;
    private final int port;
    private final long resyncMs;
    private final Backoff backoff;
    private final TimeSyncListener listener;

    private volatile TimeState state = TimeState.WAITING_FOR_NETWORK;
    private volatile boolean set;
    /** When SYNCED or FAILED ends, on the monotonic clock. */
    private long nextActionMs;
    private long clockMs;
    /** The request on the worker, or {@code null}. */
    private Request request;

    public TimeSync(TimeSource source, WallClock wallClock, Clock clock, JobRunner worker, String host, int port,
            long resyncMs, Backoff backoff, TimeSyncListener listener) {
        this.source = source;
        this.wallClock = wallClock;
        this.clock = clock;
        this.worker = worker;
        this.host = host;
        this.port = port;
        this.resyncMs = resyncMs;
        this.backoff = backoff;
        this.listener = listener;
    }

    public TimeState state() {
        return this.state;
    }

    /** @return whether the clock has been set since the board started; read from any thread */
    public boolean isSet() {
        return this.set;
    }

    /** @return the server as the state lines name it: {@code host}, or {@code host:port} off port 123 */
    public String server() {
        return this.port == 123 ? this.host : this.host + ":" + this.port;
    }

    /** @return when the next step has something to do, on the monotonic clock; {@link Long#MAX_VALUE}: no time */
    public long nextActionMs() {
        switch (this.state) {
        case SYNCING:
            return this.clockMs + POLL_MS;
        case SYNCED:
        case FAILED:
            return this.nextActionMs;
        default:
            return Long.MAX_VALUE;
        }
    }

    /**
     * Advances the lifecycle by at most one transition. Never blocks.
     *
     * @param networkUp
     *            whether Wi-Fi is connected
     */
    public void step(long nowMs, boolean networkUp) {
        this.clockMs = nowMs;
        if (!networkUp) {
            if (this.state != TimeState.WAITING_FOR_NETWORK) {
                // A request in flight fails with the station's sockets; its outcome is ignored.
                this.request = null;
                this.state = TimeState.WAITING_FOR_NETWORK;
                this.listener.timeChanged(TimeState.WAITING_FOR_NETWORK, "Wi-Fi is down");
            }
            return;
        }
        switch (this.state) {
        case WAITING_FOR_NETWORK:
            if (this.set && nowMs < this.nextActionMs) {
                // Set already, and not due: the Wi-Fi loss changed nothing about the clock.
                this.state = TimeState.SYNCED;
            } else {
                ask(nowMs);
            }
            break;
        case SYNCING:
            poll(nowMs);
            break;
        case SYNCED:
        case FAILED:
            if (nowMs >= this.nextActionMs) {
                ask(nowMs);
            }
            break;
        default:
            break;
        }
    }

    private void ask(long nowMs) {
        Request next = new Request();
        if (!this.worker.submit(next)) {
            fail(nowMs, "could not be asked: the network worker is busy");
            return;
        }
        this.request = next;
        this.state = TimeState.SYNCING;
        this.listener.timeChanged(TimeState.SYNCING, "asking " + server());
    }

    private void poll(long nowMs) {
        Request current = this.request;
        if (current == null || !current.isDone()) {
            return;
        }
        this.request = null;
        if (current.failure != null) {
            fail(nowMs, current.failure);
            return;
        }
        // The reply's time, carried forward by the monotonic time since it arrived.
        long utcMs = current.utcAtReplyMs + (nowMs - current.repliedAtMs);
        this.wallClock.set(utcMs);
        this.set = true;
        this.backoff.reset();
        this.nextActionMs = nowMs + this.resyncMs;
        this.state = TimeState.SYNCED;
        this.listener.timeChanged(TimeState.SYNCED, UtcText.format(utcMs) + " from " + server());
    }

    private void fail(long nowMs, String reason) {
        long delayMs = this.backoff.nextDelayMs();
        this.nextActionMs = nowMs + delayMs;
        this.state = TimeState.FAILED;
        this.listener.timeChanged(TimeState.FAILED, server() + " " + reason + "; retrying in "
                + Durations.seconds(delayMs) + (this.set ? " (the clock keeps its last setting)" : ""));
    }

    /**
     * One exchange, on the worker; the loop reads its outcome once it is done. No lock: the worker writes the
     * outcome's fields, then the volatile {@link #done}; the loop reads {@code done}, then the fields, so it sees them
     * as written (a volatile write happens before the read that sees it), and neither side writes them again.
     */
    private final class Request implements Runnable {

        /** Written once by the worker, last; read by the loop. */
        private volatile boolean done;
        long utcAtReplyMs;
        long repliedAtMs;
        String failure;

        @Override
        public void run() {
            long utcMs = 0;
            long atMs = 0;
            String failed = null;
            try {
                utcMs = TimeSync.this.source.ask(TimeSync.this.host, TimeSync.this.port, TIMEOUT_MS);
                atMs = TimeSync.this.clock.nowMs();
            } catch (IOException e) {
                failed = e.getMessage();
            } catch (RuntimeException e) {
                // A bug must not leave the loop polling a request that never ends.
                failed = "could not be asked: " + e;
            }
            this.utcAtReplyMs = utcMs;
            this.repliedAtMs = atMs;
            this.failure = failed;
            this.done = true; // Last: publishes the three fields above to the loop.
        }

        /** @return whether the outcome is written; its fields may be read once this returned {@code true} */
        boolean isDone() {
            return this.done;
        }
    }
}
