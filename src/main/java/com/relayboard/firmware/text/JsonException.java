package com.relayboard.firmware.text;

/** Text that is not the JSON expected: the message says what was expected, at which byte. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
