package com.relayboard.host.display;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host's stand-in for the board's default bitmap font: AWT's logical monospaced font at the size whose line height
 * is closest to the 14-16 px of a small embedded font, rasterized without anti-aliasing so that each pixel is either
 * the text colour or left untouched, like a 1-bpp MicroEJ font. That keeps renders deterministic and lets tests compare
 * pixels exactly. {@code ej.microui.display.Font} and {@code Painter.drawString} delegate here.
 *
 * <p>Chinese, Japanese and full-width characters come from one named CJK font, {@link #CJK_FAMILY} (Debian's
 * {@code fonts-wqy-microhei}), at the same size, drawn on the same baseline; naming the font keeps the pixels the same
 * whatever else fontconfig would pick. Without it, the JDK's own fallback draws them, often as boxes;
 * {@link #cjkFamily()} says so. This is kinder than the board, whose default font has no CJK glyph: the firmware's LCD
 * draws with the font of its fonts list instead ({@code Font.getFont}, {@link EjfFace}), and on the default font it
 * escapes everything beyond Latin-1.
 */
public final class HostFont implements FontFace {

    /** Line heights, in pixels, that match the small fonts MicroEJ ships for 320x240 panels. */
    private static final int MIN_LINE_HEIGHT_PX = 14;
    private static final int MAX_LINE_HEIGHT_PX = 16;
    /** Point sizes tried when looking for that line height. */
    private static final int SMALLEST_SIZE_PT = 8;
    private static final int LARGEST_SIZE_PT = 24;
    /** Used if no size gives a line height in range (a JVM with unusual fonts). */
    private static final int FALLBACK_SIZE_PT = 12;
    /** Rasterized strings kept, so that a label redrawn on every update is not rasterized each time. */
    private static final int MASK_CACHE_ENTRIES = 128;

    /** The CJK font looked for: WenQuanYi Micro Hei's monospaced face. */
    public static final String CJK_FAMILY = "WenQuanYi Micro Hei Mono";

    private static final HostFont DEFAULT = new HostFont(pickDefaultFont());

    private final Font awtFont;
    private final FontMetrics metrics;
    /** Null when {@link #CJK_FAMILY} is not installed. */
    private final Font cjkFont;
    private final FontMetrics cjkMetrics;
    private final Map<String, boolean[]> masks = new LinkedHashMap<String, boolean[]>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, boolean[]> eldest) {
            return size() > MASK_CACHE_ENTRIES;
        }
    };

    private HostFont(Font awtFont) {
        this.awtFont = awtFont;
        Graphics2D g = scratchGraphics(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY));
        try {
            this.metrics = g.getFontMetrics(awtFont);
            this.cjkFont = findCjkFont(awtFont.getSize());
            this.cjkMetrics = this.cjkFont == null ? null : g.getFontMetrics(this.cjkFont);
        } finally {
            g.dispose();
        }
    }

    private static Font findCjkFont(int sizePt) {
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            if (family.equals(CJK_FAMILY)) {
                return new Font(CJK_FAMILY, Font.PLAIN, sizePt);
            }
        }
        return null;
    }

    /** @return the CJK font's family, or {@code null} when it is not installed (Chinese may then show as boxes) */
    public String cjkFamily() {
        return this.cjkFont == null ? null : this.cjkFont.getFamily();
    }

    /** @return whether {@code c} is drawn from the CJK font: ideographs, kana, CJK punctuation, full-width forms */
    private boolean fromCjkFont(char c) {
        return this.cjkFont != null && ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF));
    }

    /** @return the index after the run of characters from the same font as {@code text.charAt(start)} */
    private int runEnd(String text, int start) {
        boolean cjk = fromCjkFont(text.charAt(start));
        int end = start + 1;
        while (end < text.length() && fromCjkFont(text.charAt(end)) == cjk) {
            end++;
        }
        return end;
    }

    /** @return the font behind {@code Font.getDefaultFont()} */
    public static HostFont defaultFont() {
        return DEFAULT;
    }

    /** @return line height in pixels: the height of the box {@link #draw} fills */
    public int height() {
        return this.metrics.getHeight();
    }

    /** @return distance in pixels from the top of the text box to the baseline */
    public int baseline() {
        return this.metrics.getAscent();
    }

    /**
     * @param c a character
     * @return its advance in pixels
     */
    public int charWidth(char c) {
        return fromCjkFont(c) ? this.cjkMetrics.charWidth(c) : this.metrics.charWidth(c);
    }

    /**
     * @param text a string
     * @return the width in pixels of the box {@link #draw} fills
     */
    public int stringWidth(String text) {
        if (this.cjkFont == null) {
            return this.metrics.stringWidth(text);
        }
        int width = 0;
        for (int start = 0; start < text.length(); start = runEnd(text, start)) {
            String run = text.substring(start, runEnd(text, start));
            width += fromCjkFont(run.charAt(0)) ? this.cjkMetrics.stringWidth(run) : this.metrics.stringWidth(run);
        }
        return width;
    }

    /** @return a stable name for diagnostics and {@code Font.getDescriptor()}, e.g. "Monospaced-plain-12" */
    public String descriptor() {
        return this.awtFont.getFamily() + "-plain-" + this.awtFont.getSize();
    }

    /**
     * Draws a string whose box has its top-left corner at (x, y), setting the glyph pixels that fall inside both the
     * box and the clip to {@code rgb}. Other pixels are not touched. Coordinates are absolute in {@code target}; they
     * may lie anywhere, including far outside the target.
     *
     * @param target  where to draw
     * @param text    the string
     * @param x       left of the text box
     * @param y       top of the text box
     * @param rgb     colour written, already in the panel's colour space
     * @param clipX1  clip left column, inclusive, inside the target
     * @param clipY1  clip top row, inclusive
     * @param clipX2  clip right column, exclusive
     * @param clipY2  clip bottom row, exclusive
     */
    public void draw(PixelBuffer target, String text, long x, long y, int rgb, int clipX1, int clipY1, int clipX2,
            int clipY2) {
        int boxWidth = stringWidth(text);
        int boxHeight = height();
        long left = Math.max(x, clipX1);
        long top = Math.max(y, clipY1);
        long right = Math.min(x + boxWidth, clipX2);
        long bottom = Math.min(y + boxHeight, clipY2);
        if (right <= left || bottom <= top) {
            return; // nothing visible: do not even rasterize
        }
        boolean[] mask = mask(text, boxWidth, boxHeight);
        for (int py = (int) top; py < bottom; py++) {
            int rowStart = (int) (py - y) * boxWidth;
            for (int px = (int) left; px < right; px++) {
                if (mask[rowStart + (int) (px - x)]) {
                    target.set(px, py, rgb);
                }
            }
        }
    }

    /** Row-major glyph coverage of the text box, one flag per pixel. */
    private boolean[] mask(String text, int boxWidth, int boxHeight) {
        synchronized (this.masks) {
            boolean[] cached = this.masks.get(text);
            if (cached != null) {
                return cached;
            }
        }
        BufferedImage image = new BufferedImage(boxWidth, boxHeight, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = scratchGraphics(image);
        try {
            g.setColor(java.awt.Color.WHITE);
            int x = 0;
            for (int start = 0; start < text.length(); start = runEnd(text, start)) {
                String run = text.substring(start, runEnd(text, start));
                boolean cjk = fromCjkFont(run.charAt(0));
                g.setFont(cjk ? this.cjkFont : this.awtFont);
                g.drawString(run, x, baseline());
                x += cjk ? this.cjkMetrics.stringWidth(run) : this.metrics.stringWidth(run);
            }
        } finally {
            g.dispose();
        }
        Raster raster = image.getRaster();
        boolean[] mask = new boolean[boxWidth * boxHeight];
        int[] row = new int[boxWidth];
        for (int py = 0; py < boxHeight; py++) {
            raster.getSamples(0, py, boxWidth, 1, 0, row);
            for (int px = 0; px < boxWidth; px++) {
                mask[py * boxWidth + px] = row[px] != 0;
            }
        }
        synchronized (this.masks) {
            this.masks.put(text, mask);
        }
        return mask;
    }

    /** A Graphics2D whose text rendering is reproducible: no anti-aliasing, integer glyph advances. */
    private static Graphics2D scratchGraphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        return g;
    }

    /** The largest monospaced size whose line height fits the embedded range. */
    private static Font pickDefaultFont() {
        Graphics2D g = scratchGraphics(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY));
        try {
            for (int size = LARGEST_SIZE_PT; size >= SMALLEST_SIZE_PT; size--) {
                Font candidate = new Font(Font.MONOSPACED, Font.PLAIN, size);
                int lineHeight = g.getFontMetrics(candidate).getHeight();
                if (lineHeight >= MIN_LINE_HEIGHT_PX && lineHeight <= MAX_LINE_HEIGHT_PX) {
                    return candidate;
                }
            }
            return new Font(Font.MONOSPACED, Font.PLAIN, FALLBACK_SIZE_PT);
        } finally {
            g.dispose();
        }
    }
}
