package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;

import org.junit.Before;
import org.junit.Test;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Font;
import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;

/** Drawing never fails on coordinates, whatever a layout bug computes, and never leaves the clip. */
public class PainterClipTest {

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    private final Canvas canvas = new Canvas();

    @Before
    public void showCanvas() {
        MicroUI.start();
        Display.getDisplay().requestShow(this.canvas);
        Screens.awaitIdle();
    }

    /** Clears the screen, sets the clip (relative to a translation) and white, then draws. */
    private BufferedImage drawClipped(int translateX, int translateY, int clipX, int clipY, int clipWidth,
            int clipHeight, Consumer<GraphicsContext> drawing) throws Throwable {
        this.canvas.draw(g -> {
            g.setColor(BLACK);
            Painter.fillRectangle(g, 0, 0, g.getWidth(), g.getHeight());
            g.translate(translateX, translateY);
            g.setClip(clipX, clipY, clipWidth, clipHeight);
            g.setColor(WHITE);
            drawing.accept(g);
        });
        return HostDisplay.get().snapshot();
    }

    @Test
    public void clipIsRelativeToTheTranslation() throws Throwable {
        int[] seen = new int[12];
        this.canvas.draw(g -> {
            g.translate(10, 20);
            g.setClip(5, 5, 50, 40);
            seen[0] = g.getClipX();
            seen[1] = g.getClipY();
            seen[2] = g.getClipWidth();
            seen[3] = g.getClipHeight();
            g.translate(1, 2); // the clip stays where it is on the screen
            seen[4] = g.getClipX();
            seen[5] = g.getClipY();
            g.resetTranslation();
            seen[6] = g.getClipX();
            seen[7] = g.getTranslationX();
            g.setClip(-10, -10, 30, 1000); // limited to the display
            seen[8] = g.getClipX();
            seen[9] = g.getClipWidth();
            seen[10] = g.getClipHeight();
            g.intersectClip(5, 5, -3, 10); // an empty intersection
            seen[11] = g.getClipWidth();
        });
        assertEquals(5, seen[0]);
        assertEquals(5, seen[1]);
        assertEquals(50, seen[2]);
        assertEquals(40, seen[3]);
        assertEquals(4, seen[4]);
        assertEquals(3, seen[5]);
        assertEquals(15, seen[6]);
        assertEquals(0, seen[7]);
        assertEquals(0, seen[8]);
        assertEquals(20, seen[9]);
        assertEquals(240, seen[10]);
        assertEquals(0, seen[11]);
    }

    @Test
    public void extremeCoordinatesNeverThrowAndStayInTheClip() throws Throwable {
        // Clip (100, 60, 50, 40) on screen, through a translation.
        BufferedImage lcd = drawClipped(30, 20, 70, 40, 50, 40, g -> {
            int[] values = { MIN, MIN + 1, -1_000_000, -1, 0, 1, 75, 1_000_000, MAX - 1, MAX };
            for (int a : values) {
                for (int b : values) {
                    Painter.writePixel(g, a, b);
                    Painter.drawLine(g, a, b, b, a);
                    Painter.drawLine(g, 0, 0, a, b);
                    Painter.drawHorizontalLine(g, a, 50, b);
                    Painter.drawVerticalLine(g, 80, a, b);
                    Painter.drawRectangle(g, a, b, MAX, b);
                    Painter.fillRectangle(g, a, b, b, a);
                    Painter.fillCircle(g, a, b, b);
                    Painter.drawCircle(g, 60, 40, a);
                    Painter.drawString(g, "clip", Font.getDefaultFont(), a, b);
                }
            }
            g.translate(MAX, MAX); // translations may overflow too
            Painter.fillRectangle(g, 10, 10, 10, 10);
            Painter.drawLine(g, MIN, MIN, MAX, MAX);
        });
        int inside = Screens.count(lcd, WHITE, 100, 60, 50, 40);
        assertTrue("something was drawn in the clip: " + inside, inside > 0);
        assertEquals("nothing outside the clip", inside, Screens.count(lcd, WHITE, 0, 0, 320, 240));
    }

