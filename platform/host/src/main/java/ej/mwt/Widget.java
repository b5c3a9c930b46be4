package ej.mwt;

import com.relayboard.host.display.UiLoop;

import ej.microui.display.GraphicsContext;
import ej.mwt.util.Size;

/**
 * A rectangular element of a desktop's widget tree. This host subset has no styles: a widget's content bounds are its
 * bounds (no margin, border or padding) and every widget is transparent, as with MWT's default style.
 * <p>
 * Lifecycle, driven by the desktop on the UI thread: attached when its desktop is shown (or when added to an attached
 * container), laid out, shown after its first layout in a shown desktop, hidden and detached when the desktop is
 * hidden or the widget removed.
 */
public abstract class Widget {

    /** Available size meaning "no limit" in an optimal-size computation. */
    public static final int NO_CONSTRAINT = 0;

    /** Bounds, relative to the parent's content (to the display for the root). */
    private int x;
    private int y;
    private int width;
    private int height;

    private boolean enabled;
    private boolean attached;
    private boolean shown;

    /** The container holding this widget; null for a root or a free widget. */
    Container parent;
    /** The desktop whose root this widget is; null otherwise (ask the root via {@link #getDesktop()}). */
    Desktop desktop;

    /** Creates a disabled widget, as MWT does. */
    public Widget() {
        this(false);
    }

