package ej.microui.display;

import com.relayboard.host.HostPlatform;
import com.relayboard.host.display.Lcd;
import com.relayboard.host.display.NoDisplayException;
import com.relayboard.host.display.Rgb565;
import com.relayboard.host.display.UiLoop;

/**
 * The board's LCD: 320x240 pixels, RGB565. Show and render requests are queued on the UI thread; each render draws
 * into the back buffer and ends with a flush, which copies the drawn area to what the panel shows.
 */
public class Display {

    private final Lcd lcd = Lcd.get();

    Display() {
        this.lcd.attachGraphics(new GraphicsContext(this.lcd.backBuffer()));
    }

    /**
     * @return the display (a board has one at most); works before {@code MicroUI.start()}, but nothing is shown
     *         until the UI thread runs
     * @throws RuntimeException on a board without display (see {@code BoardProfile}): what the real MicroUI does on a
     *         VEE Port built without its display module is not documented, so the host takes the stricter case
     */
    public static Display getDisplay() {
        if (!HostPlatform.board().hasDisplay()) {
            throw new NoDisplayException(HostPlatform.board().title());
        }
        return Holder.INSTANCE;
    }

    /** Created on first use only, so that a board without display never builds one. */
    private static final class Holder {
        static final Display INSTANCE = new Display();
    }

    /** @return width in pixels (320) */
    public int getWidth() {
        return Lcd.WIDTH_PX;
    }

    /** @return height in pixels (240) */
    public int getHeight() {
        return Lcd.HEIGHT_PX;
    }

    /**
     * Asks the UI thread to show {@code displayable}: the one shown before gets onHidden(), then {@code displayable}
     * becomes current, gets onShown(), is rendered fully and flushed. Showing the displayable already shown only
     * renders it again.
     *
     * @param displayable what to show
     * @throws NullPointerException if {@code displayable} is null
     */
    public void requestShow(final Displayable displayable) {
        if (displayable == null) {
            throw new NullPointerException("displayable");
        }
        UiLoop.post(() -> show(displayable));
    }

    /**
     * Asks the UI thread to hide {@code displayable} if it is the one shown: it gets onHidden() and nothing is current
     * afterwards. The panel keeps its last image.
     *
     * @param displayable what to hide
     */
    public void requestHide(final Displayable displayable) {
        UiLoop.post(() -> {
            if (displayable != null && this.lcd.current() == displayable) {
                this.lcd.setCurrent(null);
                displayable.onHidden();
            }
        });
    }

    /** Asks the UI thread for a full render of the displayable shown, followed by a flush. */
    public void requestRender() {
        UiLoop.post(() -> {
            Displayable shown = this.lcd.current();
            if (shown != null) {
                renderFully(shown);
            }
        });
    }

    /** Makes what was drawn since the last flush visible on the panel. */
    public void flush() {
        this.lcd.flush();
    }

    /** @return true: the panel shows colours */
    public boolean isColor() {
        return true;
    }

    /**
     * @param color a colour, 0xRRGGBB
     * @return the colour the RGB565 panel shows for it, 0xRRGGBB
     */
    public int getDisplayColor(int color) {
        return Rgb565.toDisplayColor(color);
    }

    /** UI thread: switches the current displayable. */
    private void show(Displayable displayable) {
        Displayable previous = this.lcd.current();
        if (previous != displayable) {
            if (previous != null) {
                this.lcd.setCurrent(null);
                previous.onHidden();
            }
            this.lcd.setCurrent(displayable);
            displayable.onShown();
        }
        if (this.lcd.current() == displayable) {
            renderFully(displayable);
        }
    }

    /** UI thread: the render of {@link Displayable#requestRender()}. */
    void renderIfShown(Displayable displayable) {
        if (this.lcd.current() == displayable) {
            renderFully(displayable);
        }
    }

    private void renderFully(Displayable displayable) {
        this.lcd.render(0, 0, Lcd.WIDTH_PX, Lcd.HEIGHT_PX, displayable::render);
    }
}
