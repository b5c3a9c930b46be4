package com.relayboard.host.display;

/**
 * Told about every flush of the emulated LCD, on the MicroUI thread, after the front buffer was updated. Keep it fast:
 * the UI thread waits for it (a Swing front panel should only schedule a repaint).
 */
public interface FlushListener {

    /**
     * @param x      left column of the flushed region, in LCD pixels
     * @param y      top row of the flushed region
     * @param width  width of the flushed region, in pixels
     * @param height height of the flushed region, in pixels
     */
    void onFlush(int x, int y, int width, int height);
}
