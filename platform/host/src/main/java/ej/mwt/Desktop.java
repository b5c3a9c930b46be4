package ej.mwt;

import com.relayboard.host.display.Lcd;
import com.relayboard.host.display.UiLoop;

import ej.microui.display.Display;
import ej.microui.display.Displayable;
import ej.microui.display.GraphicsContext;

/**
 * The displayable that shows a widget tree. When shown, it attaches its root widget, lays it out over the whole
 * display and shows it; when hidden, it hides and detaches it.
 */
public class Desktop extends Displayable {

    private Widget widget;
    private boolean attached;

    /** Creates an empty desktop. */
    public Desktop() {
    }

    /**
     * Sets the root widget, replacing (hiding and detaching) the previous one. On a shown desktop the new root is
     * attached at once and laid out and shown by the next {@link #requestLayOut()}.
     *
     * @param widget the root widget, or null
     * @throws IllegalArgumentException if {@code widget} is already in a container or is another desktop's root
     */
    public void setWidget(Widget widget) {
        if (widget != null && widget != this.widget && (widget.parent != null || widget.desktop != null)) {
            throw new IllegalArgumentException("the widget is already in a hierarchy");
        }
        Widget previous = this.widget;
        if (previous == widget) {
            return;
        }
        if (previous != null) {
            previous.hideTree();
            previous.detachTree();
            previous.desktop = null;
        }
        this.widget = widget;
        if (widget != null) {
            widget.desktop = this;
            if (this.attached) {
                widget.attachTree();
            }
        }
    }

    /** @return the root widget, or null */
    public Widget getWidget() {
        return this.widget;
    }

    /** Asks the display to show this desktop. */
    public void requestShow() {
        Display.getDisplay().requestShow(this);
    }

    /** Asks the UI thread to lay out the whole tree, then render and flush the whole display. */
    public void requestLayOut() {
        UiLoop.post(this::layOutAndRender);
    }

    /**
     * @param event a MicroUI event
     * @return false: this subset dispatches no events to widgets
     */
    @Override
    public boolean handleEvent(int event) {
        return false;
    }

    /** Attaches, lays out and shows the root widget. Subclasses must call it. */
    @Override
    protected void onShown() {
        this.attached = true;
        Widget root = this.widget;
        if (root != null) {
            root.attachTree();
            layOutRoot(root);
            root.showTree();
        }
    }

    /** Hides and detaches the root widget. Subclasses must call it. */
    @Override
    protected void onHidden() {
        Widget root = this.widget;
        if (root != null) {
            root.hideTree();
            root.detachTree();
        }
        this.attached = false;
    }

    /** Renders the root widget. */
    @Override
    protected void render(GraphicsContext g) {
        Widget root = this.widget;
        if (root != null) {
            root.renderInto(g);
        }
    }

    /** UI thread: the work of {@link #requestLayOut()}. */
    private void layOutAndRender() {
        if (!isCurrent()) {
            return;
        }
        Widget root = this.widget;
        if (root != null) {
            layOutRoot(root);
            root.showTree(); // widgets added since the last layout become visible now
        }
        Lcd.get().render(0, 0, Lcd.WIDTH_PX, Lcd.HEIGHT_PX, this::render);
    }

    /**
     * UI thread: the work of {@link Widget#requestRender()}. Renders the whole tree clipped to the widget's area,
     * since a transparent widget shows what lies under it, and flushes only that area.
     */
    void renderWidgetArea(Widget target) {
        final Widget root = this.widget;
        if (!isCurrent() || root == null || !target.isShown() || target.getDesktop() != this) {
            return;
        }
        Lcd.get().render(target.getAbsoluteX(), target.getAbsoluteY(), target.getWidth(), target.getHeight(),
                root::renderInto);
    }

    private boolean isCurrent() {
        return this.attached && Lcd.get().current() == this;
    }

    /** The root always covers the whole display, whatever its optimal size. */
    private static void layOutRoot(Widget root) {
        int width = Lcd.WIDTH_PX;
        int height = Lcd.HEIGHT_PX;
        root.computeOptimalSize(width, height);
        root.layOut(0, 0, width, height);
    }
}
