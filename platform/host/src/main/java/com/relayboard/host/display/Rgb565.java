package com.relayboard.host.display;

/**
 * Colour arithmetic of the ESP32 board's LCD, whose controller stores 16 bits per pixel (5 red, 6 green, 5 blue).
 * Everything drawn on the emulated LCD goes through {@link #toDisplayColor(int)} so that the host shows exactly the
 * colours the panel can show, and a firmware that relies on a colour the panel cannot render is caught on the desktop.
 */
public final class Rgb565 {

    private static final int RED_BITS = 5;
    private static final int GREEN_BITS = 6;
    private static final int BLUE_BITS = 5;
    private static final int RGB_MASK = 0xFFFFFF;

    private Rgb565() {
    }

    /**
     * Packs a 0xRRGGBB colour into the 16-bit word the panel stores (the low bits of each channel are dropped).
     *
     * @param rgb colour as 0xRRGGBB; any alpha byte is ignored
     * @return the RGB565 word, 0..0xFFFF
     */
    public static int pack(int rgb) {
        int r = (rgb >>> 16) & 0xFF;
        int g = (rgb >>> 8) & 0xFF;
        int b = rgb & 0xFF;
        return ((r >>> (8 - RED_BITS)) << (GREEN_BITS + BLUE_BITS)) | ((g >>> (8 - GREEN_BITS)) << BLUE_BITS)
                | (b >>> (8 - BLUE_BITS));
    }

    /**
     * Expands an RGB565 word back to 0xRRGGBB. Each channel's top bits are replicated into its low bits so that full
     * intensity stays full (0x1F becomes 0xFF, not 0xF8): white stays white and black stays black.
     *
     * @param rgb565 16-bit word
     * @return colour as 0xRRGGBB
     */
    public static int unpack(int rgb565) {
        int r5 = (rgb565 >>> (GREEN_BITS + BLUE_BITS)) & 0x1F;
        int g6 = (rgb565 >>> BLUE_BITS) & 0x3F;
        int b5 = rgb565 & 0x1F;
        int r = (r5 << 3) | (r5 >>> 2);
        int g = (g6 << 2) | (g6 >>> 4);
        int b = (b5 << 3) | (b5 >>> 2);
        return ((r << 16) | (g << 8) | b) & RGB_MASK;
    }

    /**
     * The colour the panel really shows for a requested colour.
     *
     * @param rgb requested colour as 0xRRGGBB (alpha byte ignored)
     * @return shown colour as 0xRRGGBB
     */
    public static int toDisplayColor(int rgb) {
        return unpack(pack(rgb));
    }
}
