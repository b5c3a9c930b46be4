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
        return text.substring(0, longestFit(text, 0, font, room)) + mark;
    }

    /**
     * Breaks {@code text} into lines of at most {@code width} pixels, at spaces where it can (a word longer
     * than a line is cut where the line ends). What does not fit in {@code maxLines} lines is cut from the last
     * one with the ellipsis.
     *
     * @return the lines, from none (empty text) to {@code maxLines}
     */
    public static String[] wrap(String text, Font font, int width, int maxLines) {
        String[] lines = new String[maxLines];
        int count = 0;
        int start = 0;
        int length = text.length();
        while (count < maxLines) {
            while (start < length && text.charAt(start) == ' ') {
                start++;
            }
            if (start == length) {
                break;
            }
            if (count == maxLines - 1) {
                lines[count++] = fit(text.substring(start), font, width, "", false);
                break;
            }
            int end = start + longestFit(text, start, font, width);
            if (end == length) {
                lines[count++] = text.substring(start);
                break;
            }
            // A space right after the last character that fits breaks there too.
            int space = text.lastIndexOf(' ', end);
            int cut = space > start ? space : Math.max(end, start + 1);
            lines[count++] = text.substring(start, cut);
            start = cut;
        }
        String[] used = new String[count];
        System.arraycopy(lines, 0, used, 0, count);
        return used;
    }

    /** @return how many characters of {@code text} from {@code start} fit in {@code width} */
    private static int longestFit(String text, int start, Font font, int width) {
        int low = 0;
        int high = text.length() - start;
        // Binary search for the longest run that fits: widths grow with the run.
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (font.substringWidth(text, start, middle) <= width) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return keepPairs(text, start, low);
    }

    /** @return {@code count}, less one if the run of {@code count} characters from {@code start} would split a surrogate pair */
    private static int keepPairs(String text, int start, int count) {
        char last = count > 0 ? text.charAt(start + count - 1) : 0;
        return last >= 0xD800 && last <= 0xDBFF ? count - 1 : count;
    }
}
