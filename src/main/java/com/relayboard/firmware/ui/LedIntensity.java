package com.relayboard.firmware.ui;

import ej.microui.led.Leds;

/**
 * The one place the firmware sets a MicroUI LED's brightness.
 *
 * <p>{@code Leds.setLedIntensity(int, int)} is not established for the Java side of MicroUI: only its C side,
 * {@code LLUI_LED_IMPL_setIntensity}, is seen (docs/api-evidence.md; the build lists it as unproven). If your
 * SDK's {@code Leds} has no such method, the firmware does not compile: replace the marked line in
 * {@link #set(int, int)} with {@code setOnOrOff(ledId, intensity);}, which uses only {@code setLedOn} and
 * {@code setLedOff} (both seen in MicroEJ's own LED example). platform/README.md says the same.
 */
final class LedIntensity {

    /** MicroUI's brightest LED intensity (the ESP32 ports' {@code LLUI_LED_MAX_INTENSITY}). */
    static final int MAX = 255;

    private LedIntensity() {
    }

    /**
     * Sets a LED's brightness.
     *
     * @param ledId MicroUI LED id
     * @param intensity 0 (off) to {@link #MAX}
     */
    static void set(int ledId, int intensity) {
        Leds.setLedIntensity(ledId, intensity); // unproven: if missing, use setOnOrOff(ledId, intensity);
    }

    /**
     * The fallback for an SDK without {@code setLedIntensity}: any brightness above 0 is full brightness, so the
     * NeoPixel shows 8 colours (each channel on or off) and a dim LED is a bright one.
     *
     * @param ledId MicroUI LED id
     * @param intensity 0 (off) to {@link #MAX}
     */
    static void setOnOrOff(int ledId, int intensity) {
        if (intensity > 0) {
            Leds.setLedOn(ledId);
        } else {
            Leds.setLedOff(ledId);
        }
    }
}
