package com.relayboard.host.display;

import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;
import ej.mwt.Container;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/**
 * A firmware-style container: paints a background, stacks its children top-down at their optimal height and full
 * width, with a margin around each.
 */
class Column extends Container {

    static final int MARGIN_PX = 4;

    private final int background;

    Column(int background) {
        this.background = background;
    }

    void add(Widget child) {
        addChild(child);
    }

    void remove(Widget child) {
        removeChild(child);
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        int width = 0;
        int height = MARGIN_PX;
        for (int i = 0; i < getChildrenCount(); i++) {
            Widget child = getChild(i);
            computeChildOptimalSize(child, size.getWidth(), NO_CONSTRAINT);
            width = Math.max(width, child.getWidth() + 2 * MARGIN_PX);
            height += child.getHeight() + MARGIN_PX;
        }
        size.setSize(width, height);
    }

    @Override
    protected void layOutChildren(int contentWidth, int contentHeight) {
        int y = MARGIN_PX;
        for (int i = 0; i < getChildrenCount(); i++) {
            Widget child = getChild(i);
            // The optimal height is only valid right after computeChildOptimalSize.
            computeChildOptimalSize(child, contentWidth - 2 * MARGIN_PX, NO_CONSTRAINT);
            int height = child.getHeight();
            layOutChild(child, MARGIN_PX, y, contentWidth - 2 * MARGIN_PX, height);
            y += height + MARGIN_PX;
        }
    }

    @Override
    protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
        g.setColor(this.background);
        Painter.fillRectangle(g, 0, 0, contentWidth, contentHeight);
        super.renderContent(g, contentWidth, contentHeight);
    }
}