    /**
     * @param enabled whether the widget handles events
     */
    public Widget(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Computes the size this widget would like.
     *
     * @param size on entry the available size ({@link #NO_CONSTRAINT} for unlimited); on return the optimal size
     */
    protected abstract void computeContentOptimalSize(Size size);

    /**
     * Draws the widget. The graphics context is translated to the widget's top-left corner and clipped to its bounds.
     *
     * @param g             where to draw
     * @param contentWidth  width of the widget in pixels
     * @param contentHeight height of the widget in pixels
     */
    protected abstract void renderContent(GraphicsContext g, int contentWidth, int contentHeight);

    /**
     * @param event a MicroUI event
     * @return whether the event was consumed; false by default
     */
    public boolean handleEvent(int event) {
        return false;
    }

    /** Called when the widget joins a shown desktop, before its layout. */
    protected void onAttached() {
    }

    /** Called when the widget leaves a shown desktop. */
    protected void onDetached() {
    }

    /** Called after each layout of the widget, once its bounds (and its children's) are set. */
    protected void onLaidOut() {
    }

    /** Called when the widget becomes visible, after its first layout in a shown desktop. */
    protected void onShown() {
    }

    /** Called when the widget stops being visible. */
    protected void onHidden() {
    }

    /**
     * Asks the UI thread to redraw this widget's area and flush just that area. Since the widget is transparent, the
     * whole tree is rendered clipped to the area, so what lies under the widget is redrawn too. Ignored if the widget
     * is not shown.
     */
    public void requestRender() {
        if (!this.shown) {
            return;
        }
        final Desktop owner = getDesktop();
        if (owner != null) {
            UiLoop.post(() -> owner.renderWidgetArea(this));
        }
    }

    /** Asks the UI thread to lay out the whole tree again, then render and flush the whole display. */
    public void requestLayOut() {
        Desktop owner = getDesktop();
        if (owner != null) {
            owner.requestLayOut();
        }
    }

    /** @return whether the widget handles events */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * @param enabled whether the widget handles events
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return whether the widget belongs to a shown desktop */
    public boolean isAttached() {
        return this.attached;
    }

    /** @return whether the widget is visible */
    public boolean isShown() {
        return this.shown;
    }

    /** @return the desktop of this widget's tree, or null if the tree has none */
    public Desktop getDesktop() {
        Widget root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        return root.desktop;
    }

    /** @return the container holding this widget, or null */
    public Container getParent() {
        return this.parent;
    }

    /** @return left, relative to the parent */
    public int getX() {
        return this.x;
    }

    /** @return top, relative to the parent */
    public int getY() {
        return this.y;
    }

    /** @return width in pixels (the optimal width right after an optimal-size computation) */
    public int getWidth() {
        return this.width;
    }

    /** @return height in pixels (the optimal height right after an optimal-size computation) */
    public int getHeight() {
        return this.height;
    }

    /** @return left, relative to the display */
    public int getAbsoluteX() {
        int absolute = this.x;
        for (Widget w = this.parent; w != null; w = w.parent) {
            absolute += w.x;
        }
        return absolute;
    }

    /** @return top, relative to the display */
    public int getAbsoluteY() {
        int absolute = this.y;
        for (Widget w = this.parent; w != null; w = w.parent) {
            absolute += w.y;
        }
        return absolute;
    }

    /** @return true: without styles no widget has a background, so what lies under it shows through */
    public boolean isTransparent() {
        return true;
    }

    // ---- tree machinery, package-private so that firmware widgets cannot see or override it

    /** Stores the optimal size for the available size in width/height, where the parent reads it. */
    void computeOptimalSize(int availableWidth, int availableHeight) {
        Size size = new Size(availableWidth, availableHeight);
        computeContentOptimalSize(size);
        this.width = size.getWidth();
        this.height = size.getHeight();
    }

    /** Sets the bounds, lays out the children, then tells the widget. */
    void layOut(int newX, int newY, int newWidth, int newHeight) {
        this.x = newX;
        this.y = newY;
        this.width = Math.max(0, newWidth);
        this.height = Math.max(0, newHeight);
        layOutContent(this.width, this.height);
        onLaidOut();
    }

    /** Containers lay out their children here. */
    void layOutContent(int contentWidth, int contentHeight) {
        // A plain widget has no children.
    }

    /**
     * Renders this widget into {@code g}, whose translation is the parent's top-left corner; restores the translation
     * and clip afterwards so that siblings render from the same state.
     */
    void renderInto(GraphicsContext g) {
        int savedTranslateX = g.getTranslationX();
        int savedTranslateY = g.getTranslationY();
        int savedClipX = g.getClipX();
        int savedClipY = g.getClipY();
        int savedClipWidth = g.getClipWidth();
        int savedClipHeight = g.getClipHeight();
        try {
            g.translate(this.x, this.y);
            g.intersectClip(0, 0, this.width, this.height);
            if (g.getClipWidth() > 0 && g.getClipHeight() > 0) {
                renderContent(g, this.width, this.height);
            }
        } finally {
            g.setTranslation(savedTranslateX, savedTranslateY);
            g.setClip(savedClipX, savedClipY, savedClipWidth, savedClipHeight);
        }
    }

    /** Attaches this widget, then its children. */
    void attachTree() {
        if (!this.attached) {
            this.attached = true;
            onAttached();
        }
        for (int i = 0; i < childCount(); i++) {
            child(i).attachTree();
        }
    }

    /** Detaches the children, then this widget. */
    void detachTree() {
        for (int i = childCount() - 1; i >= 0; i--) {
            child(i).detachTree();
        }
        if (this.attached) {
            this.attached = false;
            onDetached();
        }
    }

    /** Shows this widget, then its children; only attached widgets, and only those not shown yet. */
    void showTree() {
        if (!this.attached) {
            return;
        }
        if (!this.shown) {
            this.shown = true;
            onShown();
        }
        for (int i = 0; i < childCount(); i++) {
            child(i).showTree();
        }
    }

    /** Hides the children, then this widget. */
    void hideTree() {
        for (int i = childCount() - 1; i >= 0; i--) {
            child(i).hideTree();
        }
        if (this.shown) {
            this.shown = false;
            onHidden();
        }
    }

    /** Number of children, for tree walks; 0 for a plain widget. */
    int childCount() {
        return 0;
    }

    /** Child at {@code index}, for tree walks. */
    Widget child(int index) {
        throw new IndexOutOfBoundsException("a widget has no children");
    }
}
