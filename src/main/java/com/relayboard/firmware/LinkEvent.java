package com.relayboard.firmware;

/**
 * Something the MQTT client or the publisher reported, for the loop to act on. Typed: each kind is a
 * class of its own, which calls its own method of the {@link Handler}.
 */
abstract class LinkEvent {

    /** What the loop does with each kind of event. */
    interface Handler {

        void connectionLost(String reason, boolean closedByBroker);

        void publishRetrying(String topic, String reason);
    }

    /** The next event in the queue, or {@code null}. */
    LinkEvent next;

    abstract void applyTo(Handler handler);

    /** The client reported its connection lost. */
    static final class ConnectionLost extends LinkEvent {

        private final String reason;
        private final boolean closedByBroker;

        ConnectionLost(String reason, boolean closedByBroker) {
            this.reason = reason;
            this.closedByBroker = closedByBroker;
        }

        @Override
        void applyTo(Handler handler) {
            handler.connectionLost(this.reason, this.closedByBroker);
        }
    }

    /** A publish failed; the message stays queued for the next connection. */
    static final class PublishRetrying extends LinkEvent {

        private final String topic;
        private final String reason;

        PublishRetrying(String topic, String reason) {
            this.topic = topic;
            this.reason = reason;
        }

        @Override
        void applyTo(Handler handler) {
            handler.publishRetrying(this.topic, this.reason);
        }
    }
}
