package ej.mwt;

import java.util.ArrayList;
import java.util.List;

import ej.microui.display.GraphicsContext;

/**
 * A widget that holds and lays out other widgets. Subclasses compute their optimal size with
 * {@link #computeChildOptimalSize(Widget, int, int)} and place their children with
 * {@link #layOutChild(Widget, int, int, int, int)}. Rendering draws each child clipped to its bounds.
 */
public abstract class Container extends Widget {

    private final List<Widget> children = new ArrayList<>();

    /** Creates an empty, disabled container. */
    public Container() {
    }

    /**
     * Places the children; called during the container's layout, after its own bounds are set.
     *
     * @param contentWidth  width available to the children, in pixels
     * @param contentHeight height available to the children, in pixels
     */
    protected abstract void layOutChildren(int contentWidth, int contentHeight);

    /**
     * Computes a child's optimal size; right after this call the child's getWidth()/getHeight() return it.
     *
     * @param child           a child of this container
     * @param availableWidth  width available, or {@link Widget#NO_CONSTRAINT}
     * @param availableHeight height available, or {@link Widget#NO_CONSTRAINT}
     */
    protected void computeChildOptimalSize(Widget child, int availableWidth, int availableHeight) {
        child.computeOptimalSize(availableWidth, availableHeight);
    }

    /**
     * Sets a child's bounds and lays it out.
     *
     * @param child  a child of this container
     * @param x      left, relative to this container
     * @param y      top, relative to this container
     * @param width  width in pixels
     * @param height height in pixels
     */
    protected void layOutChild(Widget child, int x, int y, int width, int height) {
        child.layOut(x, y, width, height);
    }

    /**
     * Adds a widget after the existing children. If this container is attached, the child is attached at once and
     * shown after the next layout.
     *
     * @param child the widget
     * @throws NullPointerException     if {@code child} is null
     * @throws IllegalArgumentException if {@code child} is already in a container or is a desktop's root
     */
    protected void addChild(Widget child) {
        if (child == null) {
            throw new NullPointerException("child");
        }
        if (child.parent != null || child.desktop != null || child == this) {
            throw new IllegalArgumentException("the widget is already in a hierarchy");
        }
        this.children.add(child);
        child.parent = this;
        if (isAttached()) {
            child.attachTree();
        }
    }

    /**
     * Removes a child, hiding and detaching it first. Does nothing if {@code child} is not a child of this container.
     *
     * @param child the widget
     */
    protected void removeChild(Widget child) {
        int index = this.children.indexOf(child);
        if (index < 0) {
            return;
        }
        child.hideTree();
        child.detachTree();
        this.children.remove(index);
        child.parent = null;
    }

    /** Removes all children, hiding and detaching each first. */
    protected void removeAllChildren() {
        for (int i = this.children.size() - 1; i >= 0; i--) {
            Widget child = this.children.get(i);
            child.hideTree();
            child.detachTree();
            child.parent = null;
        }
        this.children.clear();
    }

    /**
     * @param index position, from 0
     * @return the child at that position
     * @throws IndexOutOfBoundsException if there is no such child
     */
    public Widget getChild(int index) {
        return this.children.get(index);
    }

    /** @return the number of children */
    public int getChildrenCount() {
        return this.children.size();
    }

    /**
     * Renders the children in order, each translated to its position and clipped to its bounds; children entirely
     * outside the current clip are skipped. Subclasses that draw something under their children call this last.
     */
    @Override
    protected void renderContent(GraphicsContext g, int contentWidth, int contentHeight) {
        int clipLeft = g.getClipX();
        int clipTop = g.getClipY();
        long clipRight = (long) clipLeft + g.getClipWidth();
        long clipBottom = (long) clipTop + g.getClipHeight();
        for (Widget child : this.children) {
            boolean visible = child.getX() < clipRight && (long) child.getX() + child.getWidth() > clipLeft
                    && child.getY() < clipBottom && (long) child.getY() + child.getHeight() > clipTop;
            if (visible) {
                child.renderInto(g);
            }
        }
    }

    @Override
    void layOutContent(int contentWidth, int contentHeight) {
        layOutChildren(contentWidth, contentHeight);
    }

    @Override
    int childCount() {
        return this.children.size();
    }

    @Override
    Widget child(int index) {
        return this.children.get(index);
    }
}
