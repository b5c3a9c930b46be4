package com.relayboard.sim;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.relayboard.host.display.HostDisplay;

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
        BufferedImage expected = HostDisplay.renderText(text, color, background);
        long deadline = System.currentTimeMillis() + timeoutMs;
        BufferedImage last = null;
        while (System.currentTimeMillis() < deadline) {
            last = read(png);
            if (last != null && find(last, expected) != null) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the LCD (" + png + ") never showed \"" + text + "\" within " + timeoutMs + " ms"
                + (last == null ? "; the PNG was never readable" : ""));
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
