package com.relayboard.firmware.net;

/**
 * Lifecycle of the link to the broker, driven by {@link MqttLink#step(long, boolean)}.
 *
 * <pre>
 *                         Wi-Fi up
 *   WAITING_FOR_NETWORK -----------&gt; CONNECTING --CONNACK accepted, subscribed--&gt; CONNECTED
 *           ^                         ^     |                                        |
 *           | Wi-Fi down (any state)  |     | refused, unreachable, timed out        | connection lost
 *           |                   delay |     v                                        v
 *           +-------------------- elapsed  BACKOFF &lt;-----------------------------------+
 * </pre>
 *
 * Every entry into CONNECTED subscribes to every relay source again, so a broker that lost the
 * session (or a clean session) never leaves the board deaf.
 */
public enum MqttState {
    /** No Wi-Fi: nothing to try until the station is connected. */
    WAITING_FOR_NETWORK,
    /** Announced; the next step blocks in connect and subscribe (bounded by the connect timeout). */
    CONNECTING,
    /** Connected and subscribed: messages flow. */
    CONNECTED,
    /** Waiting out the backoff delay after a failed connect or a lost connection. */
    BACKOFF
}
