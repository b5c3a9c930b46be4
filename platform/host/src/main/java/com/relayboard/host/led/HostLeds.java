package com.relayboard.host.led;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.relayboard.host.HostPlatform;

/**
 * The board's NeoPixel as three MicroUI LEDs: ids 0, 1 and 2 drive its red, green and blue channels, as MicroEJ's
 * ESP32-S3 port maps its WS2812. {@code ej.microui.led.Leds} writes here; the simulator and tests read the resulting
 * colour, listen to its changes, and check the sequence of colours shown.
 */
public final class HostLeds {

    /** Intensity of a LED that is off. */
    public static final int MIN_INTENSITY = 0;
    /** Intensity of a LED that is fully on (8-bit PWM channel of the WS2812). */
    public static final int MAX_INTENSITY = 255;

    /** The most LEDs a board has: the NeoPixel's three channels. */
    private static final int MAX_LEDS = 3;
    private static final int RED_LED = 0;
    private static final int GREEN_LED = 1;
    private static final int BLUE_LED = 2;
    /** Colours remembered by {@link #history()}: enough for a long test, bounded for a long simulator run. */
    private static final int HISTORY_LIMIT = 1000;

    private static final Object LOCK = new Object();
    /** Guarded by LOCK. */
    private static final int[] INTENSITIES = new int[MAX_LEDS];
    /** Guarded by LOCK. */
    private static int rgb;
    /** Guarded by LOCK. */
    private static final ArrayDeque<Integer> HISTORY = new ArrayDeque<>();
    private static final List<LedListener> LISTENERS = new CopyOnWriteArrayList<>();

    private HostLeds() {
    }

    /** @return the number of LEDs the board has: 3 (the NeoPixel's channels), or 1 on the ESP-WROVER-KIT */
    public static int count() {
        return HostPlatform.board().ledCount();
    }

    /**
     * @param ledId LED id
     * @return its intensity, 0..255; 0 for an unknown id
     */
    public static int intensity(int ledId) {
        synchronized (LOCK) {
            return isValid(ledId) ? INTENSITIES[ledId] : MIN_INTENSITY;
        }
    }

    /**
     * Sets a LED's intensity, clamped to 0..255; an unknown id is ignored, as the C driver does. Listeners are told
     * when the colour changes.
     *
     * @param ledId     LED id
     * @param intensity intensity
     */
    public static void setIntensity(int ledId, int intensity) {
        if (!isValid(ledId)) {
            return;
        }
        int clamped = Math.max(MIN_INTENSITY, Math.min(MAX_INTENSITY, intensity));
        // Listeners run under the lock so that every listener sees the colours in the order they were shown.
        synchronized (LOCK) {
            INTENSITIES[ledId] = clamped;
            int next = (INTENSITIES[RED_LED] << 16) | (INTENSITIES[GREEN_LED] << 8) | INTENSITIES[BLUE_LED];
            if (next == rgb) {
                return;
            }
            rgb = next;
            HISTORY.addLast(next);
            if (HISTORY.size() > HISTORY_LIMIT) {
                HISTORY.removeFirst();
            }
            for (LedListener listener : LISTENERS) {
                try {
                    listener.onChange(next);
                } catch (RuntimeException e) {
                    // A broken observer must not break the firmware that drives the LED.
                    Thread current = Thread.currentThread();
                    current.getUncaughtExceptionHandler().uncaughtException(current, e);
                }
            }
        }
    }

    /**
     * @return the light's colour, 0xRRGGBB, from LEDs 0 (red), 1 (green) and 2 (blue); on a board with one LED
     *         (red), only the red channel is ever lit
     */
    public static int rgb() {
        synchronized (LOCK) {
            return rgb;
        }
    }

    /**
     * @param listener told about each colour change
     */
    public static void addListener(LedListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        LISTENERS.add(listener);
    }

    /**
     * @param listener a listener added before; unknown listeners are ignored
     */
    public static void removeListener(LedListener listener) {
        LISTENERS.remove(listener);
    }

    /**
     * The colours the NeoPixel took, oldest first: one entry per change (so no two consecutive entries are equal),
     * the initial "off" not included, at most the last 1000.
     *
     * @return an unmodifiable copy
     */
    public static List<Integer> history() {
        synchronized (LOCK) {
            return Collections.unmodifiableList(new ArrayList<>(HISTORY));
        }
    }

    private static boolean isValid(int ledId) {
        return ledId >= 0 && ledId < count();
    }
}
