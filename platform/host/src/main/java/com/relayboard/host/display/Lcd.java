package com.relayboard.host.display;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ej.microui.display.Display;
import ej.microui.display.Displayable;
import ej.microui.display.GraphicsContext;

/**
 * The emulated 320x240 RGB565 panel and its double buffer: the back buffer that renders draw into, and the front
 * buffer (what the panel shows) that a flush updates with the modified area of the back buffer.
 * <p>
 * This is the bridge the {@code ej.*} classes use to reach the panel (their public API may not expose host types), so
 * its methods are public; host tools should use {@link HostDisplay} instead.
 */
public final class Lcd {

    /** Panel width of the ESP32 board, in pixels. */
    public static final int WIDTH_PX = 320;
    /** Panel height of the ESP32 board, in pixels. */
    public static final int HEIGHT_PX = 240;

    private static final Lcd INSTANCE = new Lcd();

    private final PixelBuffer back = new PixelBuffer(WIDTH_PX, HEIGHT_PX);
    private final BufferedImage front = new BufferedImage(WIDTH_PX, HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
    private final int[] frontPixels = ((DataBufferInt) this.front.getRaster().getDataBuffer()).getData();

    /** Serializes everything that touches the back buffer (renders and flushes). */
    private final Object drawLock = new Object();
    /** Guards the front buffer against readers on other threads. */
    private final Object frontLock = new Object();

    private final List<FlushListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong flushCount = new AtomicLong();
    private final AtomicLong pixelsFlushed = new AtomicLong();

    /** The back buffer's graphics context; created by Display, which alone may call its constructor. */
    private volatile GraphicsContext graphics;
    /** The displayable shown; read by MWT to decide whether a widget render may run. UI thread writes it. */
    private volatile Displayable current;

    private Lcd() {
    }

    /** @return the panel */
    public static Lcd get() {
        return INSTANCE;
    }

    /** @return the back buffer, for the graphics context Display creates over it */
    public PixelBuffer backBuffer() {
        return this.back;
    }

    /**
     * Registers the back buffer's graphics context. Called once, by Display's constructor.
     *
     * @param g the graphics context over {@link #backBuffer()}
     */
    public void attachGraphics(GraphicsContext g) {
        if (this.graphics != null && this.graphics != g) {
            throw new IllegalStateException("the LCD already has a graphics context");
        }
        this.graphics = g;
    }

    /**
     * @param displayable the displayable now shown, or null
     */
    public void setCurrent(Displayable displayable) {
        this.current = displayable;
    }

    /** @return the displayable shown, or null */
    public Displayable current() {
        return this.current;
    }

    /**
     * Renders a region and flushes it: resets the graphics context's translation, clips it to the region, declares
     * the region modified (a render redraws its whole region, even the pixels the renderer leaves as they were), runs
     * the renderer, then flushes.
     *
     * @param x        left of the region, in panel pixels
     * @param y        top of the region
     * @param width    width of the region
     * @param height   height of the region
     * @param renderer draws into the graphics context
     */
    public void render(int x, int y, int width, int height, Consumer<GraphicsContext> renderer) {
        GraphicsContext g = graphics();
        int[] flushed;
        synchronized (this.drawLock) {
            g.resetTranslation();
            g.setClip(x, y, width, height);
            this.back.markDirty(g.getClipX(), g.getClipY(), g.getClipWidth(), g.getClipHeight());
            try {
                renderer.accept(g);
            } finally {
                g.resetTranslation();
                g.resetClip();
                flushed = flushLocked();
            }
        }
        notifyFlush(flushed);
    }

    /** Copies the area of the back buffer modified since the last flush to the front buffer. */
    public void flush() {
        int[] flushed;
        synchronized (this.drawLock) {
            flushed = flushLocked();
        }
        notifyFlush(flushed);
    }

    /** Ensures Display created and registered the back buffer's graphics context. */
    private GraphicsContext graphics() {
        GraphicsContext g = this.graphics;
        if (g == null) {
            Display.getDisplay(); // its constructor attaches the graphics context
            g = this.graphics;
        }
        return g;
    }

    private int[] flushLocked() {
        int[] region = this.back.takeDirty();
        if (region == null) {
            return null;
        }
        int x = region[0];
        int y = region[1];
        int w = region[2];
        int h = region[3];
        int[] source = this.back.array();
        synchronized (this.frontLock) {
            for (int row = y; row < y + h; row++) {
                int offset = row * WIDTH_PX + x;
                System.arraycopy(source, offset, this.frontPixels, offset, w);
            }
        }
        this.flushCount.incrementAndGet();
        this.pixelsFlushed.addAndGet((long) w * h);
        return region;
    }

    /** Listeners run on the UI thread; a flush requested from another thread hands them over to it. */
    private void notifyFlush(final int[] region) {
        if (region == null || this.listeners.isEmpty()) {
            return;
        }
        if (UiLoop.isStarted() && !UiLoop.isUiThread(Thread.currentThread())) {
            UiLoop.post(() -> callListeners(region));
        } else {
            callListeners(region);
        }
    }

    private void callListeners(int[] region) {
        for (FlushListener listener : this.listeners) {
            try {
                listener.onFlush(region[0], region[1], region[2], region[3]);
            } catch (RuntimeException e) {
                UiLoop.report(e); // a broken front panel must not stop the firmware's UI
            }
        }
    }

    /** A copy of the front buffer. */
    BufferedImage snapshot() {
        BufferedImage copy = new BufferedImage(WIDTH_PX, HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
        synchronized (this.frontLock) {
            System.arraycopy(this.frontPixels, 0, target, 0, target.length);
        }
        return copy;
    }

    void addFlushListener(FlushListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        this.listeners.add(listener);
    }

    void removeFlushListener(FlushListener listener) {
        this.listeners.remove(listener);
    }

    long flushCount() {
        return this.flushCount.get();
    }

    long pixelsFlushed() {
        return this.pixelsFlushed.get();
    }
}
