package com.relayboard.host.display;

import java.util.Arrays;

/**
 * A rectangle of 0xRRGGBB pixels that remembers the bounding box of what was written since it was last asked, so
 * that a flush copies only the modified area to the panel (as MicroUI 3 reports the drawn bounds to the LCD driver).
 * <p>
 * Callers pass coordinates that are already clipped to the buffer: the bounds checks belong to the graphics context,
 * which knows the clip. Not thread-safe; the display serializes access.
 */
public final class PixelBuffer {

    private final int width;
    private final int height;
    private final int[] pixels;

    /** Dirty bounds, inclusive-exclusive; empty when {@code dirtyX2 <= dirtyX1}. */
    private int dirtyX1;
    private int dirtyY1;
    private int dirtyX2;
    private int dirtyY2;

    /**
     * @param width  width in pixels, at least 1
     * @param height height in pixels, at least 1
     */
    public PixelBuffer(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        clearDirty();
    }

    /** @return width in pixels */
    public int width() {
        return this.width;
    }

    /** @return height in pixels */
    public int height() {
        return this.height;
    }

    /**
     * @param x column, inside the buffer
     * @param y row, inside the buffer
     * @return the pixel as 0xRRGGBB
     */
    public int get(int x, int y) {
        return this.pixels[y * this.width + x];
    }

    /**
     * Writes one pixel, inside the buffer.
     *
     * @param x   column
     * @param y   row
     * @param rgb colour as 0xRRGGBB, already in the panel's colour space
     */
    public void set(int x, int y, int rgb) {
        this.pixels[y * this.width + x] = rgb;
        if (x < this.dirtyX1) {
            this.dirtyX1 = x;
        }
        if (x >= this.dirtyX2) {
            this.dirtyX2 = x + 1;
        }
        if (y < this.dirtyY1) {
            this.dirtyY1 = y;
        }
        if (y >= this.dirtyY2) {
            this.dirtyY2 = y + 1;
        }
    }

    /**
     * Fills a rectangle that lies inside the buffer.
     *
     * @param x   left column
     * @param y   top row
     * @param w   width in pixels (nothing when not positive)
     * @param h   height in pixels (nothing when not positive)
     * @param rgb colour as 0xRRGGBB, already in the panel's colour space
     */
    public void fill(int x, int y, int w, int h, int rgb) {
        if (w <= 0 || h <= 0) {
            return;
        }
        for (int row = y; row < y + h; row++) {
            int start = row * this.width + x;
            Arrays.fill(this.pixels, start, start + w, rgb);
        }
        markDirty(x, y, w, h);
    }

    /**
     * Declares a rectangle modified without writing it: a render of a region must be flushed whole even when the
     * renderer leaves some of its pixels untouched. The rectangle is clipped to the buffer.
     *
     * @param x left column
     * @param y top row
     * @param w width in pixels
     * @param h height in pixels
     */
    public void markDirty(int x, int y, int w, int h) {
        int x1 = Math.max(0, x);
        int y1 = Math.max(0, y);
        int x2 = (int) Math.min(this.width, (long) x + w);
        int y2 = (int) Math.min(this.height, (long) y + h);
        if (x2 <= x1 || y2 <= y1) {
            return;
        }
        this.dirtyX1 = Math.min(this.dirtyX1, x1);
        this.dirtyY1 = Math.min(this.dirtyY1, y1);
        this.dirtyX2 = Math.max(this.dirtyX2, x2);
        this.dirtyY2 = Math.max(this.dirtyY2, y2);
    }

    /**
     * Returns and forgets the modified area.
     *
     * @return {x, y, width, height} of the modified area, or {@code null} when nothing was modified
     */
    int[] takeDirty() {
        if (this.dirtyX2 <= this.dirtyX1 || this.dirtyY2 <= this.dirtyY1) {
            return null;
        }
        int[] region = { this.dirtyX1, this.dirtyY1, this.dirtyX2 - this.dirtyX1, this.dirtyY2 - this.dirtyY1 };
        clearDirty();
        return region;
    }

    /** Direct access for bulk copies by the display. */
    int[] array() {
        return this.pixels;
    }

    private void clearDirty() {
        this.dirtyX1 = Integer.MAX_VALUE;
        this.dirtyY1 = Integer.MAX_VALUE;
        this.dirtyX2 = Integer.MIN_VALUE;
        this.dirtyY2 = Integer.MIN_VALUE;
    }
}
