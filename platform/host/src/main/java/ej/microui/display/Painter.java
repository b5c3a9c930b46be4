package ej.microui.display;

/**
 * Basic drawings. All coordinates are relative to the graphics context's translation; everything is clipped, so any
 * coordinate and any size are accepted (a shape partly or fully outside the clip is drawn partly or not at all).
 * Rectangles and circles cover exactly width x height (diameter x diameter) pixels from their top-left corner.
 */
public class Painter {

    /** Above this magnitude a product of two coordinate deltas could overflow a long; doubles are used instead. */
    private static final long EXACT_ARITHMETIC_LIMIT = 1L << 30;

    private Painter() {
    }

    /**
     * @param g where to draw
     * @param x column
     * @param y row
     */
    public static void writePixel(GraphicsContext g, int x, int y) {
        g.plot((long) x + g.getTranslationX(), (long) y + g.getTranslationY());
    }

    /**
     * Draws a line, both end points included.
     *
     * @param g  where to draw
     * @param x1 first end's column
     * @param y1 first end's row
     * @param x2 second end's column
     * @param y2 second end's row
     */
    public static void drawLine(GraphicsContext g, int x1, int y1, int x2, int y2) {
        long ax = (long) x1 + g.getTranslationX();
        long ay = (long) y1 + g.getTranslationY();
        long bx = (long) x2 + g.getTranslationX();
        long by = (long) y2 + g.getTranslationY();
        if (Math.abs(bx - ax) >= Math.abs(by - ay)) {
            if (ax > bx) {
                drawLineAlongX(g, bx, by, ax, ay);
            } else {
                drawLineAlongX(g, ax, ay, bx, by);
            }
        } else if (ay > by) {
            drawLineAlongY(g, bx, by, ax, ay);
        } else {
            drawLineAlongY(g, ax, ay, bx, by);
        }
    }

    /**
     * @param g      where to draw
     * @param x      left column
     * @param y      row
     * @param length number of pixels; nothing is drawn when not positive
     */
    public static void drawHorizontalLine(GraphicsContext g, int x, int y, int length) {
        g.fill((long) x + g.getTranslationX(), (long) y + g.getTranslationY(), length, 1);
    }

    /**
     * @param g      where to draw
     * @param x      column
     * @param y      top row
     * @param length number of pixels; nothing is drawn when not positive
     */
    public static void drawVerticalLine(GraphicsContext g, int x, int y, int length) {
        g.fill((long) x + g.getTranslationX(), (long) y + g.getTranslationY(), 1, length);
    }

    /**
     * Draws the one-pixel outline of a rectangle.
     *
     * @param g      where to draw
     * @param x      left column
     * @param y      top row
     * @param width  width in pixels
     * @param height height in pixels
     */
    public static void drawRectangle(GraphicsContext g, int x, int y, int width, int height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        long left = (long) x + g.getTranslationX();
        long top = (long) y + g.getTranslationY();
        long right = left + width - 1;
        long bottom = top + height - 1;
        g.fill(left, top, width, 1);
        if (height > 1) {
            g.fill(left, bottom, width, 1);
        }
        if (height > 2) {
            g.fill(left, top + 1, 1, height - 2L);
            if (width > 1) {
                g.fill(right, top + 1, 1, height - 2L);
            }
        }
    }

    /**
     * @param g      where to draw
     * @param x      left column
     * @param y      top row
     * @param width  width in pixels
     * @param height height in pixels
     */
    public static void fillRectangle(GraphicsContext g, int x, int y, int width, int height) {
        g.fill((long) x + g.getTranslationX(), (long) y + g.getTranslationY(), width, height);
    }

    /**
     * Fills the disc inscribed in a diameter x diameter square.
     *
     * @param g        where to draw
     * @param x        left column of the square
     * @param y        top row of the square
     * @param diameter in pixels
     */
    public static void fillCircle(GraphicsContext g, int x, int y, int diameter) {
        circle(g, x, y, diameter, true);
    }

    /**
     * Draws the one-pixel outline of the circle inscribed in a diameter x diameter square.
     *
     * @param g        where to draw
     * @param x        left column of the square
     * @param y        top row of the square
     * @param diameter in pixels
     */
    public static void drawCircle(GraphicsContext g, int x, int y, int diameter) {
        circle(g, x, y, diameter, false);
    }

