package com.relayboard.firmware.net;

/**
 * Lifecycle of the link to the broker, driven by {@link MqttLink#step(long, boolean)}.
 *
 * <pre>
 *                         Wi-Fi up
 *   WAITING_FOR_NETWORK -----------&gt; CONNECTING --CONNACK accepted, subscribed--&gt; CONNECTED
 *           ^                         ^     |                                        |
 *           | Wi-Fi down (any state)  |     | refused, unreachable, timed out        | connection lost, or nothing
 *           | or the watchdog         |     | (or no outcome in ATTEMPT_TIMEOUT_MS)  |
 *           |                   delay |     v                                        | heard for a keepalive
 *           +-------------------- elapsed  BACKOFF &lt;-----------------------------------+ (dead link: given up)
 * </pre>
 *
 * Every entry into CONNECTED subscribes to every relay source again, so a broker that lost the
 * session (or a clean session) never leaves the board deaf. While CONNECTED, a step that finds the
 * broker silent for half a keepalive publishes a probe to the board's probe topic, and one that finds
 * it silent for a whole keepalive gives the link up. The BACKOFF delay is the exponential backoff's;
 * after {@link MqttLink#TAKEOVER_LOSSES} connections in a row that the broker closed soon after they
 * opened, it is the longer {@link Backoff#penaltyDelayMs() penalty delay}.
 */
public enum MqttState {
    /** No Wi-Fi: nothing to try until the station is connected. */
    WAITING_FOR_NETWORK,
    /**
     * A connect attempt (connects, subscribes, status lines) runs on the network worker; each step polls it, and
     * one finds it done or gives it up after {@link MqttLink#ATTEMPT_TIMEOUT_MS}.
     */
    CONNECTING,
    /** Connected and subscribed: messages flow; the broker's silence is watched. */
    CONNECTED,
    /** Waiting out the backoff delay after a failed connect or a lost connection. */
    BACKOFF
}
