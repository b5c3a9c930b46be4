package com.relayboard.firmware.net;

/**
 * Lifecycle of the Wi-Fi station, driven by {@link WifiConnectManager#step(long)}. No step waits on
 * the radio: a join and a pending DHCP lease are polled, and their timeouts measured with the loop's
 * clock.
 *
 * <pre>
 *          start                 associated,                    address
 *   IDLE -------&gt; JOINING ------ no address yet -----&gt; WAITING_FOR_ADDRESS ------&gt; CONNECTED
 *                  ^  |  \                                   |                        |
 *                  |  |   +--- associated, has address -----------------------------&gt;|
 *                  |  |                                      |                        |
 *                  |  | join failed or            no address within DHCP_TIMEOUT_MS   | link lost (polled)
 *                  |  | JOIN_TIMEOUT_MS passed    or link lost: leave                 | or rejoin(reason):
 *                  |  | (leave)                              |                        | leave
 *         delay    |  v                                      v                        v
 *         elapsed  +-- BACKOFF &lt;----------------------------+------------------------+
 * </pre>
 *
 * {@link WifiConnectManager#rejoin(String, long)} leaves from any state and goes to BACKOFF with no delay.
 */
public enum WifiState {
    /** Not started yet. */
    IDLE,
    /** Announced; the join runs on the radio's worker and is polled, bounded by the join timeout. */
    JOINING,
    /** Associated; DHCP has not given an address yet (the port reads 0.0.0.0). Polled, bounded by the DHCP timeout. */
    WAITING_FOR_ADDRESS,
    /** Associated and addressed: the MQTT link may connect. */
    CONNECTED,
    /** Waiting out the backoff delay after a failed join, a lost link or a rejoin. */
    BACKOFF
}
