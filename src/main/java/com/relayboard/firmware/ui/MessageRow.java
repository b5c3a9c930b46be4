package com.relayboard.firmware.ui;

import ej.microui.display.Font;
import ej.mwt.Container;
import ej.mwt.util.Size;

/**
 * One message on the screen: its topic, then its payload, each on a line of its own, with the
 * {@link Mark} at the left edge that shows which row holds the newest message.
 */
final class MessageRow extends Container {

    final Mark mark;
    final TextLine topic;
    final TextLine payload;
    private final int lineHeight;

    MessageRow(Font font, int background, int topicColor, int textColor, int markColor) {
        this.lineHeight = TextLine.height(font);
        this.mark = new Mark(markColor, background);
        this.topic = new TextLine(font, background, topicColor);
        this.payload = new TextLine(font, background, textColor);
        addChild(this.mark);
        addChild(this.topic);
        addChild(this.payload);
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        size.setHeight(2 * this.lineHeight);
    }

    @Override
    protected void layOutChildren(int contentWidth, int contentHeight) {
        int textX = Mark.WIDTH_PX;
        int textWidth = Math.max(0, contentWidth - textX);
        layOutChild(this.mark, 0, 0, textX, contentHeight);
        layOutChild(this.topic, textX, 0, textWidth, this.lineHeight);
        layOutChild(this.payload, textX, this.lineHeight, textWidth, this.lineHeight);
    }
}
