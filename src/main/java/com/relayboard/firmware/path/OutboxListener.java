package com.relayboard.firmware.path;

/** Told, on the publisher thread, what became of each message of the {@link Outbox}. */
public interface OutboxListener {

    void published(OutgoingMessage message);

    /**
     * @param dropped
     *            whether the message was given up after too many failures; otherwise it stays first
     *            in the outbox and is tried again after the next reconnect
     */
    void publishFailed(OutgoingMessage message, String reason, boolean dropped);
}
