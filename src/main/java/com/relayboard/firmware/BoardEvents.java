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
    /** Reports that found the ring full, since the loop last asked. */
    private int reportsMissed;
    private LinkEvent firstEvent;
    private LinkEvent lastEvent;
    private boolean signalled;
    /** Interrupts that came while the loop waited: counted, never acted on. */
    private int interrupts;

    @Override
    public synchronized boolean report(MessageReport report) {
        if (!this.reports.offer(report)) {
            this.reportsMissed++;
            return false;
        }
        signal();
        return true;
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

    synchronized void post(LinkEvent event) {
        if (this.lastEvent == null) {
            this.firstEvent = event;
        } else {
            this.lastEvent.next = event;
        }
        this.lastEvent = event;
        signal();
    }

    synchronized MessageReport pollReport() {
        return this.reports.poll();
    }

    /** @return how many reports found the ring full since the last call */
    synchronized int takeMissedReports() {
        int missed = this.reportsMissed;
        this.reportsMissed = 0;
        return missed;
    }

    synchronized LinkEvent pollEvent() {
        LinkEvent event = this.firstEvent;
        if (event != null) {
            this.firstEvent = event.next;
            if (this.firstEvent == null) {
                this.lastEvent = null;
            }
            event.next = null;
        }
        return event;
    }

    /** Wakes the loop early, e.g. to stop. */
    synchronized void wake() {
        signal();
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
    synchronized int interrupts() {
        return this.interrupts;
    }

    private void signal() {
        this.signalled = true;
        notifyAll();
    }
}
