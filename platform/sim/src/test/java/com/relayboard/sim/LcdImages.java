package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.TextFit;
import com.relayboard.host.display.HostDisplay;

import ej.microui.display.Display;
import ej.microui.display.Font;

/**
 * Checks on the LCD as a user sees it: the PNG the simulator writes, searched pixel for pixel for
 * text rendered the way the board's font renders it.
 */
final class LcdImages {

    private LcdImages() {
    }

    /**
     * Waits until the PNG at {@code png} shows {@code text} in {@code color} on {@code background}.
     *
     * @return the matching image
     */
    static BufferedImage awaitText(File png, String text, int color, int background, long timeoutMs)
            throws InterruptedException {
        BufferedImage expected = HostDisplay.renderText(LcdFont.PATH, text, color, background);
        BufferedImage[] last = new BufferedImage[1];
        // Looked at once at least: a timeout of 0 checks the PNG as it is.
        Poll.untilEvery(50, timeoutMs, () -> (last[0] = read(png)) != null && find(last[0], expected) != null,
                () -> "the LCD (" + png + ") never showed \"" + text + "\" within " + timeoutMs + " ms"
                        + (last[0] == null ? "; the PNG was never readable" : ""));
        return last[0];
    }

    /**
     * Waits until the PNG shows {@code text} as the board's notice shows it: wrapped on up to
     * {@link LcdScreen#NOTICE_LINES} lines in {@code color}, one below the other, cut on the last if it is longer.
     *
     * @return the lines
     */
    static String[] awaitNotice(File png, String text, int color, long timeoutMs) throws InterruptedException {
        // A line's text keeps 4 px free at each side.
        String[] lines = TextFit.wrap(text, Font.getFont(LcdFont.PATH), Display.getDisplay().getWidth() - 2 * 4,
                LcdScreen.NOTICE_LINES);
        int previousY = -1;
        for (String line : lines) {
            BufferedImage image = awaitText(png, line, color, LcdScreen.BACKGROUND, timeoutMs);
            int[] at = find(image, HostDisplay.renderText(LcdFont.PATH, line, color, LcdScreen.BACKGROUND));
            assertTrue("\"" + line + "\" is below the line before it", at[1] > previousY);
            previousY = at[1];
        }
        return lines;
    }

    /** As {@link #awaitNotice}, for a text that must show whole: no word of it left out. */
    static void awaitWholeNotice(File png, String text, int color, long timeoutMs) throws InterruptedException {
        String[] lines = awaitNotice(png, text, color, timeoutMs);
        assertEquals("the whole text fits in " + LcdScreen.NOTICE_LINES + " lines", text, String.join(" ", lines));
    }

    /** @return {x, y} where {@code needle} stands in {@code image} pixel for pixel, or null */
    static int[] find(BufferedImage image, BufferedImage needle) {
        int width = needle.getWidth();
        int height = needle.getHeight();
        for (int y = 0; y + height <= image.getHeight(); y++) {
            for (int x = 0; x + width <= image.getWidth(); x++) {
                if (matches(image, needle, x, y)) {
                    return new int[] { x, y };
                }
            }
        }
        return null;
    }

    private static boolean matches(BufferedImage image, BufferedImage needle, int x, int y) {
        for (int j = 0; j < needle.getHeight(); j++) {
            for (int i = 0; i < needle.getWidth(); i++) {
                if ((image.getRGB(x + i, y + j) & 0xFFFFFF) != (needle.getRGB(i, j) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BufferedImage read(File png) {
        try {
            return png.isFile() ? ImageIO.read(png) : null;
        } catch (IOException e) {
            // Being replaced right now: the writer renames a finished file into place, try again.
            return null;
        }
    }
}
