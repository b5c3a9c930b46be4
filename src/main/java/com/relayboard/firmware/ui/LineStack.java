package com.relayboard.firmware.ui;

import ej.mwt.Container;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/**
 * Lays its lines out top to bottom, each at its own height, across the full width; the last line sits
 * at the bottom edge (the counters stay in place whatever the font height leaves over).
 */
final class LineStack extends Container {

    void add(Widget line) {
        addChild(line);
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        int height = 0;
        int count = getChildrenCount();
        for (int i = 0; i < count; i++) {
            Widget child = getChild(i);
            computeChildOptimalSize(child, size.getWidth(), Widget.NO_CONSTRAINT);
            height += child.getHeight();
        }
        size.setHeight(height);
    }

    @Override
    protected void layOutChildren(int contentWidth, int contentHeight) {
        int y = 0;
        int count = getChildrenCount();
        for (int i = 0; i < count; i++) {
            Widget child = getChild(i);
            computeChildOptimalSize(child, contentWidth, Widget.NO_CONSTRAINT);
            int height = child.getHeight();
            boolean last = i == count - 1;
            layOutChild(child, 0, last ? Math.max(y, contentHeight - height) : y, contentWidth, height);
            y += height;
        }
    }
}
