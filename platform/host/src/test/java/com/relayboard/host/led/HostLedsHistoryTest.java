package com.relayboard.host.led;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import ej.microui.led.Leds;

/** A long simulator run must not grow the colour history without bound. */
public class HostLedsHistoryTest {

    @Test
    public void historyKeepsTheLastThousandColours() {
        for (int i = 1; i <= 1500; i++) {
            Leds.setLedIntensity(2, i % 256);
            Leds.setLedIntensity(1, i / 256);
        }
        List<Integer> history = HostLeds.history();
        assertEquals(1000, history.size());
        int last = (1500 / 256) << 8 | (1500 % 256);
        assertEquals(last, history.get(999).intValue());
        assertEquals(HostLeds.rgb(), last);
        for (int i = 1; i < history.size(); i++) {
            assertEquals("consecutive entries differ", false, history.get(i).equals(history.get(i - 1)));
        }
    }
}