    @Test
    public void shapesCoverExactlyTheirArea() throws Throwable {
        BufferedImage lcd = drawClipped(0, 0, 0, 0, 320, 240, g -> Painter.fillRectangle(g, 10, 10, 5, 3));
        assertEquals(15, Screens.count(lcd, WHITE, 10, 10, 5, 3));
        assertEquals(15, Screens.count(lcd, WHITE, 0, 0, 320, 240));

        lcd = drawClipped(0, 0, 0, 0, 320, 240, g -> Painter.drawRectangle(g, 10, 10, 5, 4));
        assertEquals("outline of 5x4", 14, Screens.count(lcd, WHITE, 0, 0, 320, 240));
        assertEquals(BLACK, Screens.rgb(lcd, 11, 11));

        lcd = drawClipped(0, 0, 0, 0, 320, 240, g -> Painter.drawLine(g, 20, 30, 10, 25));
        assertEquals("one pixel per column, both ends included", 11, Screens.count(lcd, WHITE, 0, 0, 320, 240));
        assertEquals(WHITE, Screens.rgb(lcd, 10, 25));
        assertEquals(WHITE, Screens.rgb(lcd, 20, 30));

        lcd = drawClipped(0, 0, 0, 0, 320, 240, g -> {
            Painter.drawHorizontalLine(g, 5, 5, 7);
            Painter.drawVerticalLine(g, 5, 10, 4);
        });
        assertEquals(11, Screens.count(lcd, WHITE, 0, 0, 320, 240));

        BufferedImage disc = drawClipped(0, 0, 0, 0, 320, 240, g -> Painter.fillCircle(g, 40, 50, 21));
        int discPixels = Screens.count(disc, WHITE, 40, 50, 21, 21);
        assertEquals("inside its square", discPixels, Screens.count(disc, WHITE, 0, 0, 320, 240));
        assertTrue("about pi r^2: " + discPixels, Math.abs(discPixels - Math.PI * 10.5 * 10.5) < 30);
        assertEquals(WHITE, Screens.rgb(disc, 50, 60));
        assertEquals(BLACK, Screens.rgb(disc, 40, 50));

        BufferedImage ring = drawClipped(0, 0, 0, 0, 320, 240, g -> Painter.drawCircle(g, 40, 50, 21));
        int ringPixels = Screens.count(ring, WHITE, 0, 0, 320, 240);
        assertTrue(ringPixels > 40 && ringPixels < discPixels / 2);
        assertEquals("hollow", BLACK, Screens.rgb(ring, 50, 60));
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                if (Screens.rgb(ring, x, y) == WHITE) {
                    assertEquals("outline inside the disc", WHITE, Screens.rgb(disc, x, y));
                }
            }
        }
    }

    @Test
    public void textIsCutByTheClip() throws Throwable {
        String text = "/test/topic3";
        int textX = 50;
        int textY = 100;
        int halfWidth = Font.getDefaultFont().stringWidth(text) / 2;
        BufferedImage lcd = drawClipped(0, 0, textX, textY, halfWidth, 240,
                g -> Painter.drawString(g, text, Font.getDefaultFont(), textX, textY));
        BufferedImage whole = HostDisplay.renderText(text, WHITE, BLACK);
        Screens.assertRegion(whole.getSubimage(0, 0, halfWidth, whole.getHeight()), lcd, textX, textY);
        int visible = Screens.count(lcd, WHITE, 0, 0, 320, 240);
        assertEquals(Screens.count(whole, WHITE, 0, 0, halfWidth, whole.getHeight()), visible);
        assertTrue(visible > 0);
    }

    @Test
    public void readPixelOutsideTheDisplayIsRefused() throws Throwable {
        this.canvas.draw(g -> {
            try {
                g.readPixel(320, 0);
                fail("read outside the display");
            } catch (IllegalArgumentException expected) {
                // as MicroUI
            }
            g.translate(-1, 0);
            try {
                g.readPixel(0, 0);
                fail("read outside the display");
            } catch (IllegalArgumentException expected) {
                // as MicroUI
            }
        });
    }
}
