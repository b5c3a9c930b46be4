package ej.microui;

import com.relayboard.host.display.UiLoop;

/**
 * MicroUI's lifecycle and its UI thread. On the host, the UI thread is a daemon thread named "MicroUI" that runs, in
 * order, the runnables given to {@link #callSerially(Runnable)} and the display's show and render requests.
 */
public abstract class MicroUI {

    /** Listed by the MicroEJ API; the class only has static members and is never instantiated. */
    public MicroUI() {
    }

    /** Starts the UI thread. Starting it again while it runs does nothing. */
    public static void start() {
        UiLoop.start();
    }

    /** Stops the UI thread once its current work item returns; pending work items are dropped. */
    public static void stop() {
        UiLoop.stop();
    }

    /** @return whether the UI thread runs */
    public static boolean isStarted() {
        return UiLoop.isStarted();
    }

    /**
     * Queues {@code run} to be run by the UI thread, after everything queued before it, and returns at once.
     *
     * @param run the code to run
     * @throws NullPointerException if {@code run} is null
     */
    public static void callSerially(Runnable run) {
        UiLoop.post(run);
    }

    /** @return whether the calling thread is the UI thread */
    public static boolean isUIThread() {
        return UiLoop.isUiThread(Thread.currentThread());
    }

    /**
     * @param thread a thread
     * @return whether {@code thread} is the UI thread
     */
    public static boolean isUIThread(Thread thread) {
        return UiLoop.isUiThread(thread);
    }
}
