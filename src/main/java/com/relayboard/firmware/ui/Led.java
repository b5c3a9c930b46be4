package com.relayboard.firmware.ui;

/** The board's status light. */
public interface Led {

    /** A light that shows colours: the NeoPixel, three MicroUI LEDs (red, green, blue). */
    int RGB = 3;
    /** A light of one colour, brightness only: the ESP-WROVER-KIT's red LED. */
    int MONO = 1;
    /** No light at all. */
    int NONE = 0;

    /** @return {@link #RGB}, {@link #MONO} or {@link #NONE}: what {@link #show(int)} can render */
    int kind();

    /**
     * Shows a colour, 0xRRGGBB. A {@link #MONO} light shows its brightest channel as its brightness.
     */
    void show(int rgb);
}
