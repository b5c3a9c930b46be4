package com.relayboard.firmware.path;

import java.util.ArrayList;
import java.util.List;
import com.relayboard.firmware.path.OutgoingMessage;

/** Records what the outbox reports, on its publisher thread. */
public final class RecordingOutboxListener implements OutboxListener {

    /** One failure report. */
    public static final class Failure {
        public final OutgoingMessage message;
        public final String reason;
        public final boolean dropped;

        Failure(OutgoingMessage message, String reason, boolean dropped) {
            this.message = message;
            this.reason = reason;
            this.dropped = dropped;
        }
    }

    private final List<OutgoingMessage> published = new ArrayList<OutgoingMessage>();
    private final List<Failure> failures = new ArrayList<Failure>();

    @Override
    public synchronized void published(OutgoingMessage message) {
        this.published.add(message);
    }

    @Override
    public synchronized void publishFailed(OutgoingMessage message, String reason, boolean dropped) {
        this.failures.add(new Failure(message, reason, dropped));
    }

    public synchronized List<OutgoingMessage> published() {
        return new ArrayList<OutgoingMessage>(this.published);
    }

    public synchronized List<Failure> failures() {
        return new ArrayList<Failure>(this.failures);
    }

    public synchronized int publishedCount() {
        return this.published.size();
    }

    public synchronized int failureCount() {
        return this.failures.size();
    }
}
