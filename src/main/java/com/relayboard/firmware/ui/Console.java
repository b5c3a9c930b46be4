package com.relayboard.firmware.ui;

/**
 * The board's serial console, as the parts that print see it: a line goes out, or is counted as
 * skipped, and the caller never waits for the UART.
 */
public interface Console {

    void println(String line);
}
