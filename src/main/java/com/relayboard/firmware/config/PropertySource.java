package com.relayboard.firmware.config;

/** Where configuration values come from: system properties on the board, a map in tests. */
public interface PropertySource {

    /** @return the value of {@code key}, or {@code null} when it is not set */
    String get(String key);
}
