package com.relayboard.firmware.path;

import com.relayboard.firmware.net.DeliveryReceipt;

/**
 * One relayed message's receipt: what the delivery thread that received the message waits on (see
 * {@link DeliveryReceipt}) until the message may be acknowledged. Only that thread calls {@link #awaitSafe(long)}
 * and {@link #giveBack()}, so the state needs no lock; the outbox settles the copy from other threads, under the
 * outbox's monitor, which is also what {@link Outbox#awaitSettled} waits on.
 *
 * <p><b>The give-back path, in one place.</b> A connection given up while copies wait: the delivery thread's lane
 * ({@code net.PahoLane}) sees its connection gone and calls {@link #giveBack()}; a copy not yet published is
 * withdrawn from the outbox ({@link Outbox#withdraw}), and the message is not acknowledged: the broker delivers it
 * again. A copy the outbox withdrew itself (the board stops) ends here the same way, through
 * {@link OutgoingMessage.Outcome#WITHDRAWN}. A publisher stuck on the connection given up is the outbox's
 * business ({@link Outbox.PublisherState}): whatever its publish does later no longer counts.
 *
 * <pre>
 *   REPORTING --the relay reported to the loop (once, before the copy's publish)--&gt; QUEUING
 *   QUEUING --copy published here or queued, QoS 1--&gt; AWAITING_ACK
 *      |-----copy handed over, QoS 0 (the broker would not deliver it again anyway)--&gt; SAFE
 *      |-----no room in the outbox yet--&gt; QUEUING (the delivery thread checks its connection, then again)
 *      +-----the outbox is stopped--&gt; GIVEN_BACK
 *   AWAITING_ACK --copy published, or dropped on purpose (counted and said)--&gt; SAFE
 *      |----------not yet--&gt; AWAITING_ACK
 *      +----------copy withdrawn--&gt; GIVEN_BACK
 *   REPORTING, QUEUING, AWAITING_ACK --giveBack(): connection gone, or the board stops--&gt; GIVEN_BACK
 * </pre>
 */
final class RelayReceipt implements DeliveryReceipt {

    /** Where the receipt is; see the class comment for the transitions. */
    enum State {
        /** The relay is decided, not yet said. */
        REPORTING,
        /** The copy waits for the outbox to take it (published at once, or queued). */
        QUEUING,
        /** The copy is in the outbox; its original waits for the broker's acknowledgement of it. */
        AWAITING_ACK,
        /** The original may be acknowledged. */
        SAFE,
        /** The original must not be acknowledged: the broker delivers it again. */
        GIVEN_BACK
    }

    private final MessagePath path;
    private final Outbox outbox;
    private final OutgoingMessage copy;
    private final MessageReport report;
    private State state = State.REPORTING;

    RelayReceipt(MessagePath path, Outbox outbox, OutgoingMessage copy, MessageReport report) {
        this.path = path;
        this.outbox = outbox;
        this.copy = copy;
        this.report = report;
    }

    /** @return where the receipt is now */
    State state() {
        return this.state;
    }

    /** The step: moves the receipt on as far as it can, waiting at most {@code timeoutMs} once. */
    @Override
    public DeliveryReceipt.State awaitSafe(long timeoutMs) throws InterruptedException {
        switch (this.state) {
        case REPORTING:
            // Said once the relay is decided, before the copy's publish: a hop's line then always comes before the
            // next hop's, whose message can only arrive once this copy is out. The loop shows it later; nothing
            // here waits for the console.
            this.path.events().report(this.report);
            this.state = State.QUEUING;
            return awaitSafe(timeoutMs);
        case QUEUING:
            if (!this.outbox.send(this.copy, timeoutMs)) {
                return this.outbox.isStopped() ? giveBackNow() : DeliveryReceipt.State.WAITING;
            }
            if (!this.copy.holdsAcknowledgement()) {
                this.state = State.SAFE;
                return DeliveryReceipt.State.SAFE;
            }
            this.state = State.AWAITING_ACK;
            return awaitSafe(timeoutMs);
        case AWAITING_ACK:
            switch (this.outbox.awaitSettled(this.copy, timeoutMs)) {
            case PENDING:
                return DeliveryReceipt.State.WAITING;
            case WITHDRAWN:
                return giveBackNow();
            default:
                this.state = State.SAFE; // Published, or dropped on purpose (counted and said).
                return DeliveryReceipt.State.SAFE;
            }
        case SAFE:
            return DeliveryReceipt.State.SAFE;
        default:
            return DeliveryReceipt.State.GIVEN_BACK;
        }
    }

    @Override
    public void giveBack() {
        switch (this.state) {
        case REPORTING:
        case QUEUING:
            giveBackNow();
            break;
        case AWAITING_ACK:
            // Published meanwhile: too late to give back, and no need.
            if (this.outbox.withdraw(this.copy) || this.copy.outcome() == OutgoingMessage.Outcome.WITHDRAWN) {
                giveBackNow();
            }
            break;
        default:
            break;
        }
    }

    private DeliveryReceipt.State giveBackNow() {
        if (this.state == State.GIVEN_BACK) {
            return DeliveryReceipt.State.GIVEN_BACK;
        }
        this.state = State.GIVEN_BACK;
        if (this.copy.holdsAcknowledgement()) {
            this.path.countGivenBack(this.copy.ruleNumber());
        } else {
            // A QoS 0 message is never delivered again: one that could not be queued is lost.
            this.path.lostBeforeQueued(this.report, this.copy);
        }
        return DeliveryReceipt.State.GIVEN_BACK;
    }
}
