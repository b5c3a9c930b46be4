package com.relayboard.host.display;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import ej.microui.display.Displayable;
import ej.microui.display.GraphicsContext;

/**
 * A displayable whose render runs whatever the test gives it, capturing any failure so that the test thread can
 * rethrow it (a failure on the UI thread is otherwise only printed).
 */
final class Canvas extends Displayable {

    private volatile Consumer<GraphicsContext> drawing = g -> { };
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Runs {@code drawing} in a full render of this (shown) canvas and waits for the flush. */
    void draw(Consumer<GraphicsContext> newDrawing) throws Throwable {
        this.drawing = newDrawing;
        requestRender();
        Screens.awaitIdle();
        Throwable t = this.failure.getAndSet(null);
        if (t != null) {
            throw t;
        }
    }

    @Override
    protected void render(GraphicsContext g) {
        try {
            this.drawing.accept(g);
        } catch (Throwable t) { // NOPMD: handed to the test thread
            this.failure.set(t);
        }
    }

    @Override
    public boolean handleEvent(int event) {
        return false;
    }
}
