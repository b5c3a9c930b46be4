package com.relayboard.firmware.net;

/**
 * Joins the access point and keeps the board joined: joins with a timeout, waits for DHCP with a
 * timeout, retries with exponential backoff (capped, with jitter) and notices a lost link by polling,
 * then rejoins. Runs on the loop thread only and never waits: the radio joins on its own thread and
 * each step only looks at how far it got. See {@link WifiState} for the transitions.
 */
public final class WifiConnectManager {

    /**
     * Longest an association may take before it counts as failed. The ESP-WROVER-KIT port's driver gives
     * up after 5 s by itself; other ports may wait longer.
     */
    public static final long JOIN_TIMEOUT_MS = 15000;
    /** Longest DHCP may take to give an address once associated, before the station leaves and retries. */
    public static final long DHCP_TIMEOUT_MS = 10000;
    /**
     * How often a join in progress and a pending lease are looked at: often enough that the board is up a
     * moment after DHCP, seldom enough that the loop sleeps in between.
     */
    public static final long POLL_INTERVAL_MS = 100;
    /** How often a connected station checks that it is still associated. */
    public static final long LINK_CHECK_INTERVAL_MS = 1000;
    public static final long RETRY_INITIAL_MS = 1000;
    public static final long RETRY_MAX_MS = 30000;

    /** What a radio may read before the lease, should it pass it on as text. */
    private static final String UNSPECIFIED_ADDRESS = "0.0.0.0";

    private final WifiRadio radio;
    private final String ssid;
    private final String passphrase;
    private final String security;
    private final Backoff backoff;
    private final LifecycleListener listener;

    private WifiState state = WifiState.IDLE;
    private long nextActionMs;
    /** When the current join, or the current wait for an address, gives up (clock milliseconds). */
    private long deadlineMs;
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
     * @return when the next step has something to do, in clock milliseconds: the next poll while joining or
     *         waiting for an address, the next link check while connected, the end of the delay while backing
     *         off, now before the start
     */
    public long nextActionMs() {
        return this.nextActionMs;
    }

    /** Advances the lifecycle by at most one transition. Returns at once. */
    public void step(long nowMs) {
        switch (this.state) {
        case IDLE:
            enterJoining(nowMs);
            break;
        case JOINING:
            if (nowMs >= this.nextActionMs) {
                pollJoin(nowMs);
            }
            break;
        case WAITING_FOR_ADDRESS:
            if (nowMs >= this.nextActionMs) {
                pollAddress(nowMs);
            }
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

    /**
     * Starts the Wi-Fi side again from scratch: leaves the access point, whatever the state, and joins again
     * through the usual states at the next step, with a fresh backoff. For a watchdog that sees the board
     * stuck; {@code reason} is said on the console and the LCD.
     */
    public void rejoin(String reason, long nowMs) {
        this.radio.leave();
        this.backoff.reset();
        enterBackoff(nowMs, reason + "; leaving \"" + this.ssid + "\" to join again", 0);
    }

    private void enterJoining(long nowMs) {
        this.state = WifiState.JOINING;
        this.deadlineMs = nowMs + JOIN_TIMEOUT_MS;
        this.nextActionMs = nowMs + POLL_INTERVAL_MS;
        // Said before the join starts, so that the console tells what the board is doing while it runs.
        this.listener.wifiChanged(WifiState.JOINING, "\"" + this.ssid + "\"");
        this.radio.startJoin(this.ssid, this.passphrase, this.security);
    }

    private void pollJoin(long nowMs) {
        JoinProgress progress = this.radio.joinProgress();
        if (progress == JoinProgress.ASSOCIATED) {
            String joinedAddress = this.radio.address();
            if (hasAddress(joinedAddress)) {
                enterConnected(nowMs, joinedAddress);
            } else {
                this.state = WifiState.WAITING_FOR_ADDRESS;
                this.deadlineMs = nowMs + DHCP_TIMEOUT_MS;
                this.nextActionMs = nowMs + POLL_INTERVAL_MS;
                this.listener.wifiChanged(WifiState.WAITING_FOR_ADDRESS,
                        "joined \"" + this.ssid + "\", waiting for DHCP");
            }
        } else if (progress == JoinProgress.IN_PROGRESS) {
            if (nowMs >= this.deadlineMs) {
                giveUp(nowMs, "no answer from \"" + this.ssid + "\" within " + Durations.seconds(JOIN_TIMEOUT_MS));
            } else {
                this.nextActionMs = Math.min(nowMs + POLL_INTERVAL_MS, this.deadlineMs);
            }
        } else {
            String reason = this.radio.joinFailure();
            giveUp(nowMs, reason == null ? "joining \"" + this.ssid + "\" failed" : reason);
        }
    }

    private void pollAddress(long nowMs) {
        String leased = this.radio.address();
        if (hasAddress(leased)) {
            enterConnected(nowMs, leased);
        } else if (!this.radio.isJoined()) {
            giveUp(nowMs, "link to \"" + this.ssid + "\" lost before DHCP gave an address");
        } else if (nowMs >= this.deadlineMs) {
            giveUp(nowMs, "joined \"" + this.ssid + "\" but DHCP gave no address within "
                    + Durations.seconds(DHCP_TIMEOUT_MS));
        } else {
            this.nextActionMs = Math.min(nowMs + POLL_INTERVAL_MS, this.deadlineMs);
        }
    }

    private void enterConnected(long nowMs, String joinedAddress) {
        this.address = joinedAddress;
        this.backoff.reset();
        this.state = WifiState.CONNECTED;
        this.nextActionMs = nowMs + LINK_CHECK_INTERVAL_MS;
        this.listener.wifiChanged(WifiState.CONNECTED, joinedAddress);
    }

    /** A join that failed or timed out, or a lease that never came: leave, so the next join starts clean. */
    private void giveUp(long nowMs, String reason) {
        this.radio.leave();
        enterBackoff(nowMs, reason, this.backoff.nextDelayMs());
    }

    private void enterBackoff(long nowMs, String reason, long delayMs) {
        this.state = WifiState.BACKOFF;
        this.address = null;
        this.nextActionMs = nowMs + delayMs;
        this.listener.wifiChanged(WifiState.BACKOFF, reason + "; retry in " + Durations.seconds(delayMs));
    }

    /** @return whether {@code text} is an address: not none, and not the unspecified 0.0.0.0 of no lease yet */
    private static boolean hasAddress(String text) {
        return text != null && text.length() > 0 && !UNSPECIFIED_ADDRESS.equals(text);
    }
}
