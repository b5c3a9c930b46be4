package com.relayboard.host.display;

/**
 * What {@code ej.microui.display.Font} and {@code Painter.drawString} need of a font: {@link HostFont} for the
 * default font, {@link EjfFace} for a font loaded from its {@code .ejf} file.
 */
public interface FontFace {

    /** @return line height in pixels: the height of the box {@link #draw} fills */
    int height();

    /** @return distance in pixels from the top of the text box to the baseline */
    int baseline();

    /** @return the advance of {@code c} in pixels */
    int charWidth(char c);

    /** @return the width in pixels of the box {@link #draw} fills */
    int stringWidth(String text);

    /** @return a stable name for diagnostics and {@code Font.getDescriptor()} */
    String descriptor();

    /**
     * Draws a string whose box has its top-left corner at (x, y), setting the glyph pixels that fall inside both the
     * box and the clip to {@code rgb}; other pixels are not touched. See {@link HostFont#draw}.
     */
    void draw(PixelBuffer target, String text, long x, long y, int rgb, int clipX1, int clipY1, int clipX2,
            int clipY2);
}
