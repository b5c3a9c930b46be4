package com.relayboard.firmware.net;

/** Durations as people read them on the console: {@code 2.5 s}. */
public final class Durations {

    private Durations() {
    }

    public static String seconds(long ms) {
        long tenths = (ms + 50) / 100;
        return (tenths / 10) + "." + (tenths % 10) + " s";
    }
}
