package com.relayboard.host.display;

import java.util.Map;

import com.relayboard.host.font.EjfFile;

/**
 * A font drawn from its {@code .ejf} file's glyph images, pixel for pixel, as the board's font engine draws the
 * 1-bpp font the SDK makes from the same file: each character is its image, as wide as its advance; a character the
 * font lacks is drawn as the font's first character (the one with the lowest code point), as MicroUI does.
 */
public final class EjfFace implements FontFace {

    private final String descriptor;
    private final int height;
    private final int baseline;
    /** Glyph pixels by character, row-major, {@link #height} rows; null for characters outside the BMP. */
    private final boolean[][] glyphs = new boolean[0x10000][];
    private final boolean[] first;

    /**
     * @param descriptor the path the font was loaded from
     * @param file the font file
     * @throws IllegalArgumentException if the file has no character
     */
    public EjfFace(String descriptor, EjfFile file) {
        this.descriptor = descriptor;
        this.height = file.height();
        this.baseline = file.baseline();
        boolean[] lowest = null;
        for (Map.Entry<Integer, boolean[]> glyph : file.glyphs().entrySet()) {
            if (glyph.getKey() < 0x10000) {
                this.glyphs[glyph.getKey()] = glyph.getValue();
                if (lowest == null) {
                    lowest = glyph.getValue();
                }
            }
        }
        if (lowest == null) {
            throw new IllegalArgumentException(descriptor + " has no character");
        }
        this.first = lowest;
    }

    private boolean[] glyph(char c) {
        boolean[] pixels = this.glyphs[c];
        return pixels == null ? this.first : pixels;
    }

    @Override
    public int height() {
        return this.height;
    }

    @Override
    public int baseline() {
        return this.baseline;
    }

    @Override
    public int charWidth(char c) {
        return glyph(c).length / this.height;
    }

    @Override
    public int stringWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += charWidth(text.charAt(i));
        }
        return width;
    }

    @Override
    public String descriptor() {
        return this.descriptor;
    }

    @Override
    public void draw(PixelBuffer target, String text, long x, long y, int rgb, int clipX1, int clipY1, int clipX2,
            int clipY2) {
        long top = Math.max(y, clipY1);
        long bottom = Math.min(y + this.height, clipY2);
        if (bottom <= top) {
            return;
        }
        long left = x;
        for (int i = 0; i < text.length() && left < clipX2; i++) {
            boolean[] pixels = glyph(text.charAt(i));
            int width = pixels.length / this.height;
            long from = Math.max(left, clipX1);
            long to = Math.min(left + width, clipX2);
            for (long py = top; py < bottom; py++) {
                int row = (int) (py - y) * width;
                for (long px = from; px < to; px++) {
                    if (pixels[row + (int) (px - left)]) {
                        target.set((int) px, (int) py, rgb);
                    }
                }
            }
            left += width;
        }
    }
}
