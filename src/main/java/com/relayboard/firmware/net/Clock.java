package com.relayboard.firmware.net;

/** A monotonic clock in milliseconds; passed in so that tests can drive time by hand. */
public interface Clock {

    long nowMs();
}
