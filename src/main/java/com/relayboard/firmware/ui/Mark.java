package com.relayboard.firmware.ui;

import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/**
 * A narrow bar at the left edge of a message row, lit on the newest message. Moving the mark from one
 * row to the next costs the LCD two narrow strips instead of re-rendering every row.
 */
final class Mark extends Widget {

    /** Width of the bar, in pixels: visible at a glance, a sliver of the screen when it moves. */
    static final int WIDTH_PX = 4;

    private final int onColor;
    private final int offColor;
    private boolean on;

    Mark(int onColor, int offColor) {
        this.onColor = onColor;
        this.offColor = offColor;
    }

    /** Must be called on the UI thread. */
    void set(boolean lit) {
        if (lit != this.on) {
            this.on = lit;
            requestRender();
        }
    }

    boolean isOn() {
        return this.on;
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        // Whatever it is offered: its row lays it out WIDTH_PX wide, as tall as the row.
    }

    @Override
    protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
        g.setColor(this.on ? this.onColor : this.offColor);
        Painter.fillRectangle(g, 0, 0, contentWidth, contentHeight);
    }
}
