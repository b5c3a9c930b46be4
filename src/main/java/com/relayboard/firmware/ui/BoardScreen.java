package com.relayboard.firmware.ui;

/**
 * What the board shows on its screen. Called on the loop thread; implementations hand the work to
 * their own UI thread. {@link LcdScreen} draws it on the LCD with MWT; tests use plain fakes.
 */
public interface BoardScreen {

    /** Severity of a status line, which picks its colour. */
    int OK = 0;
    int BUSY = 1;
    int ERROR = 2;

    void showWifi(String text, int severity);

    void showMqtt(String text, int severity);

    /** What needs the user's attention, in one line of text (the LCD wraps it); an empty text clears it. */
    void showNotice(String text, boolean error);

    /**
     * A message taken from {@code topic}.
     *
     * @param payload
     *            what the board kept of the payload to show (a report keeps at most its first bytes)
     * @param payloadLength
     *            the payload's real size in bytes, which the screen shows when it cuts the text: it may be more
     *            than {@code payload.length}
     */
    void addMessage(String topic, byte[] payload, int payloadLength);

    void showCounters(int received, int relayed, int dropped, int queued);
}
