package com.relayboard.firmware.text;

/**
 * UTF-8 without the platform's charset tables: the encoder is exact, and the decoder tells valid
 * sequences from invalid bytes instead of silently replacing them, so that payloads can be shown
 * escaped and still be relayed byte for byte.
 */
public final class Utf8 {

    /** Returned by {@link #decodeAt} when the bytes at the position are not a valid UTF-8 sequence. */
    public static final int INVALID = -1;

    private Utf8() {
    }

    /** @return the UTF-8 bytes of {@code text}; unpaired surrogates become U+FFFD */
    public static byte[] encode(String text) {
        int length = text.length();
        byte[] buffer = new byte[length * 3];
        int out = 0;
        for (int i = 0; i < length; i++) {
            int c = text.charAt(i);
            // Surrogate arithmetic by hand: EDC's Character is not known to have the Java 7 helpers.
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text.charAt(i + 1) >= 0xDC00
                    && text.charAt(i + 1) <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (text.charAt(++i) - 0xDC00);
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                c = 0xFFFD;
            }
            out = put(buffer, out, c);
        }
        byte[] result = new byte[out];
        System.arraycopy(buffer, 0, result, 0, out);
        return result;
    }

    /**
     * Decodes the code point starting at {@code offset}.
     *
     * @return the code point shifted left by 3 bits, or-ed with the sequence length (1 to 4) in the low
     *         3 bits; or {@link #INVALID} when the byte at {@code offset} does not start a valid,
     *         complete, shortest-form sequence of a Unicode scalar value
     */
    public static int decodeAt(byte[] bytes, int offset, int end) {
        int b0 = bytes[offset] & 0xFF;
        if (b0 < 0x80) {
            return (b0 << 3) | 1;
        }
        int length;
        int codePoint;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            codePoint = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            codePoint = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            codePoint = b0 & 0x07;
            min = 0x10000;
        } else {
            return INVALID;
        }
        if (offset + length > end) {
            return INVALID;
        }
        for (int i = 1; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return INVALID;
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return INVALID;
        }
        return (codePoint << 3) | length;
    }

    /** @return whether all of {@code bytes} is valid UTF-8 */
    public static boolean isValid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int decoded = decodeAt(bytes, i, bytes.length);
            if (decoded == INVALID) {
                return false;
            }
            i += decoded & 7;
        }
        return true;
    }

    private static int put(byte[] buffer, int out, int c) {
        if (c < 0x80) {
            buffer[out++] = (byte) c;
        } else if (c < 0x800) {
            buffer[out++] = (byte) (0xC0 | (c >> 6));
            buffer[out++] = (byte) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            buffer[out++] = (byte) (0xE0 | (c >> 12));
            buffer[out++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[out++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buffer[out++] = (byte) (0xF0 | (c >> 18));
            buffer[out++] = (byte) (0x80 | ((c >> 12) & 0x3F));
            buffer[out++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[out++] = (byte) (0x80 | (c & 0x3F));
        }
        return out;
    }
}
