package ej.microui.display;

import com.relayboard.host.display.UiLoop;

import ej.microui.event.EventHandler;

/**
 * Something the display can show: it renders the whole screen when asked, and handles events while shown.
 */
public abstract class Displayable implements EventHandler {

    /** Creates a displayable that is not shown. */
    public Displayable() {
    }

    /**
     * Draws this displayable. Called on the UI thread with a graphics context whose translation is (0, 0) and whose
     * clip is the region to redraw; everything in that region must be drawn.
     *
     * @param g where to draw
     */
    protected abstract void render(GraphicsContext g);

    /**
     * Asks for a full render of this displayable followed by a flush, on the UI thread. Ignored if it is not shown
     * when the request runs.
     */
    public void requestRender() {
        UiLoop.post(() -> Display.getDisplay().renderIfShown(this));
    }

    /** Called on the UI thread when this displayable becomes the one shown, before it is rendered. */
    protected void onShown() {
    }

    /** Called on the UI thread when this displayable stops being the one shown. */
    protected void onHidden() {
    }
}
