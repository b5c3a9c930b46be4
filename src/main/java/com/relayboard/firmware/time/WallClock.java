package com.relayboard.firmware.time;

/**
 * The board's application clock, the one {@code System.currentTimeMillis()} reads and TLS checks certificates
 * against: BON's {@code Util.setCurrentTimeMillis(long)} on the board, a plain
 * field in tests. Never used for deadlines: it jumps when it is set ({@link com.relayboard.firmware.net.Clock} is
 * the monotonic one).
 */
public interface WallClock {

    void set(long utcMs);
}
