package com.relayboard.host.display;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ej.microui.MicroUI;
import ej.microui.display.Font;
import ej.microui.display.GraphicsContext;
import ej.microui.display.Painter;
import ej.mwt.Widget;
import ej.mwt.util.Size;

/**
 * A firmware-style label: paints its background (none if the background is {@link #NO_BACKGROUND}), then its text at
 * its top-left corner; logs its lifecycle.
 */
class TextWidget extends Widget {

    /** Background value meaning "paint no background": what lies under the label shows through. */
    static final int NO_BACKGROUND = -1;

    private volatile String text;
    private final int foreground;
    private final int background;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    volatile boolean lifecycleOffUiThread;

    TextWidget(String text, int foreground, int background) {
        this.text = text;
        this.foreground = foreground;
        this.background = background;
    }

    void setText(String newText) {
        this.text = newText;
    }

    String text() {
        return this.text;
    }

    List<String> events() {
        synchronized (this.events) {
            return new ArrayList<>(this.events);
        }
    }

    @Override
    protected void computeContentOptimalSize(Size size) {
        Font font = Font.getDefaultFont();
        size.setSize(font.stringWidth(this.text), font.getHeight());
    }

    @Override
    protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
        if (this.background != NO_BACKGROUND) {
            g.setColor(this.background);
            Painter.fillRectangle(g, 0, 0, contentWidth, contentHeight);
        }
        g.setColor(this.foreground);
        Painter.drawString(g, this.text, Font.getDefaultFont(), 0, 0);
    }

    private void log(String event) {
        if (!MicroUI.isUIThread()) {
            this.lifecycleOffUiThread = true;
        }
        this.events.add(event);
    }

    @Override
    protected void onAttached() {
        log("attached");
    }

    @Override
    protected void onDetached() {
        log("detached");
    }

    @Override
    protected void onLaidOut() {
        log("laidOut");
    }

    @Override
    protected void onShown() {
        log("shown");
    }

    @Override
    protected void onHidden() {
        log("hidden");
    }
}
