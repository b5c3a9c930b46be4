package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;

/** Helpers shared by the display tests: waiting for the UI thread and comparing pixels. */
final class Screens {

    /** Generous bound for the UI thread to settle; rendering a 320x240 frame takes milliseconds. */
    static final long IDLE_TIMEOUT_MS = 10_000;

    private Screens() {
    }

    static void awaitIdle() {
        assertTrue("UI thread did not become idle", HostDisplay.get().waitForIdle(IDLE_TIMEOUT_MS));
    }

    /** 0xRRGGBB of a pixel of a TYPE_INT_RGB image (getRGB adds an opaque alpha byte). */
    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** Asserts that {@code expected} appears in {@code actual} with its top-left corner at (x, y). */
    static void assertRegion(BufferedImage expected, BufferedImage actual, int x, int y) {
        for (int row = 0; row < expected.getHeight(); row++) {
            for (int column = 0; column < expected.getWidth(); column++) {
                int want = rgb(expected, column, row);
                int got = rgb(actual, x + column, y + row);
                if (want != got) {
                    assertEquals("pixel (" + (x + column) + "," + (y + row) + ")", hex(want), hex(got));
                }
            }
        }
    }

    /** Number of pixels of {@code colour} in a rectangle of the image. */
    static int count(BufferedImage image, int colour, int x, int y, int width, int height) {
        int n = 0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                if (rgb(image, column, row) == colour) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Asserts that two images are equal outside the rectangle (x, y, width, height). */
    static void assertUnchangedOutside(BufferedImage before, BufferedImage after, int x, int y, int width,
            int height) {
        for (int row = 0; row < before.getHeight(); row++) {
            for (int column = 0; column < before.getWidth(); column++) {
                boolean inside = column >= x && column < x + width && row >= y && row < y + height;
                if (!inside && rgb(before, column, row) != rgb(after, column, row)) {
                    assertEquals("pixel (" + column + "," + row + ") outside the region changed",
                            hex(rgb(before, column, row)), hex(rgb(after, column, row)));
                }
            }
        }
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb);
    }
}
