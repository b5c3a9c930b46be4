package com.relayboard.firmware.ui;

import ej.microui.led.Leds;

/**
 * The board's light through MicroUI's LEDs, whatever the VEE Port has:
 * <ul>
 * <li>three or more LEDs: an RGB NeoPixel. MicroEJ's ESP32-S3 port drives its WS2812 as LEDs 0, 1 and 2, the red,
 * green and blue channels, intensity 0 to 255;</li>
 * <li>one or two: a single-colour LED, LED 0 (the ESP-WROVER-KIT port has only its red LED), whose intensity is the
 * brightest channel of the colour asked for;</li>
 * <li>none: nothing is shown.</li>
 * </ul>
 * Brightness goes through {@link LedIntensity}, the one class with the unproven {@code Leds.setLedIntensity}.
 */
public final class NeoPixel implements Led {

    private static final int RED_LED = 0;
    private static final int GREEN_LED = 1;
    private static final int BLUE_LED = 2;

    private final int kind;

    /** Asks the platform how many LEDs it has. */
    public NeoPixel() {
        this(Leds.getNumberOfLeds());
    }

    NeoPixel(int ledCount) {
        this.kind = ledCount >= RGB ? RGB : ledCount >= MONO ? MONO : NONE;
    }

    @Override
    public int kind() {
        return this.kind;
    }

    @Override
    public void show(int rgb) {
        // LedIndicator passes changes only: every call here is a new colour.
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        if (this.kind == RGB) {
            LedIntensity.set(RED_LED, red);
            LedIntensity.set(GREEN_LED, green);
            LedIntensity.set(BLUE_LED, blue);
        } else if (this.kind == MONO) {
            LedIntensity.set(RED_LED, Math.max(red, Math.max(green, blue)));
        }
    }
}
