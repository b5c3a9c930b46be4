package com.relayboard.firmware.net;

import com.relayboard.firmware.util.Ring;

/**
 * The board's one thread for network work that blocks: a connect attempt to the broker (connects, subscribes,
 * the status line) and the closing of clients the board gave up. The loop hands the work over and polls for its
 * outcome, so it stays live (LED, console, {@code quit}) however long the broker takes to answer, and the board
 * has one thread for this work whatever happens, instead of one per attempt or per client given up.
 *
 * <p>Jobs run one at a time, in the order given. The queue is bounded ({@link #CAPACITY}): a job beyond it is
 * refused, never waited for. A job that fails with an unchecked exception is counted and the worker goes on.
 */
public final class NetworkWorker implements JobRunner, Runnable {

    /** Jobs waiting at most: a connect attempt and the closing of a few generations of clients. */
    public static final int CAPACITY = 8;

    // This object's monitor guards the queue, stopped and running: the loop hands jobs over and the worker waits
    // for them (wait/notifyAll), and interruptIfRunning's check-then-interrupt must not hit the job after.
    private final Ring<Runnable> queue = new Ring<Runnable>(CAPACITY);
    private boolean stopped;
    /** The job running now, or {@code null}: what {@link #interruptIfRunning(Runnable)} may interrupt. */
    private Runnable running;
    /** Written once by {@link #start()}; volatile: the thread that stops the board joins it. */
    private volatile Thread thread;
    /** Written by the worker's thread alone; volatile: a test or a status line reads it from another. */
    private volatile int faults;

    /**
     * Starts the worker's thread. No lock: one caller, once (the board's {@code start}, under the board's own
     * lock, or a test's thread).
     */
    public void start() {
        if (this.thread != null) {
            return;
        }
        this.thread = new Thread(this, "relayboard-net");
        // Not a reason to keep a stopping application alive: a job left running only waits on a network.
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public synchronized boolean submit(Runnable job) {
        if (this.stopped || !this.queue.offer(job)) {
            return false;
        }
        notifyAll();
        return true;
    }

    /** Takes no more jobs; those queued still run, then the thread ends. Does not wait. */
    public synchronized void stop() {
        this.stopped = true;
        notifyAll();
    }

    /** @return jobs that failed with an unchecked exception */
    public int faults() {
        return this.faults;
    }

    /** @return the worker's thread, or {@code null} before {@link #start()} */
    public Thread thread() {
        return this.thread;
    }

    /**
     * Interrupts {@code job} if it is the one running now, so that a call it is stuck in that waits without a
     * timeout (the desktop's Paho 1.2.5 can leave a connect's token waiting for ever when the broker closes the
     * connection right after accepting it, eclipse-paho/paho.mqtt.java#1013) ends with an exception instead of
     * holding every later job. A job that is not running any more is left alone.
     */
    @Override
    public synchronized void interruptIfRunning(Runnable job) {
        if (job != null && this.running == job && this.thread != null) {
            this.thread.interrupt();
        }
    }

    @Override
    public void run() {
        Runnable job;
        while ((job = take()) != null) {
            try {
                job.run();
            } catch (RuntimeException e) {
                // Only this thread writes faults: an increment of a volatile is safe with one writer.
                this.faults++;
            }
        }
    }

    /**
     * Ends the job that ran last, then takes the next: an interrupt meant for the job over (interruptIfRunning)
     * must not reach the next one, so it is cleared under the lock that interruptIfRunning takes.
     *
     * @return the next job, or {@code null} once stopped and drained
     */
    private synchronized Runnable take() {
        this.running = null;
        Thread.interrupted();
        while (this.queue.isEmpty()) {
            if (this.stopped) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                // Nobody interrupts the worker on purpose; stop() is how it ends.
            }
        }
        this.running = this.queue.poll();
        return this.running;
    }
}
