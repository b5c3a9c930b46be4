package com.relayboard.firmware.config;

/** A configuration the board refuses to start with. Its message is one line, fit for the LCD. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
