package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.BeforeClass;
import org.junit.Test;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Painter;

/** The LCD is RGB565: what is drawn, read back and shown is the colour the panel can show, not the one asked for. */
public class ColorQuantizationTest {

    private static final int ASKED = 0x123456;
    /** 0x12 keeps 5 bits (0x10), 0x34 keeps 6 bits (0x34), 0x56 keeps 5 bits (0x50, then 0x52 with bit replication). */
    private static final int SHOWN = 0x103452;

    @BeforeClass
    public static void startUi() {
        MicroUI.start();
    }

    @Test
    public void displayColorIsTheRgb565Colour() {
        Display display = Display.getDisplay();
        assertTrue(display.isColor());
        assertEquals(SHOWN, display.getDisplayColor(ASKED));
        assertEquals(0xFFFFFF, display.getDisplayColor(0xFFFFFF));
        assertEquals(0x000000, display.getDisplayColor(0x000000));
        assertEquals(0xFF0000, display.getDisplayColor(0xFF0000));
        assertEquals("alpha ignored", SHOWN, display.getDisplayColor(0x80000000 | ASKED));
        assertEquals(0x080408, display.getDisplayColor(0x0C060C));
    }

    @Test
    public void everyRgb565ColourSurvivesTheRoundTrip() {
        for (int word = 0; word <= 0xFFFF; word++) {
            int rgb = Rgb565.unpack(word);
            assertEquals(word, Rgb565.pack(rgb));
            assertEquals(rgb, Rgb565.toDisplayColor(rgb));
        }
    }

    @Test
    public void drawingsStoreTheQuantizedColour() throws Throwable {
        Canvas canvas = new Canvas();
        Display.getDisplay().requestShow(canvas);
        Screens.awaitIdle();
        int[] readBack = new int[2];
        canvas.draw(g -> {
            g.setColor(0x000000);
            Painter.fillRectangle(g, 0, 0, g.getWidth(), g.getHeight());
            g.setColor(ASKED);
            readBack[1] = g.getColor();
            Painter.fillRectangle(g, 10, 10, 20, 20);
            Painter.writePixel(g, 100, 100);
            readBack[0] = g.readPixel(15, 15);
        });
        assertEquals("the colour set is kept as set", ASKED, readBack[1]);
        assertEquals("read back as the opaque ARGB colour of the panel", 0xFF000000 | SHOWN, readBack[0]);
        BufferedImage lcd = HostDisplay.get().snapshot();
        assertEquals(SHOWN, Screens.rgb(lcd, 10, 10));
        assertEquals(SHOWN, Screens.rgb(lcd, 29, 29));
        assertEquals(SHOWN, Screens.rgb(lcd, 100, 100));
        assertEquals(0x000000, Screens.rgb(lcd, 30, 30));
        assertEquals(400 + 1, Screens.count(lcd, SHOWN, 0, 0, 320, 240));
    }
}
