package com.relayboard.firmware.text;

import java.io.IOException;
import java.io.InputStream;

/**
 * The characters the LCD's font really has, so that the LCD escapes the others instead of letting MicroUI draw them as
 * the font's first glyph. The CJK font holds a chosen set of characters within the ranges of
 * {@code relayboard.fonts.list} ({@link GlyphRanges}): its generator (platform/font) writes that set as a table, one
 * bit a character of those ranges in their order, most significant bit first, which {@link #read} takes.
 */
public final class GlyphSet {

    /**
     * What the VEE Port's default font is taken to hold when the CJK font is not there: the printable characters of
     * Latin-1 (the ESP-WROVER-KIT's system font has U+0021-U+00FF and a few currency signs).
     */
    public static final GlyphSet PRINTABLE_LATIN1 = printableLatin1();

    /** One bit a character of {@link GlyphRanges#RANGES}, in their order. */
    private final byte[] bits;

    private GlyphSet(byte[] bits) {
        this.bits = bits;
    }

    /** @return the number of bytes of a table over {@link GlyphRanges#RANGES} */
    public static int tableBytes() {
        return (GlyphRanges.characters() + 7) / 8;
    }

    /**
     * Reads the generator's table.
     *
     * @param in the table; read to its end, not closed
     * @throws IOException if it cannot be read or is not exactly {@link #tableBytes()} long (a table made for other
     *             ranges)
     */
    public static GlyphSet read(InputStream in) throws IOException {
        byte[] bits = new byte[tableBytes()];
        int filled = 0;
        while (filled < bits.length) {
            int n = in.read(bits, filled, bits.length - filled);
            if (n < 0) {
                throw new IOException("glyph table has " + filled + " bytes, not " + bits.length);
            }
            filled += n;
        }
        if (in.read() >= 0) {
            throw new IOException("glyph table is longer than " + bits.length + " bytes");
        }
        return new GlyphSet(bits);
    }

    /** @return whether the font has a glyph for {@code codePoint} */
    public boolean has(int codePoint) {
        int bit = GlyphRanges.indexOf(codePoint);
        return bit >= 0 && (this.bits[bit >> 3] & (0x80 >>> (bit & 7))) != 0;
    }

    /** @return how many characters the font has */
    public int size() {
        int count = 0;
        for (int i = 0; i < this.bits.length; i++) {
            for (int b = this.bits[i] & 0xFF; b != 0; b &= b - 1) {
                count++;
            }
        }
        return count;
    }

    private static GlyphSet printableLatin1() {
        byte[] bits = new byte[tableBytes()];
        for (int c = 0x20; c <= 0xFF; c++) {
            if (c < 0x7F || c >= 0xA0) {
                int bit = GlyphRanges.indexOf(c);
                bits[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
        return new GlyphSet(bits);
    }
}