    /**
     * Draws a string in the current colour; only the glyph pixels are written, the background is left as it is.
     *
     * @param g      where to draw
     * @param string the text
     * @param font   the font
     * @param x      left of the text box
     * @param y      top of the text box
     * @throws NullPointerException if {@code string} or {@code font} is null
     */
    public static void drawString(GraphicsContext g, String string, Font font, int x, int y) {
        if (string == null || font == null) {
            throw new NullPointerException();
        }
        font.host().draw(g.buffer(), string, (long) x + g.getTranslationX(), (long) y + g.getTranslationY(),
                g.pixelColor(), g.clipX1(), g.clipY1(), g.clipX2(), g.clipY2());
    }

    /** A line whose x extent is at least its y extent, with x1 <= x2; only columns inside the clip are visited. */
    private static void drawLineAlongX(GraphicsContext g, long x1, long y1, long x2, long y2) {
        long dx = x2 - x1;
        long dy = y2 - y1;
        long from = Math.max(x1, g.clipX1());
        long to = Math.min(x2, g.clipX2() - 1L);
        for (long x = from; x <= to; x++) {
            g.plot(x, y1 + roundedRatio(x - x1, dy, dx));
        }
    }

    /** A line whose y extent is larger than its x extent, with y1 < y2; only rows inside the clip are visited. */
    private static void drawLineAlongY(GraphicsContext g, long x1, long y1, long x2, long y2) {
        long dx = x2 - x1;
        long dy = y2 - y1;
        long from = Math.max(y1, g.clipY1());
        long to = Math.min(y2, g.clipY2() - 1L);
        for (long y = from; y <= to; y++) {
            g.plot(x1 + roundedRatio(y - y1, dx, dy), y);
        }
    }

    /** round(step * delta / span), halves rounded up; {@code span} is positive unless step and delta are 0. */
    private static long roundedRatio(long step, long delta, long span) {
        if (span == 0) {
            return 0;
        }
        if (Math.abs(step) < EXACT_ARITHMETIC_LIMIT && Math.abs(delta) < EXACT_ARITHMETIC_LIMIT
                && span < EXACT_ARITHMETIC_LIMIT) {
            return Math.floorDiv(2 * step * delta + span, 2 * span);
        }
        return (long) Math.floor((double) step * delta / span + 0.5);
    }

    /**
     * A pixel belongs to the disc when its centre lies inside the circle inscribed in the square; the outline is the
     * set of disc pixels with a 4-neighbour outside the disc. Only rows inside the clip are visited.
     */
    private static void circle(GraphicsContext g, int x, int y, int diameter, boolean filled) {
        if (diameter <= 0) {
            return;
        }
        long left = (long) x + g.getTranslationX();
        long top = (long) y + g.getTranslationY();
        long bottom = top + diameter; // exclusive
        long from = Math.max(top, g.clipY1());
        long to = Math.min(bottom, g.clipY2()); // exclusive
        long[] span = new long[2];
        long[] above = new long[2];
        long[] below = new long[2];
        for (long row = from; row < to; row++) {
            if (!discSpan(left, top, diameter, row, span)) {
                continue;
            }
            if (filled) {
                g.fill(span[0], row, span[1] - span[0] + 1, 1);
                continue;
            }
            boolean hasAbove = discSpan(left, top, diameter, row - 1, above);
            boolean hasBelow = discSpan(left, top, diameter, row + 1, below);
            long firstColumn = Math.max(span[0], g.clipX1());
            long lastColumn = Math.min(span[1], g.clipX2() - 1L);
            for (long column = firstColumn; column <= lastColumn; column++) {
                boolean interior = column > span[0] && column < span[1] && hasAbove && column >= above[0]
                        && column <= above[1] && hasBelow && column >= below[0] && column <= below[1];
                if (!interior) {
                    g.plot(column, row);
                }
            }
        }
    }

    /**
     * Columns of the disc on a row.
     *
     * @return false if the row does not cross the disc; otherwise {first, last} columns (inclusive) are in {@code out}
     */
    private static boolean discSpan(long left, long top, int diameter, long row, long[] out) {
        if (row < top || row >= top + diameter) {
            return false;
        }
        double radius = diameter / 2.0;
        double centreX = left + radius;
        double dy = (row + 0.5) - (top + radius);
        double halfChord = Math.sqrt(Math.max(0.0, radius * radius - dy * dy));
        // Pixel column c is inside when its centre c + 0.5 lies within centreX +/- halfChord.
        long first = (long) Math.ceil(centreX - halfChord - 0.5);
        long last = (long) Math.floor(centreX + halfChord - 0.5);
        if (last < first) {
            return false;
        }
        out[0] = first;
        out[1] = last;
        return true;
    }
}
