package com.relayboard.firmware.text;

/**
 * Turns a payload's bytes into text a person can read on the console or the LCD, without hiding
 * anything: valid UTF-8 is shown as it is, while invalid bytes and control characters are escaped
 * ({@code \xFF}, {@code \n}, {@code \t}, {@code \u0085}), and a backslash is doubled so that an
 * escape can never be mistaken for payload text.
 *
 * <p>The LCD's variants ({@link #escapeForLcd}) also escape what its font has no glyph for (the {@link GlyphSet} passed in):
 * {@code \u0E01} in the BMP, {@code \U0001F600} beyond it, so that no character is ever drawn as a silent box.
 */
public final class PayloadText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PayloadText() {
    }

    /**
     * @return a topic escaped like a payload: a wildcard subscription can deliver topics holding
     *         newlines or quotes, which must not break the console line or the LCD
     */
    public static String escapeTopic(String topic, int maxChars) {
        return escape(Utf8.encode(topic), maxChars);
    }

    /** @return all of {@code payload} as escaped text */
    public static String escape(byte[] payload) {
        return escape(payload, Integer.MAX_VALUE);
    }

    /** @return {@link #escapeTopic} for the LCD: characters its font ({@code glyphs}) lacks escaped too */
    public static String escapeTopicForLcd(String topic, int maxChars, GlyphSet glyphs) {
        return escape(Utf8.encode(topic), maxChars, glyphs);
    }

    /** @return {@link #escape(byte[], int)} for the LCD: characters its font ({@code glyphs}) lacks escaped too */
    public static String escapeForLcd(byte[] payload, int maxChars, GlyphSet glyphs) {
        return escape(payload, maxChars, glyphs);
    }

    /** @return how many payload bytes {@link #escapeForLcd} shows within {@code maxChars} characters */
    public static int bytesShownOnLcd(byte[] payload, int maxChars, GlyphSet glyphs) {
        return bytesShown(payload, maxChars, glyphs);
    }

    /**
     * @param maxChars
     *            the most characters of text to produce; an escape sequence is never cut in two
     * @return the escaped text of as much of {@code payload} as fits in {@code maxChars}
     */
    public static String escape(byte[] payload, int maxChars) {
        return escape(payload, maxChars, null);
    }

    private static String escape(byte[] payload, int maxChars, GlyphSet lcd) {
        StringBuilder text = new StringBuilder(Math.min(payload.length + 8, maxChars < 4096 ? maxChars + 8 : 4096));
        int i = 0;
        while (i < payload.length) {
            int decoded = Utf8.decodeAt(payload, i, payload.length);
            int before = text.length();
            int consumed;
            if (decoded == Utf8.INVALID) {
                appendHexByte(text, payload[i] & 0xFF);
                consumed = 1;
            } else {
                appendCodePoint(text, decoded >>> 3, lcd);
                consumed = decoded & 7;
            }
            if (text.length() > maxChars) {
                text.setLength(before);
                break;
            }
            i += consumed;
        }
        return text.toString();
    }

    /**
     * @return how many payload bytes {@link #escape(byte[], int)} shows within {@code maxChars}
     *         characters
     */
    public static int bytesShown(byte[] payload, int maxChars) {
        return bytesShown(payload, maxChars, null);
    }

    private static int bytesShown(byte[] payload, int maxChars, GlyphSet lcd) {
        int chars = 0;
        int i = 0;
        while (i < payload.length) {
            int decoded = Utf8.decodeAt(payload, i, payload.length);
            int width;
            int consumed;
            if (decoded == Utf8.INVALID) {
                width = 4;
                consumed = 1;
            } else {
                width = escapedWidth(decoded >>> 3, lcd);
                consumed = decoded & 7;
            }
            if (chars + width > maxChars) {
                break;
            }
            chars += width;
            i += consumed;
        }
        return i;
    }

    private static int escapedWidth(int codePoint, GlyphSet lcd) {
        if (codePoint == '\\' || codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return 2;
        }
        if (codePoint < 0x20 || codePoint == 0x7F) {
            return 4;
        }
        if (codePoint >= 0x80 && codePoint <= 0x9F) {
            return 6;
        }
        if (lcd != null && !lcd.has(codePoint)) {
            return codePoint >= 0x10000 ? 10 : 6;
        }
        return codePoint >= 0x10000 ? 2 : 1;
    }

    private static void appendCodePoint(StringBuilder text, int codePoint, GlyphSet lcd) {
        switch (codePoint) {
        case '\\':
            text.append("\\\\");
            return;
        case '\n':
            text.append("\\n");
            return;
        case '\r':
            text.append("\\r");
            return;
        case '\t':
            text.append("\\t");
            return;
        default:
            break;
        }
        if (codePoint < 0x20 || codePoint == 0x7F) {
            appendHexByte(text, codePoint);
        } else if (codePoint >= 0x80 && codePoint <= 0x9F) {
            // C1 controls are valid UTF-8 but move terminals around: show them by number.
            text.append("\\u00").append(HEX[codePoint >> 4]).append(HEX[codePoint & 0xF]);
        } else if (lcd != null && !lcd.has(codePoint)) {
            // Not in the LCD's font: MicroUI would draw its first glyph instead, which reads as a box.
            text.append(codePoint >= 0x10000 ? "\\U" : "\\u");
            for (int shift = codePoint >= 0x10000 ? 28 : 12; shift >= 0; shift -= 4) {
                text.append(HEX[(codePoint >> shift) & 0xF]);
            }
        } else if (codePoint >= 0x10000) {
            int offset = codePoint - 0x10000;
            text.append((char) (0xD800 + (offset >> 10))).append((char) (0xDC00 + (offset & 0x3FF)));
        } else {
            text.append((char) codePoint);
        }
    }

    private static void appendHexByte(StringBuilder text, int value) {
        text.append("\\x").append(HEX[value >> 4]).append(HEX[value & 0xF]);
    }
}
