package com.relayboard.firmware.time;

import java.io.IOException;

/** An SNTP reply the board cannot use; the message says why, after the server's name ("pool.ntp.org ..."). */
public final class SntpException extends IOException {

    private static final long serialVersionUID = 1L;

    public SntpException(String reason) {
        super(reason);
    }
}
