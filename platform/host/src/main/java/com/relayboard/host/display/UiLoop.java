package com.relayboard.host.display;

import java.util.ArrayDeque;

/**
 * The MicroUI thread: one daemon thread that runs work items (callSerially runnables, render and show requests) one
 * at a time, in the order they were queued, as MicroUI's display pump does. {@code ej.microui.MicroUI} delegates here;
 * host tools use {@link #awaitIdle(long)} to know when the screen has settled.
 */
public final class UiLoop {

    /** Name MicroEJ gives its UI thread; kept so that thread dumps read the same. */
    private static final String THREAD_NAME = "MicroUI";

    private static final Object LOCK = new Object();
    private static final ArrayDeque<Runnable> QUEUE = new ArrayDeque<>();

    /** Guarded by LOCK. Null when stopped. */
    private static Thread thread;
    /** Guarded by LOCK. True while a work item runs. */
    private static boolean busy;
    /** Guarded by LOCK. Incremented by each start/stop so that a stopped thread can never take new work. */
    private static long generation;

    private UiLoop() {
    }

    /** Starts the thread; does nothing if it already runs. */
    public static void start() {
        synchronized (LOCK) {
            if (thread != null) {
                return;
            }
            generation++;
            final long myGeneration = generation;
            Thread t = new Thread(() -> runLoop(myGeneration), THREAD_NAME);
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /**
     * Stops the thread after its current item and drops the pending items, as MicroUI.stop() loses pending events.
     */
    public static void stop() {
        synchronized (LOCK) {
            if (thread == null) {
                return;
            }
            generation++;
            thread = null;
            QUEUE.clear();
            LOCK.notifyAll();
        }
    }

    /** @return whether the thread runs */
    public static boolean isStarted() {
        synchronized (LOCK) {
            return thread != null;
        }
    }

    /**
     * Queues a work item. Items queued before {@link #start()} run once the thread starts.
     *
     * @param work the item
     * @throws NullPointerException if {@code work} is null (reported to the caller, not to the UI thread)
     */
    public static void post(Runnable work) {
        if (work == null) {
            throw new NullPointerException("work");
        }
        synchronized (LOCK) {
            QUEUE.addLast(work);
            LOCK.notifyAll();
        }
    }

    /**
     * @param candidate a thread, or null
     * @return whether {@code candidate} is the running UI thread
     */
    public static boolean isUiThread(Thread candidate) {
        synchronized (LOCK) {
            return candidate != null && candidate == thread;
        }
    }

    /**
     * Waits until no item is queued and none is running.
     *
     * @param timeoutMs longest wait, in milliseconds
     * @return true when idle; false on timeout, on interruption, or when called from the UI thread itself (whose
     *         own item keeps the loop busy, so waiting there could only time out)
     */
    public static boolean awaitIdle(long timeoutMs) {
        long deadlineNs = System.nanoTime() + Math.max(0, timeoutMs) * 1_000_000L;
        synchronized (LOCK) {
            if (Thread.currentThread() == thread) {
                return false;
            }
            while (busy || !QUEUE.isEmpty()) {
                long remainingMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
                if (remainingMs <= 0) {
                    return false;
                }
                try {
                    LOCK.wait(remainingMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static void runLoop(long myGeneration) {
        while (true) {
            Runnable work;
            synchronized (LOCK) {
                while (generation == myGeneration && QUEUE.isEmpty()) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        // Only stop() ends the loop; an interrupt from firmware code must not kill the UI.
                    }
                }
                if (generation != myGeneration) {
                    return;
                }
                work = QUEUE.removeFirst();
                busy = true;
            }
            try {
                work.run();
            } catch (Throwable t) { // NOPMD: one failing item must not stop the display, as on the device
                report(t);
            } finally {
                synchronized (LOCK) {
                    busy = false;
                    LOCK.notifyAll();
                }
            }
        }
    }

    /** Hands a failure to the thread's uncaught-exception handler (prints it by default) and carries on. */
    static void report(Throwable t) {
        Thread current = Thread.currentThread();
        current.getUncaughtExceptionHandler().uncaughtException(current, t);
    }
}
