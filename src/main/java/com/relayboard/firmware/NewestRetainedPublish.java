package com.relayboard.firmware;

import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.RetainedPublish;
import com.relayboard.firmware.ui.Console;

/**
 * A retained setting's publish (the LED setting, the rule table in force), on the network worker, never the loop:
 * QoS 1 waits for the broker. The loop offers the newest value; the worker publishes whatever is newest when it
 * runs, so a run of changes costs one queued job, not one per change.
 */
final class NewestRetainedPublish implements Runnable {

    private final BrokerSession session;
    private final JobRunner worker;
    private final String topic;
    /** What the setting is, for the console: {@code LED state}, {@code rule table}. */
    private final String what;
    private final Console console;
    /**
     * The newest value: written by the loop only, read by the worker. Volatile, no lock: the loop writes it before
     * it reads {@link #queued}, the worker clears {@link #queued} before it reads this, so a value written while a
     * job runs is either seen by that job or queues another.
     */
    private volatile byte[] newest;
    /** Whether a job is queued that has not yet read {@link #newest}: set by the loop, cleared by the worker. */
    private volatile boolean queued;

    NewestRetainedPublish(BrokerSession session, JobRunner worker, String topic, String what, Console console) {
        this.session = session;
        this.worker = worker;
        this.topic = topic;
        this.what = what;
        this.console = console;
    }

    /** On the loop: has {@code value} published (queued now, or merged into a queued job); says so if it cannot. */
    void offer(byte[] value) {
        this.newest = value;
        if (this.queued) {
            return;
        }
        this.queued = true;
        if (this.worker.submit(this)) {
            return;
        }
        this.queued = false;
        this.console.println("Could not publish the " + this.what + " on " + this.topic
                + ": the network worker is busy");
    }

    @Override
    public void run() {
        this.queued = false;
        byte[] value = this.newest;
        try {
            RetainedPublish.publish(this.session, this.topic, value);
        } catch (BrokerException e) {
            this.console.println("Could not publish the " + this.what + " on " + this.topic + ": " + e.getMessage());
        }
    }
}
