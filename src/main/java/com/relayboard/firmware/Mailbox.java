package com.relayboard.firmware;

import com.relayboard.firmware.relay.ReceivedMessage;

/**
 * Where other threads leave events for the loop thread: received messages in a bounded inbox (the
 * client callback never waits for room), and control events (connection lost, publish results,
 * commands) in a queue of their own so that they are never stuck behind messages.
 */
final class Mailbox {

    static final int CONNECTION_LOST = 1;
    static final int PUBLISHED = 2;
    static final int PUBLISH_FAILED = 3;
    static final int PUBLISH_DROPPED = 4;
    static final int INBOX_OVERFLOW = 5;

    /** One control event: a kind and what goes with it. */
    static final class Event {
        final int kind;
        final Object subject;
        final String text;
        Event next;

        Event(int kind, Object subject, String text) {
            this.kind = kind;
            this.subject = subject;
            this.text = text;
        }
    }

    private final ReceivedMessage[] inbox;
    /** Most payload bytes the inbox holds; one message alone is always taken, however large. */
    private final int inboxMaxBytes;
    private int inboxHead;
    private int inboxSize;
    private int inboxBytes;
    private Event firstEvent;
    private Event lastEvent;
    private boolean signalled;

    Mailbox(int inboxCapacity) {
        this(inboxCapacity, Integer.MAX_VALUE);
    }

    /**
     * @param inboxMaxBytes
     *            most payload bytes held at once; a message that would pass it is refused unless the
     *            inbox is empty
     */
    Mailbox(int inboxCapacity, int inboxMaxBytes) {
        this.inbox = new ReceivedMessage[inboxCapacity];
        this.inboxMaxBytes = inboxMaxBytes;
    }

    /** @return whether the message was taken; never waits */
    synchronized boolean offerMessage(ReceivedMessage message) {
        int bytes = message.payload().length;
        if (this.inboxSize == this.inbox.length
                || (this.inboxSize > 0 && bytes > this.inboxMaxBytes - this.inboxBytes)) {
            return false;
        }
        this.inbox[(this.inboxHead + this.inboxSize) % this.inbox.length] = message;
        this.inboxSize++;
        this.inboxBytes += bytes;
        signal();
        return true;
    }

    synchronized ReceivedMessage pollMessage() {
        if (this.inboxSize == 0) {
            return null;
        }
        ReceivedMessage message = this.inbox[this.inboxHead];
        this.inbox[this.inboxHead] = null;
        this.inboxHead = (this.inboxHead + 1) % this.inbox.length;
        this.inboxSize--;
        this.inboxBytes -= message.payload().length;
        return message;
    }

    synchronized void post(int kind, Object subject, String text) {
        Event event = new Event(kind, subject, text);
        if (this.lastEvent == null) {
            this.firstEvent = event;
        } else {
            this.lastEvent.next = event;
        }
        this.lastEvent = event;
        signal();
    }

    synchronized Event pollEvent() {
        Event event = this.firstEvent;
        if (event != null) {
            this.firstEvent = event.next;
            if (this.firstEvent == null) {
                this.lastEvent = null;
            }
            event.next = null;
        }
        return event;
    }

    synchronized int inboxSize() {
        return this.inboxSize;
    }

    /** Wakes the loop early, e.g. to stop. */
    synchronized void wake() {
        signal();
    }

    /** Waits until something arrives or {@code timeoutMs} passes. */
    synchronized void await(long timeoutMs) {
        if (!this.signalled && timeoutMs > 0) {
            try {
                wait(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        this.signalled = false;
    }

    private void signal() {
        this.signalled = true;
        notifyAll();
    }
}
