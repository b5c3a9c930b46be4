package com.relayboard.host.led;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

import ej.microui.led.Leds;

/**
 * The firmware drives the NeoPixel through three MicroUI LEDs; the host shows their combined colour. One test per class:
 * the LEDs are per-JVM state and surefire gives each class a fresh JVM.
 */
public class HostLedsTest {

    @Test
    public void intensitiesMakeTheNeoPixelColour() {
        List<Integer> changes = Collections.synchronizedList(new ArrayList<>());
        LedListener listener = changes::add;
        HostLeds.addListener(listener);
        try {
            assertEquals(3, Leds.getNumberOfLeds());
            assertEquals(0x000000, HostLeds.rgb());
            assertEquals(Collections.emptyList(), HostLeds.history());

            Leds.setLedIntensity(0, 255);
            Leds.setLedIntensity(1, 128);
            Leds.setLedIntensity(2, 0);
            assertEquals(0xFF8000, HostLeds.rgb());
            assertEquals(128, Leds.getLedIntensity(1));

            Leds.setLedIntensity(1, 300);
            assertEquals("clamped high", 255, Leds.getLedIntensity(1));
            Leds.setLedIntensity(0, -5);
            assertEquals("clamped low", 0, Leds.getLedIntensity(0));
            assertEquals(0x00FF00, HostLeds.rgb());

            Leds.setLedOn(2);
            assertEquals(0x00FFFF, HostLeds.rgb());
            Leds.setLedOff(1);
            assertEquals(0x0000FF, HostLeds.rgb());
            Leds.setLedOff(1); // no change: no new colour

            Leds.setLedOn(3);
            Leds.setLedOn(-1);
            Leds.setLedIntensity(42, 200);
            assertEquals("unknown ids are ignored", 0x0000FF, HostLeds.rgb());
            assertEquals(0, Leds.getLedIntensity(7));

            List<Integer> expected = Arrays.asList(0xFF0000, 0xFF8000, 0xFFFF00, 0x00FF00, 0x00FFFF, 0x0000FF);
            assertEquals(expected, HostLeds.history());
            assertEquals(expected, changes);
        } finally {
            HostLeds.removeListener(listener);
        }
    }
}
