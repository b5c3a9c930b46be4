package com.relayboard.firmware.net;

/** Runs blocking network work off the loop: {@link NetworkWorker} on the board, the test's own thread in tests. */
public interface JobRunner {

    /**
     * @return whether {@code job} was taken; {@code false} when the runner is stopped or its queue is full, and
     *         then the caller must not count on the job
     */
    boolean submit(Runnable job);

    /**
     * Interrupts {@code job} if it is running now (a job given up whose call may never return on its own); does
     * nothing otherwise.
     */
    void interruptIfRunning(Runnable job);
}
