package com.relayboard.firmware.ui;

import ej.microui.display.Font;
import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/**
 * One line of text (or one cell of a line) on an opaque background, cut with an ellipsis where it is
 * too long. Re-renders only itself, and only when its text or colour really changed, so that an update
 * costs the LCD one line (or one cell) of pixels.
 */
final class TextLine extends Widget {

    /** Pixels above and below the text. */
    static final int PADDING_Y = 1;
    /** Pixels left of the text, and kept free right of it, on a line. */
    static final int PADDING_X = 4;

    private final Font font;
    private final int background;
    private final int paddingX;
    private String text = "";
    private int color;

    TextLine(Font font, int background, int color) {
        this(font, background, color, PADDING_X);
    }

    /** @param paddingX pixels left of the text and kept free right of it: cells of a line use less */
    TextLine(Font font, int background, int color, int paddingX) {
        this.font = font;
        this.background = background;
        this.color = color;
        this.paddingX = paddingX;
    }

    /** Must be called on the UI thread. */
    void set(String newText, int newColor) {
        if (newText.equals(this.text) && newColor == this.color) {
            return;
        }
        this.text = newText;
        this.color = newColor;
        requestRender();
    }

    String text() {
        return this.text;
    }

    /** @return the room for text, in pixels */
    int textWidth() {
        return getWidth() - 2 * this.paddingX;
    }

    int color() {
        return this.color;
    }

    static int height(Font font) {
        return font.getHeight() + 2 * PADDING_Y;
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        size.setHeight(height(this.font));
    }

    @Override
    protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
        g.setColor(this.background);
        Painter.fillRectangle(g, 0, 0, contentWidth, contentHeight);
        g.setColor(this.color);
        // Cut what does not fit with an ellipsis rather than letting the edge clip it unannounced.
        String shown = TextFit.fit(this.text, this.font, contentWidth - 2 * this.paddingX, "", false);
        Painter.drawString(g, shown, this.font, this.paddingX, PADDING_Y);
    }
}
