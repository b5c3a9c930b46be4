package com.relayboard.firmware;

import com.relayboard.firmware.path.MessageReport;
import com.relayboard.firmware.path.PathEvents;

import com.relayboard.firmware.util.Deadline;
import com.relayboard.firmware.util.Ring;

import ej.bon.Util;

/**
 * Where other threads leave work for the loop thread, and where the loop sleeps until some comes:
 * {@link MessageReport}s to show, in a bounded ring (a burst never grows it: a report that finds it
 * full is counted, and the loop says how many it could not show), and {@link LinkEvent}s to act on, in
 * a queue of their own so that they are never stuck behind reports (a connection is lost once).
 *
 * <p>Lock: this object's monitor guards the ring, the queue and the wake-up flag. It must be a lock: any
 * thread adds while the loop takes (check-then-act on both ends of the ring and the queue), and the loop sleeps on
 * it ({@code wait()}) until someone adds. It is taken in three places only: {@link #arrive} (every adding thread),
 * {@link #take} (the loop taking) and {@link #await} (the loop sleeping).
 */
final class BoardEvents implements PathEvents {

    /** Reports waiting to be shown at most. */
    static final int REPORT_CAPACITY = 16;

    private final Ring<MessageReport> reports = new Ring<MessageReport>(REPORT_CAPACITY);
    /** Whether something arrived since the loop last waited. */
    private final Deadline.Condition arrived = new Deadline.Condition() {
        @Override
        public boolean holds() {
            return BoardEvents.this.signalled;
        }
    };
    /**
     * Reports that found the ring full, since the start: incremented under the lock (several threads report), read
     * without it by the loop, which keeps how many it took in {@link #reportsMissedTaken}.
     */
    private volatile int reportsMissed;
    /** The part of {@link #reportsMissed} the loop has taken. The loop's own: no lock. */
    private int reportsMissedTaken;
    private LinkEvent firstEvent;
    private LinkEvent lastEvent;
    private boolean signalled;
    /** Interrupts that came while the loop waited: counted, never acted on. Written by the loop only. */
    private volatile int interrupts;

    @Override
    public boolean report(MessageReport report) {
        return arrive(report, null);
    }

    @Override
    public void publishRetrying(String topic, String reason) {
        post(new LinkEvent.PublishRetrying(topic, reason));
    }

    @Override
    public void commandArrived() {
        wake();
    }

    @Override
    public void connectionLost(String reason, boolean closedByBroker) {
        post(new LinkEvent.ConnectionLost(reason, closedByBroker));
    }

    void post(LinkEvent event) {
        arrive(null, event);
    }

    /** Wakes the loop early, e.g. to stop. */
    void wake() {
        arrive(null, null);
    }

    /**
     * Every thread's way in: keeps {@code report} (if any) in the ring or counts it missed, queues {@code event} (if
     * any), and wakes the loop.
     *
     * @return {@code false} when the report found the ring full (the loop is not woken for it)
     */
    private synchronized boolean arrive(MessageReport report, LinkEvent event) {
        if (report != null && !this.reports.offer(report)) {
            this.reportsMissed++;
            return false;
        }
        if (event != null) {
            if (this.lastEvent == null) {
                this.firstEvent = event;
            } else {
                this.lastEvent.next = event;
            }
            this.lastEvent = event;
        }
        this.signalled = true;
        notifyAll();
        return true;
    }

    MessageReport pollReport() {
        return (MessageReport) take(false);
    }

    LinkEvent pollEvent() {
        return (LinkEvent) take(true);
    }

    /** The loop's way out: the oldest link event if {@code event}, else the oldest report; {@code null} if none. */
    private synchronized Object take(boolean event) {
        if (!event) {
            return this.reports.poll();
        }
        LinkEvent first = this.firstEvent;
        if (first != null) {
            this.firstEvent = first.next;
            if (this.firstEvent == null) {
                this.lastEvent = null;
            }
            first.next = null;
        }
        return first;
    }

    /** @return how many reports found the ring full since the last call; on the loop thread */
    int takeMissedReports() {
        int missed = this.reportsMissed;
        // The difference is right even once the count has wrapped around.
        int taken = missed - this.reportsMissedTaken;
        this.reportsMissedTaken = missed;
        return taken;
    }

    /**
     * Waits until something arrives or {@code timeoutMs} passes. An interrupt does not end the wait: the
     * loop stops only through {@link #wake()} and its own flag, and an interrupt kept pending would end
     * every later wait at once, turning the loop into a busy one.
     */
    synchronized void await(long timeoutMs) {
        long deadlineMs = Util.platformTimeMillis() + timeoutMs;
        while (true) {
            try {
                Deadline.await(this, deadlineMs - Util.platformTimeMillis(), this.arrived);
                break;
            } catch (InterruptedException e) {
                this.interrupts++;
            }
        }
        this.signalled = false;
    }

    /** @return interrupts that came during a wait, and were ignored */
    int interrupts() {
        return this.interrupts;
    }
}
