package com.relayboard.host.led;

/** Told about each change of the NeoPixel's colour, on the thread that changed it. Keep it fast. */
public interface LedListener {

    /**
     * @param rgb the new colour, 0xRRGGBB
     */
    void onChange(int rgb);
}
