package com.relayboard.firmware.net;

/** A clock the test sets by hand. */
public final class FakeClock implements Clock {

    private long nowMs;

    public FakeClock(long startMs) {
        this.nowMs = startMs;
    }

    @Override
    public synchronized long nowMs() {
        return this.nowMs;
    }

    public synchronized void set(long ms) {
        this.nowMs = ms;
    }

    public synchronized long advance(long ms) {
        this.nowMs += ms;
        return this.nowMs;
    }
}
