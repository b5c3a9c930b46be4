package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.junit.BeforeClass;
import org.junit.Test;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Font;
import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;
import ej.mwt.Desktop;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/** What a firmware relies on: a desktop whose widget draws text makes exactly those pixels appear on the LCD. */
public class DesktopTextRenderingTest {

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    /** Deliberately not representable in RGB565: both sides must quantize it the same way. */
    private static final int TEAL_TEXT = 0x33CC66;
    private static final int NAVY_BACKGROUND = 0x102030;
    private static final int TEXT_X = 12;
    private static final int TEXT_Y = 30;

    @BeforeClass
    public static void startUi() {
        MicroUI.start();
    }

    /** A root widget painting a background and two lines of text. */
    private static final class Banner extends Widget {
        final String first;
        final String second;

        Banner(String first, String second) {
            this.first = first;
            this.second = second;
        }

        @Override
        protected void computeContentOptimalSize(Size size) {
            // The desktop gives the root the whole display anyway.
        }

        @Override
        protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
            g.setColor(BLACK);
            Painter.fillRectangle(g, 0, 0, contentWidth, contentHeight);
            g.setColor(WHITE);
            Painter.drawString(g, this.first, Font.getDefaultFont(), TEXT_X, TEXT_Y);
            g.setColor(NAVY_BACKGROUND);
            int secondY = TEXT_Y + 40;
            Painter.fillRectangle(g, TEXT_X, secondY, Font.getDefaultFont().stringWidth(this.second),
                    Font.getDefaultFont().getHeight());
            g.setColor(TEAL_TEXT);
            Painter.drawString(g, this.second, Font.getDefaultFont(), TEXT_X, secondY);
        }
    }

    @Test
    public void desktopShowsTheTextPixelsOfItsWidget() {
        Banner banner = new Banner("/test/topic1 -> hello 42", "QoS 1 retained");
        Desktop desktop = new Desktop();
        desktop.setWidget(banner);
        desktop.requestShow();
        Screens.awaitIdle();

        BufferedImage lcd = HostDisplay.get().snapshot();
        assertEquals(320, lcd.getWidth());
        assertEquals(240, lcd.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, lcd.getType());

        BufferedImage expected = HostDisplay.renderText(banner.first, WHITE, BLACK);
        assertEquals(Font.getDefaultFont().stringWidth(banner.first), expected.getWidth());
        assertEquals(Font.getDefaultFont().getHeight(), expected.getHeight());
        int glyphPixels = Screens.count(expected, WHITE, 0, 0, expected.getWidth(), expected.getHeight());
        assertTrue("the reference text has glyph pixels: " + glyphPixels, glyphPixels > 50);
        Screens.assertRegion(expected, lcd, TEXT_X, TEXT_Y);

        BufferedImage expectedSecond = HostDisplay.renderText(banner.second, TEAL_TEXT, NAVY_BACKGROUND);
        Screens.assertRegion(expectedSecond, lcd, TEXT_X, TEXT_Y + 40);

        // Everything else is the black background: the text draws nothing outside its box.
        int white = Screens.count(lcd, WHITE, 0, 0, 320, 240);
        assertEquals(glyphPixels, white);
    }

    @Test
    public void textIsRenderedWithoutAntiAliasing() {
        Canvas canvas = new Canvas();
        Display.getDisplay().requestShow(canvas);
        Screens.awaitIdle();
        BufferedImage text = HostDisplay.renderText("AaBbWw@#%&gjpqy 0123456789", TEAL_TEXT, NAVY_BACKGROUND);
        int teal = Display.getDisplay().getDisplayColor(TEAL_TEXT);
        int navy = Display.getDisplay().getDisplayColor(NAVY_BACKGROUND);
        int glyph = 0;
        for (int y = 0; y < text.getHeight(); y++) {
            for (int x = 0; x < text.getWidth(); x++) {
                int rgb = Screens.rgb(text, x, y);
                assertTrue("only text or background colour, got " + Screens.hex(rgb), rgb == teal || rgb == navy);
                glyph += rgb == teal ? 1 : 0;
            }
        }
        assertTrue(glyph > 0);
        Display.getDisplay().requestHide(canvas);
        Screens.awaitIdle();
    }

    @Test
    public void defaultFontHasEmbeddedMetrics() {
        Font font = Font.getDefaultFont();
        assertSame(font, Font.getDefaultFont());
        assertTrue("height " + font.getHeight(), font.getHeight() >= 14 && font.getHeight() <= 16);
        assertTrue(font.getBaselinePosition() > 0 && font.getBaselinePosition() < font.getHeight());
        int w = font.charWidth('m');
        assertTrue(w > 0);
        assertEquals("monospaced", w, font.charWidth('i'));
        assertEquals(5 * w, font.stringWidth("relay"));
        assertEquals(3 * w, font.substringWidth("/test/topic1", 1, 3));
        assertEquals(0, font.stringWidth(""));
        assertFalse(font.getDescriptor().isEmpty());
        // A character the font may not have still renders as something, without an exception.
        HostDisplay.renderText("\u2603\uD83D\uDE00", WHITE, BLACK);
        HostDisplay.renderText("", WHITE, BLACK);
    }

    @Test
    public void lifecycleOfTheWidgetTree() {
        TextWidget label = new TextWidget("status: connected", WHITE, BLACK);
        Column column = new Column(BLACK);
        column.add(label);
        Desktop desktop = new Desktop();
        desktop.setWidget(column);
        assertSame(desktop, label.getDesktop());
        assertSame(column, label.getParent());
        assertFalse(label.isAttached());
        assertFalse(label.isShown());
        assertFalse("widgets start disabled", label.isEnabled());
        assertTrue(label.isTransparent());

        desktop.requestShow();
        Screens.awaitIdle();
        assertTrue(label.isAttached());
        assertTrue(label.isShown());
        assertEquals(Arrays.asList("attached", "laidOut", "shown"), label.events());
        assertFalse(label.lifecycleOffUiThread);
        assertEquals(0, column.getX());
        assertEquals(320, column.getWidth());
        assertEquals(240, column.getHeight());
        assertEquals(Column.MARGIN_PX, label.getAbsoluteX());
        assertEquals(Column.MARGIN_PX, label.getAbsoluteY());
        assertEquals(Font.getDefaultFont().getHeight(), label.getHeight());
        Screens.assertRegion(HostDisplay.renderText(label.text(), WHITE, BLACK), HostDisplay.get().snapshot(),
                label.getAbsoluteX(), label.getAbsoluteY());

        // Showing something else hides and detaches the whole tree.
        Canvas other = new Canvas();
        Display.getDisplay().requestShow(other);
        Screens.awaitIdle();
        assertFalse(label.isShown());
        assertFalse(label.isAttached());
        assertEquals(Arrays.asList("attached", "laidOut", "shown", "hidden", "detached"), label.events());
    }
}
