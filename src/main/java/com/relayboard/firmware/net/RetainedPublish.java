package com.relayboard.firmware.net;

/**
 * A retained QoS 1 publish of the board's own (its status, its LED state), on the network worker (never on the
 * loop: it waits for the broker's acknowledgement), tried again while the client says it is busy: the relay's
 * publishes may hold the client's window for a moment, and a status line must not fail for that.
 */
public final class RetainedPublish {

    /** Tries while the client says it is busy, a millisecond apart. */
    static final int BUSY_ATTEMPTS = 100;
    private static final int QOS = 1;

    private RetainedPublish() {
    }

    public static void publish(BrokerSession session, String topic, byte[] payload) throws BrokerException {
        for (int attempt = 1;; attempt++) {
            try {
                session.publish(topic, payload, QOS, true);
                return;
            } catch (BrokerException e) {
                if (!e.isBusy() || attempt == BUSY_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
