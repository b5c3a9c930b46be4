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

    void addMessage(String topic, byte[] payload);

    void showCounters(int received, int relayed, int dropped, int queued);
}
