package com.relayboard.firmware.ui;

import ej.microui.display.Font;
import ej.mwt.Container;
import ej.mwt.util.Size;

/**
 * The counters line, as one cell per counter: a counter that changes re-renders its own cell, not the
 * whole line. Cells are as wide as their label with a large number needs (a cell that still overflows
 * cuts its text with an ellipsis); the last one takes what is left.
 */
final class CounterRow extends Container {

    static final int RECEIVED = 0;
    static final int RELAYED = 1;
    static final int DROPPED = 2;
    static final int QUEUED = 3;
    static final String[] LABELS = { "rx ", "relayed ", "dropped ", "queued " };
    /** The widest number each cell is sized for: the outbox holds 32, drops stay rare. */
    private static final String[] WIDEST = { "999999", "999999", "99", "32" };
    /** Pixels left of each cell's text: less than a full line's, so that four cells fit. */
    private static final int CELL_PADDING_X = 2;

    private final Font font;
    private final TextLine[] cells = new TextLine[LABELS.length];

    CounterRow(Font font, int background, int color) {
        this.font = font;
        for (int i = 0; i < this.cells.length; i++) {
            this.cells[i] = new TextLine(font, background, color, CELL_PADDING_X);
            addChild(this.cells[i]);
        }
    }

    /** Must be called on the UI thread. */
    void set(int counter, int value, int color) {
        this.cells[counter].set(LABELS[counter] + value, color);
    }

    TextLine cell(int counter) {
        return this.cells[counter];
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        size.setHeight(TextLine.height(this.font));
    }

    @Override
    protected void layOutChildren(int contentWidth, int contentHeight) {
        int[] wanted = new int[this.cells.length];
        int total = 0;
        for (int i = 0; i < this.cells.length; i++) {
            wanted[i] = this.font.stringWidth(LABELS[i] + WIDEST[i]) + 2 * CELL_PADDING_X;
            total += wanted[i];
        }
        int x = 0;
        for (int i = 0; i < this.cells.length; i++) {
            boolean last = i == this.cells.length - 1;
            // Shrunk in proportion when the font is too wide for all four; the last cell takes the rest.
            int width = last ? contentWidth - x
                    : total <= contentWidth ? wanted[i] : (int) ((long) wanted[i] * contentWidth / total);
            layOutChild(this.cells[i], x, 0, Math.max(0, width), contentHeight);
            x += width;
        }
    }
}
