package com.relayboard.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import com.relayboard.host.led.HostLeds;

import ej.microui.display.Display;
import ej.microui.led.Leds;

/**
 * What MicroUI finds on each board. One JVM is one board (surefire forks a JVM per test class), so this class walks
 * the profiles without starting any, and checks one selection: the ESP32-S3-DevKitC-1's.
 */
public class BoardProfileTest {

    @Test
    public void profilesAreTheThreeBoardsOfTheVeePorts() {
        assertEquals(3, BoardProfile.values().length);
        assertTrue(BoardProfile.byId("lcd-neopixel").hasDisplay());
        assertEquals(3, BoardProfile.byId("lcd-neopixel").ledCount());
        assertTrue(BoardProfile.byId("wrover-kit").hasDisplay());
        assertEquals(1, BoardProfile.byId("wrover-kit").ledCount());
        assertEquals(false, BoardProfile.byId("s3-devkitc").hasDisplay());
        assertEquals(3, BoardProfile.byId("s3-devkitc").ledCount());
        try {
            BoardProfile.byId("esp8266");
            fail("an unknown board is refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("wrover-kit"));
        }
    }

    @Test
    public void s3Board_hasNoDisplayAndThreeLeds_andStaysThatBoard() {
        HostPlatform.selectBoard(BoardProfile.S3_DEVKITC);
        try {
            Display.getDisplay();
            fail("a board without display gives none");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no display"));
        }
        assertEquals(3, Leds.getNumberOfLeds());
        Leds.setLedIntensity(2, 200);
        assertEquals(200, HostLeds.rgb());
        try {
            HostPlatform.selectBoard(BoardProfile.WROVER_KIT);
            fail("a board doesn't change under a running program");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("s3-devkitc"));
        }
    }
}
