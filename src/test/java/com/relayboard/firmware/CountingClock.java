package com.relayboard.firmware;

import com.relayboard.firmware.net.Clock;

/** The real clock (System.currentTimeMillis), counting how often it is read: once per loop step or so. */
final class CountingClock implements Clock {

    private long reads;

    @Override
    public synchronized long nowMs() {
        this.reads++;
        return System.currentTimeMillis();
    }

    synchronized long reads() {
        return this.reads;
    }
}
