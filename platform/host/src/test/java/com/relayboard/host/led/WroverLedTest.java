package com.relayboard.host.led;

import static org.junit.Assert.assertEquals;

import org.junit.BeforeClass;
import org.junit.Test;

import com.relayboard.host.BoardProfile;
import com.relayboard.host.HostPlatform;

import ej.microui.led.Leds;

/** The ESP-WROVER-KIT's port has one MicroUI LED, the red one: the other ids are ignored, as its C driver does. */
public class WroverLedTest {

    @BeforeClass
    public static void beWroverKit() {
        HostPlatform.selectBoard(BoardProfile.WROVER_KIT);
    }

    @Test
    public void oneRedLed_otherIdsIgnored() {
        assertEquals(1, Leds.getNumberOfLeds());
        Leds.setLedIntensity(0, 255);
        Leds.setLedIntensity(1, 255);
        Leds.setLedIntensity(2, 255);
        assertEquals(0, Leds.getLedIntensity(1));
        assertEquals(0xFF0000, HostLeds.rgb());
        Leds.setLedOff(0);
        assertEquals(0, HostLeds.rgb());
    }
}
