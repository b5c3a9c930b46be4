package com.relayboard.firmware.net;

/**
 * What the client's delivery thread holds for one received message until the board no longer needs
 * the broker to keep it: the session lets the client acknowledge the message only once
 * {@link #awaitSafe(long)} said so. Until then the delivery thread waits, and the client takes no
 * further message from this connection: the broker holds them, up to its own limits. That wait is
 * the board's only way to slow the broker down, since MQTT 3.1.1 and MicroPaho have neither manual
 * acknowledgements nor a receive maximum.
 *
 * <pre>
 *   waiting --relayed copy published, dropped on purpose, or nothing to wait for--&gt; SAFE (acknowledge)
 *      +------connection gone, or the board stops--&gt; GIVEN_BACK (never acknowledge: delivered again)
 * </pre>
 */
public interface DeliveryReceipt {

    /** What {@link #awaitSafe(long)} found. */
    enum State {
        /** Not yet: wait again (after checking that the connection is still there). */
        WAITING,
        /** The client may acknowledge the message. */
        SAFE,
        /** The message must not be acknowledged: the broker delivers it again. */
        GIVEN_BACK
    }

    /** A receipt for a message the board is done with at once (a probe, a message it dropped on purpose). */
    DeliveryReceipt SAFE_NOW = new DeliveryReceipt() {
        @Override
        public State awaitSafe(long timeoutMs) {
            return State.SAFE;
        }

        @Override
        public void giveBack() {
            // Nothing is held for it.
        }
    };

    /**
     * Waits up to {@code timeoutMs} for the message to become safe to acknowledge.
     *
     * @throws InterruptedException
     *             when the delivery thread is interrupted (the client is shutting down); the caller
     *             then gives the message back
     */
    State awaitSafe(long timeoutMs) throws InterruptedException;

    /**
     * The connection that delivered the message is gone before it was safe: the broker will deliver it
     * again, so the board forgets it (its relayed copy, if not yet published, is withdrawn).
     */
    void giveBack();
}
