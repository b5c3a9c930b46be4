package com.relayboard.firmware.ui;

import ej.microui.led.Leds;

/**
 * The RGB NeoPixel through MicroUI's LEDs: MicroEJ's ESP32-S3 port drives its WS2812 as three LEDs,
 * ids 0, 1, 2 for red, green and blue, intensity 0 to 255. A board with a single LED shows any
 * colour other than black as that LED on.
 */
public final class NeoPixel implements Led {

    private static final int RED_LED = 0;
    private static final int GREEN_LED = 1;
    private static final int BLUE_LED = 2;
    private static final int CHANNELS = 3;

    private final int leds;
    private int shown = -1;

    public NeoPixel() {
        this.leds = Leds.getNumberOfLeds();
    }

    @Override
    public void show(int rgb) {
        if (rgb == this.shown) {
            return;
        }
        this.shown = rgb;
        if (this.leds >= CHANNELS) {
            Leds.setLedIntensity(RED_LED, (rgb >> 16) & 0xFF);
            Leds.setLedIntensity(GREEN_LED, (rgb >> 8) & 0xFF);
            Leds.setLedIntensity(BLUE_LED, rgb & 0xFF);
        } else if (this.leds > 0) {
            Leds.setLedIntensity(RED_LED, rgb == 0 ? 0 : 255);
        }
    }
}
