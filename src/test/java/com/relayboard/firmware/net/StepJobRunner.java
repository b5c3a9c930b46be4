package com.relayboard.firmware.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the jobs it is given on the test's thread: at once ({@link #inline()}), or only when the test says so, so
 * that a test can look at the board while a connect attempt is still in progress.
 */
public final class StepJobRunner implements JobRunner {

    private final boolean holding;
    private final List<Runnable> held = new ArrayList<Runnable>();
    private final List<Runnable> interruptsAsked = new ArrayList<Runnable>();

    private StepJobRunner(boolean holding) {
        this.holding = holding;
    }

    /** @return a runner that runs each job as it is given */
    public static StepJobRunner inline() {
        return new StepJobRunner(false);
    }

    /** @return a runner that keeps the jobs until {@link #runHeld()} */
    public static StepJobRunner holding() {
        return new StepJobRunner(true);
    }

    @Override
    public synchronized boolean submit(Runnable job) {
        if (this.holding) {
            this.held.add(job);
        } else {
            job.run();
        }
        return true;
    }

    @Override
    public synchronized void interruptIfRunning(Runnable job) {
        // Jobs run on the test's thread here: nothing to interrupt, only what was asked.
        this.interruptsAsked.add(job);
    }

    /** @return the jobs whose interrupt was asked for, in order */
    public synchronized List<Runnable> interruptsAsked() {
        return new ArrayList<Runnable>(this.interruptsAsked);
    }

    /** @return the jobs given and held, not run yet */
    public synchronized List<Runnable> heldJobList() {
        return new ArrayList<Runnable>(this.held);
    }

    /** @return jobs given and not run yet */
    public synchronized int heldJobs() {
        return this.held.size();
    }

    /** Runs the jobs held so far, in order. */
    public void runHeld() {
        List<Runnable> jobs;
        synchronized (this) {
            jobs = new ArrayList<Runnable>(this.held);
            this.held.clear();
        }
        for (Runnable job : jobs) {
            job.run();
        }
    }
}
