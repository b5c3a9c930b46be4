package com.relayboard.firmware.net;

import java.io.IOException;

/**
 * Joins the access point and keeps the board joined: joins with a timeout, retries with
 * exponential backoff (capped, with jitter) and notices a lost link by polling, then rejoins. Runs
 * on the loop thread only; see {@link WifiState} for the transitions.
 */
public final class WifiConnectManager {

    /** Longest a join (association plus DHCP) may take before it counts as failed. */
    public static final long JOIN_TIMEOUT_MS = 15000;
    /** How often a connected station checks that it is still associated. */
    public static final long LINK_CHECK_INTERVAL_MS = 1000;
    public static final long RETRY_INITIAL_MS = 1000;
    public static final long RETRY_MAX_MS = 30000;

    private final WifiRadio radio;
    private final String ssid;
    private final String passphrase;
    private final String security;
    private final Backoff backoff;
    private final LifecycleListener listener;

    private WifiState state = WifiState.IDLE;
    private long nextActionMs;
    private String address;

    public WifiConnectManager(WifiRadio radio, String ssid, String passphrase, String security, Backoff backoff,
            LifecycleListener listener) {
        this.radio = radio;
        this.ssid = ssid;
        this.passphrase = passphrase;
        this.security = security;
        this.backoff = backoff;
        this.listener = listener;
    }

    public WifiState state() {
        return this.state;
    }

    public boolean isConnected() {
        return this.state == WifiState.CONNECTED;
    }

    /** @return the station's address while connected, else {@code null} */
    public String address() {
        return this.state == WifiState.CONNECTED ? this.address : null;
    }

    /**
     * @return when the next step has something to do, in clock milliseconds: the next link check
     *         while connected, the end of the delay while backing off, now while a join is due
     */
    public long nextActionMs() {
        return this.nextActionMs;
    }

    /** Advances the lifecycle by at most one transition. May block in a join, up to the join timeout. */
    public void step(long nowMs) {
        switch (this.state) {
        case IDLE:
            enterJoining(nowMs);
            break;
        case JOINING:
            join(nowMs);
            break;
        case CONNECTED:
            if (nowMs >= this.nextActionMs) {
                if (this.radio.isJoined()) {
                    this.nextActionMs = nowMs + LINK_CHECK_INTERVAL_MS;
                } else {
                    // A lost link is retried at once: the access point may only have blinked.
                    this.backoff.reset();
                    enterBackoff(nowMs, "link to \"" + this.ssid + "\" lost", 0);
                }
            }
            break;
        case BACKOFF:
            if (nowMs >= this.nextActionMs) {
                enterJoining(nowMs);
            }
            break;
        default:
            break;
        }
    }

    /**
     * Checks the association now rather than at the next poll: a connection to the broker that just ended
     * may have ended because the station lost its access point, and that is the reason to show.
     */
    public void checkLinkNow(long nowMs) {
        if (this.state == WifiState.CONNECTED) {
            this.nextActionMs = nowMs;
            step(nowMs);
        }
    }

    /** Leaves the access point and joins again from the start of the backoff, saying why. */
    public void rejoin(String reason, long nowMs) {
        this.radio.leave();
        this.backoff.reset();
        enterBackoff(nowMs, reason, 0);
    }

    private void enterJoining(long nowMs) {
        this.state = WifiState.JOINING;
        this.nextActionMs = nowMs;
        this.listener.wifiChanged(WifiState.JOINING, "\"" + this.ssid + "\"");
    }

    private void join(long nowMs) {
        try {
            this.radio.join(this.ssid, this.passphrase, this.security, JOIN_TIMEOUT_MS);
            String joinedAddress = this.radio.address();
            if (joinedAddress == null) {
                throw new IOException("joined \"" + this.ssid + "\" but got no IP address");
            }
            this.address = joinedAddress;
            this.backoff.reset();
            this.state = WifiState.CONNECTED;
            this.nextActionMs = nowMs + LINK_CHECK_INTERVAL_MS;
            this.listener.wifiChanged(WifiState.CONNECTED, joinedAddress);
        } catch (IOException e) {
            this.radio.leave();
            enterBackoff(nowMs, e.getMessage(), this.backoff.nextDelayMs());
        }
    }

    private void enterBackoff(long nowMs, String reason, long delayMs) {
        this.state = WifiState.BACKOFF;
        this.address = null;
        this.nextActionMs = nowMs + delayMs;
        this.listener.wifiChanged(WifiState.BACKOFF, reason + "; retry in " + Durations.seconds(delayMs));
    }
}
