package ej.microui.led;

import com.relayboard.host.led.HostLeds;

/**
 * The board's LEDs. On the host there are three, ids 0, 1 and 2, the red, green and blue channels of the single
 * NeoPixel (WS2812) that MicroEJ's ESP32-S3 port drives; intensities range from 0 (off) to 255 (full).
 */
public class Leds {

    private Leds() {
    }

    /** @return the number of LEDs */
    public static int getNumberOfLeds() {
        return HostLeds.count();
    }

    /**
     * Turns a LED fully on. An unknown id is ignored, as the C driver does.
     *
     * @param ledId LED id
     */
    public static void setLedOn(int ledId) {
        HostLeds.setIntensity(ledId, HostLeds.MAX_INTENSITY);
    }

    /**
     * Turns a LED off. An unknown id is ignored.
     *
     * @param ledId LED id
     */
    public static void setLedOff(int ledId) {
        HostLeds.setIntensity(ledId, HostLeds.MIN_INTENSITY);
    }

    /**
     * @param ledId LED id
     * @return its intensity, 0..255; 0 for an unknown id
     */
    public static int getLedIntensity(int ledId) {
        return HostLeds.intensity(ledId);
    }

    /**
     * Sets a LED's intensity, clamped to 0..255. An unknown id is ignored.
     *
     * @param ledId     LED id
     * @param intensity intensity
     */
    public static void setLedIntensity(int ledId, int intensity) {
        HostLeds.setIntensity(ledId, intensity);
    }
}
