package com.relayboard.firmware.net;

/**
 * Lifecycle of the Wi-Fi station, driven by {@link WifiConnectManager#step(long)}.
 *
 * <pre>
 *            start
 *   IDLE -----------&gt; JOINING --joined, has address--&gt; CONNECTED
 *                      ^    |                             |
 *                      |    | join failed or timed out    | link lost (polled)
 *             delay    |    v                             v
 *             elapsed  +-- BACKOFF &lt;----------------------+
 * </pre>
 */
public enum WifiState {
    /** Not started yet. */
    IDLE,
    /** Announced; the next step blocks in the join (bounded by the join timeout). */
    JOINING,
    /** Associated and addressed: the MQTT link may connect. */
    CONNECTED,
    /** Waiting out the backoff delay after a failed join or a lost link. */
    BACKOFF
}
