package com.relayboard.firmware.text;

/**
 * The ranges {@code src/main/resources/relayboard.fonts.list} declares for the LCD's font (a test in platform/gate keeps
 * the two in step): the font holds a chosen set of characters within them, which {@link GlyphSet} says exactly.
 * MicroUI draws a character its font lacks as the font's first character, silently; the LCD escapes those instead, as
 * it escapes control characters.
 */
public final class GlyphRanges {

    /**
     * Inclusive ranges, in the order of the fonts list: Basic Latin, Latin-1 Supplement, General Punctuation, CJK
     * Symbols and Punctuation, CJK Unified Ideographs (the common ideographs of the BMP block, which hold every
     * character of GB 2312), Halfwidth and Fullwidth Forms.
     */
    static final int[] RANGES = { 0x0000, 0x007F, 0x0080, 0x00FF, 0x2000, 0x206F, 0x3000, 0x303F, 0x4E00, 0x9FFF,
            0xFF00, 0xFFEF };

    private GlyphRanges() {
    }

    /** @return whether {@code codePoint} is in one of the ranges (the font may still lack it: see GlyphSet) */
    public static boolean has(int codePoint) {
        return indexOf(codePoint) >= 0;
    }

    /** @return the position of {@code codePoint} among the characters of the ranges, in their order; -1 if outside */
    static int indexOf(int codePoint) {
        int index = 0;
        for (int i = 0; i < RANGES.length; i += 2) {
            if (codePoint >= RANGES[i] && codePoint <= RANGES[i + 1]) {
                return index + codePoint - RANGES[i];
            }
            index += RANGES[i + 1] - RANGES[i] + 1;
        }
        return -1;
    }

    /** @return how many characters the ranges hold */
    static int characters() {
        int count = 0;
        for (int i = 0; i < RANGES.length; i += 2) {
            count += RANGES[i + 1] - RANGES[i] + 1;
        }
        return count;
    }

    /** @return the ranges as the fonts list writes them: {@code 0x0-0x7f,0x80-0xff,...} */
    public static String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < RANGES.length; i += 2) {
            text.append(i == 0 ? "" : ",").append("0x").append(Integer.toHexString(RANGES[i])).append("-0x")
                    .append(Integer.toHexString(RANGES[i + 1]));
        }
        return text.toString();
    }
}
