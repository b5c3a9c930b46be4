package ej.mwt.util;

/** A mutable width and height, in pixels: the available size going into an optimal-size computation, the result out. */
public class Size {

    private int width;
    private int height;

    /**
     * @param width  width in pixels
     * @param height height in pixels
     */
    public Size(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** @return width in pixels */
    public int getWidth() {
        return this.width;
    }

    /** @return height in pixels */
    public int getHeight() {
        return this.height;
    }

    /**
     * @param width width in pixels
     */
    public void setWidth(int width) {
        this.width = width;
    }

    /**
     * @param height height in pixels
     */
    public void setHeight(int height) {
        this.height = height;
    }

    /**
     * @param width  width in pixels
     * @param height height in pixels
     */
    public void setSize(int width, int height) {
        this.width = width;
        this.height = height;
    }
}
