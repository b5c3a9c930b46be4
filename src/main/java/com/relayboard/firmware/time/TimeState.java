package com.relayboard.firmware.time;

/**
 * Lifecycle of the board's clock, driven by {@link TimeSync#step(long, boolean)}.
 *
 * <pre>
 *                       Wi-Fi up, and the clock is due
 *   WAITING_FOR_NETWORK ------------------------------&gt; SYNCING --reply--&gt; SYNCED
 *           ^                                          ^    |                |
 *           | Wi-Fi down (any state)        delay over |    | no reply,      | re-sync interval over
 *           |                                          |    v bad reply      v
 *           +----------------------------------------- FAILED             SYNCING
 * </pre>
 *
 * FAILED waits the backoff's delay; SYNCED waits the re-sync interval. Once set, the clock stays set through
 * failures and Wi-Fi losses: only the first setting gates an {@code ssl://} connect.
 */
public enum TimeState {
    /** No Wi-Fi, or not yet: nothing to ask. */
    WAITING_FOR_NETWORK,
    /** A request is on the network worker; each step polls it. */
    SYNCING,
    /** The clock is set; the next request goes out after the re-sync interval. */
    SYNCED,
    /** The last request got no usable answer; the next goes out after the backoff's delay. */
    FAILED
}
