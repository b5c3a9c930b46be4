package com.relayboard.firmware.time;

/** Told of every state change of the board's clock, on the loop thread. */
public interface TimeSyncListener {

    /**
     * @param detail
     *            the server when syncing; the date and time set and the server when synced; the server, the reason
     *            and the retry delay when failed
     */
    void timeChanged(TimeState state, String detail);
}
