package com.relayboard.firmware.ui;

import ej.microui.display.Font;

/** Fits text into a width in pixels, cutting it with an ellipsis where it is too long. */
public final class TextFit {

    /** Three dots rather than U+2026: the board's font may not have that glyph. */
    public static final String ELLIPSIS = "...";

    private TextFit() {
    }

    /**
     * @param tailIfCut
     *            appended after the ellipsis when the text is cut (for instance the payload's size)
     * @param forceCut
     *            whether to show the cut mark even if the text fits (the text is already a prefix)
     * @return {@code text} if it fits in {@code width}, else its longest prefix that fits followed by
     *         the ellipsis and {@code tailIfCut}
     */
    public static String fit(String text, Font font, int width, String tailIfCut, boolean forceCut) {
        if (!forceCut && font.stringWidth(text) <= width) {
            return text;
        }
        String mark = ELLIPSIS + tailIfCut;
        int room = width - font.stringWidth(mark);
        int low = 0;
        int high = text.length();
        // Binary search for the longest prefix that fits: widths grow with the prefix.
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (font.substringWidth(text, 0, middle) <= room) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        char last = low > 0 ? text.charAt(low - 1) : 0;
        if (last >= 0xD800 && last <= 0xDBFF) {
            // Never split a surrogate pair.
            low--;
        }
        return text.substring(0, low) + mark;
    }
}
