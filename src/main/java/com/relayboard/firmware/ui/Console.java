package com.relayboard.firmware.ui;

/**
 * The board's serial console, as the parts that print see it: a state line or a notice goes out at once, on
 * the caller's thread, and is never skipped. On the board the UART's wait holds every thread alike, so the
 * caller waits no more than anyone else; the console's budget bounds what message lines add to it.
 */
public interface Console {

    void println(String line);
}
