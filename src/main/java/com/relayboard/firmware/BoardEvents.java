package com.relayboard.firmware;

import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.path.MessageReport;
import com.relayboard.firmware.path.PathEvents;

import com.relayboard.firmware.util.Deadline;
import com.relayboard.firmware.util.Ring;

import ej.bon.Util;

/**
 * Where other threads leave work for the loop thread, and where the loop sleeps until some comes:
 * {@link MessageReport}s to show, in a bounded ring (a burst never grows it: a report that finds it
 * full is counted, and the loop says how many it could not show), {@link LinkEvent}s to act on, in
 * a queue of their own so that they are never stuck behind reports (a connection is lost once), and LED commands
 * ({@link LedControl.PendingCommands}), in a ring of their own that forgets the oldest when full.
 *
 * <p>Lock: this object's monitor guards the rings, the queue and the wake-up flag. It must be a lock: any
 * thread adds while the loop takes (check-then-act on both ends of the rings and the queue), and the loop sleeps on
 * it ({@code wait()}) until someone adds. Each kind of thing has its own typed way in and out; every way in ends in
 * {@link #signal()}.
 */
final class BoardEvents implements PathEvents, LedControl.PendingCommands {

    /** Reports waiting to be shown at most. */
    static final int REPORT_CAPACITY = 16;

    private final Ring<MessageReport> reports = new Ring<MessageReport>(REPORT_CAPACITY);
    private final Ring<byte[]> commands = new Ring<byte[]>(LedControl.PENDING_CAPACITY);
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
    /** Interrupts that came while the loop waited: counted, never acted on. Written by the loop only. */
    private volatile int interrupts;

    /** @return {@code false} when the ring was full: counted, and the loop is not woken for it */
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

    /** Keeps an LED command for the loop; when the loop is {@link LedControl#PENDING_CAPACITY} behind, forgets the oldest. */
    @Override
    public synchronized void offer(byte[] command) {
        if (this.commands.isFull()) {
            this.commands.poll();
        }
        this.commands.offer(command);
        signal();
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

    /** Wakes the loop early, e.g. to stop. */
    synchronized void wake() {
        signal();
    }

    /** With the lock held: something arrived. */
    private void signal() {
        this.signalled = true;
        notifyAll();
    }

    /** On the loop: @return the oldest report not shown yet, or {@code null} */
    synchronized MessageReport pollReport() {
        return this.reports.poll();
    }

    /** On the loop: @return the oldest link event not acted on yet, or {@code null} */
    synchronized LinkEvent pollEvent() {
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

    @Override
    public synchronized byte[] pollCommand() {
        return this.commands.poll();
    }

    /** @return how many reports found the ring full since the last call; on the loop thread */
    synchronized int takeMissedReports() {
        int missed = this.reportsMissed;
        this.reportsMissed = 0;
        return missed;
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
