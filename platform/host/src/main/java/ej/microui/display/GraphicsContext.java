package ej.microui.display;

import com.relayboard.host.display.PixelBuffer;
import com.relayboard.host.display.Rgb565;

/**
 * Drawing state over a pixel buffer: the colour, a translation and a clip. Coordinates given to the drawing methods
 * are relative to the translation; so are the clip's, as on MicroEJ: {@code setClip} takes, and {@code getClipX}
 * returns, coordinates relative to the current translation, while the clip itself stays where it is on the buffer when
 * the translation changes. The clip never extends beyond the buffer.
 * <p>
 * Every pixel drawn is stored as the RGB565 panel would show it.
 */
public class GraphicsContext {

    /** Alpha of a fully opaque colour (0..255 scale). */
    public static final int OPAQUE = 255;
    /** Alpha of a fully transparent colour (0..255 scale). */
    public static final int TRANSPARENT = 0;

    private static final int RGB_MASK = 0xFFFFFF;
    /** The panel has no transparency: every pixel read back is opaque. */
    private static final int OPAQUE_ALPHA_BITS = 0xFF000000;

    private final PixelBuffer buffer;

    /** Colour as the firmware set it, 0xRRGGBB. */
    private int color;
    /** The same colour as the panel shows it: what drawings write. */
    private int pixelColor;

    private int translateX;
    private int translateY;

    /** Clip in buffer coordinates, left/top inclusive, right/bottom exclusive; empty when x2 == x1 or y2 == y1. */
    private int clipX1;
    private int clipY1;
    private int clipX2;
    private int clipY2;

    GraphicsContext(PixelBuffer buffer) {
        this.buffer = buffer;
        resetClip();
    }

    /**
     * @param rgb colour for the next drawings, 0xRRGGBB (any alpha byte is ignored)
     */
    public void setColor(int rgb) {
        this.color = rgb & RGB_MASK;
        this.pixelColor = Rgb565.toDisplayColor(this.color);
    }

    /** @return the colour set, 0xRRGGBB */
    public int getColor() {
        return this.color;
    }

    /**
     * Replaces the clip, limited to the buffer.
     *
     * @param x      left, relative to the translation
     * @param y      top, relative to the translation
     * @param width  width in pixels; not positive gives an empty clip
     * @param height height in pixels; not positive gives an empty clip
     */
    public void setClip(int x, int y, int width, int height) {
        applyClip((long) x + this.translateX, (long) y + this.translateY, width, height, 0, 0, this.buffer.width(),
                this.buffer.height());
    }

    /**
     * Restricts the clip to its intersection with a rectangle.
     *
     * @param x      left, relative to the translation
     * @param y      top, relative to the translation
     * @param width  width in pixels
     * @param height height in pixels
     */
    public void intersectClip(int x, int y, int width, int height) {
        applyClip((long) x + this.translateX, (long) y + this.translateY, width, height, this.clipX1, this.clipY1,
                this.clipX2, this.clipY2);
    }

    /** Sets the clip to the whole buffer. */
    public void resetClip() {
        this.clipX1 = 0;
        this.clipY1 = 0;
        this.clipX2 = this.buffer.width();
        this.clipY2 = this.buffer.height();
    }

    /** @return left of the clip, relative to the translation */
    public int getClipX() {
        return this.clipX1 - this.translateX;
    }

    /** @return top of the clip, relative to the translation */
    public int getClipY() {
        return this.clipY1 - this.translateY;
    }

    /** @return width of the clip in pixels */
    public int getClipWidth() {
        return this.clipX2 - this.clipX1;
    }

    /** @return height of the clip in pixels */
    public int getClipHeight() {
        return this.clipY2 - this.clipY1;
    }

    /**
     * Moves the origin by (x, y).
     *
     * @param x horizontal offset in pixels
     * @param y vertical offset in pixels
     */
    public void translate(int x, int y) {
        this.translateX += x;
        this.translateY += y;
    }

    /**
     * Sets the origin, in buffer coordinates.
     *
     * @param x horizontal offset in pixels
     * @param y vertical offset in pixels
     */
    public void setTranslation(int x, int y) {
        this.translateX = x;
        this.translateY = y;
    }

    /** Sets the origin back to the buffer's top-left corner. */
    public void resetTranslation() {
        this.translateX = 0;
        this.translateY = 0;
    }

    /** @return horizontal offset of the origin, in buffer pixels */
    public int getTranslationX() {
        return this.translateX;
    }

    /** @return vertical offset of the origin, in buffer pixels */
    public int getTranslationY() {
        return this.translateY;
    }

    /** @return width of the buffer in pixels */
    public int getWidth() {
        return this.buffer.width();
    }

    /** @return height of the buffer in pixels */
    public int getHeight() {
        return this.buffer.height();
    }

    /**
     * Reads a pixel as the panel stores it (the clip does not apply).
     *
     * @param x column, relative to the translation
     * @param y row, relative to the translation
     * @return the pixel's ARGB colour; alpha is always 0xFF since the panel is opaque
     * @throws IllegalArgumentException if the pixel lies outside the buffer
     */
    public int readPixel(int x, int y) {
        long bx = (long) x + this.translateX;
        long by = (long) y + this.translateY;
        if (bx < 0 || by < 0 || bx >= this.buffer.width() || by >= this.buffer.height()) {
            throw new IllegalArgumentException("pixel outside the graphics context: " + x + "," + y);
        }
        return OPAQUE_ALPHA_BITS | this.buffer.get((int) bx, (int) by);
    }

    // ---- package-private drawing primitives used by Painter; coordinates are buffer coordinates as longs, so that
    // ---- firmware coordinates plus a translation can never overflow.

    PixelBuffer buffer() {
        return this.buffer;
    }

    int pixelColor() {
        return this.pixelColor;
    }

    int clipX1() {
        return this.clipX1;
    }

    int clipY1() {
        return this.clipY1;
    }

    int clipX2() {
        return this.clipX2;
    }

    int clipY2() {
        return this.clipY2;
    }

    /** Writes one pixel if it lies in the clip. */
    void plot(long x, long y) {
        if (x >= this.clipX1 && x < this.clipX2 && y >= this.clipY1 && y < this.clipY2) {
            this.buffer.set((int) x, (int) y, this.pixelColor);
        }
    }

    /** Fills the part of a rectangle that lies in the clip. */
    void fill(long x, long y, long width, long height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        long x1 = Math.max(x, this.clipX1);
        long y1 = Math.max(y, this.clipY1);
        long x2 = Math.min(x + width, this.clipX2);
        long y2 = Math.min(y + height, this.clipY2);
        if (x2 > x1 && y2 > y1) {
            this.buffer.fill((int) x1, (int) y1, (int) (x2 - x1), (int) (y2 - y1), this.pixelColor);
        }
    }

    private void applyClip(long x, long y, int width, int height, int limitX1, int limitY1, int limitX2,
            int limitY2) {
        long x1 = Math.max(x, limitX1);
        long y1 = Math.max(y, limitY1);
        long x2 = Math.min(x + Math.max(0, width), limitX2);
        long y2 = Math.min(y + Math.max(0, height), limitY2);
        if (x2 <= x1 || y2 <= y1) {
            // Empty clip: keep it inside the buffer so that getClipX/Y stay meaningful.
            x1 = Math.min(Math.max(x1, 0), this.buffer.width());
            y1 = Math.min(Math.max(y1, 0), this.buffer.height());
            x2 = x1;
            y2 = y1;
        }
        this.clipX1 = (int) x1;
        this.clipY1 = (int) y1;
        this.clipX2 = (int) x2;
        this.clipY2 = (int) y2;
    }
}
