package com.relayboard.sim;

import java.io.File;
import java.io.IOException;

import com.relayboard.host.display.FlushListener;
import com.relayboard.host.display.HostDisplay;

/**
 * Writes the LCD to one PNG file every time the display flushes, on a thread of its own so that the
 * UI thread never waits for the disk. Flushes that come faster than a file can be written are
 * merged: the file always ends up holding the newest frame.
 */
public final class LcdPngWriter implements FlushListener, Runnable {

    private final File target;
    private final HostDisplay display;
    private boolean pending;
    private boolean stopped;
    private long written;
    /** Whether the last write failed: a failure is said once, not on every redraw, until a write works. Writer thread only. */
    private boolean failing;
    /** Whether a frame is being written now. */
    private boolean writing;
    private Thread thread;

    public LcdPngWriter(HostDisplay display, File target) {
        this.display = display;
        this.target = target;
    }

    public File target() {
        return this.target;
    }

    public synchronized void start() {
        File folder = this.target.getAbsoluteFile().getParentFile();
        if (folder != null) {
            folder.mkdirs();
        }
        this.pending = true;
        this.thread = new Thread(this, "lcd-png-writer");
        this.thread.setDaemon(true);
        this.thread.start();
        this.display.addFlushListener(this);
    }

    public synchronized void stop() {
        this.display.removeFlushListener(this);
        this.stopped = true;
        notifyAll();
    }

    /** @return how many times the PNG file was written */
    public synchronized long written() {
        return this.written;
    }

    @Override
    public synchronized void onFlush(int x, int y, int width, int height) {
        this.pending = true;
        notifyAll();
    }

    @Override
    public void run() {
        while (true) {
            synchronized (this) {
                while (!this.pending && !this.stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (this.stopped) {
                    return;
                }
                this.pending = false;
                this.writing = true;
            }
            try {
                this.display.writePng(this.target);
                synchronized (this) {
                    this.written++;
                }
                this.failing = false;
            } catch (IOException e) {
                if (!this.failing) {
                    this.failing = true;
                    System.err.println("[simulator] cannot write the LCD to " + this.target + ": "
                            + WritableFile.reason(e) + "; the image stays as it was until a write works again");
                }
            } finally {
                synchronized (this) {
                    this.writing = false;
                    notifyAll();
                }
            }
        }
    }

    /**
     * Waits until the newest frame flushed so far was written (or failed to be).
     *
     * @return false when that took longer than {@code timeoutMs}
     */
    public synchronized boolean awaitWritten(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while ((this.pending || this.writing) && !this.stopped) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
