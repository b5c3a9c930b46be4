package com.relayboard.firmware.path;

/**
 * The message path's counts, kept so that at any moment
 * {@code received == relayed + dropped + inFlight}. A message that went back to the broker (its
 * connection was lost before it was safe) no longer counts as received: the broker delivers it again,
 * and it is received then. Written by the delivery and publisher threads, read by anyone.
 */
public final class RelayCounters {

    private int taken;
    private int relayed;
    private int dropped;
    private int givenBack;
    /**
     * Messages (probes included) and publish acknowledgements: anything heard from the broker. Counted here, under
     * the counters' monitor, rather than under a monitor of the path's own.
     */
    private int heard;

    /** A message on a relay rule's source was taken. */
    synchronized void countHeard() {
        this.heard++;
    }

    /** @return how many times the broker was heard: a change means the link is alive */
    synchronized int heard() {
        return this.heard;
    }

    /**
     * Messages on a subscription that no rule takes any more (a source a new rule table left out): shown, not relayed,
     * and not among {@link #received()}.
     */
    private int unmatched;

    synchronized void countUnmatched() {
        this.unmatched++;
    }

    /** @return messages that came on a source no rule has any more: shown, not relayed */
    public synchronized int unmatched() {
        return this.unmatched;
    }

    synchronized void countTaken() {
        this.taken++;
    }

    synchronized void countRelayed() {
        this.relayed++;
    }

    synchronized void countDropped() {
        this.dropped++;
    }

    synchronized void countGivenBack() {
        this.givenBack++;
    }

    /** @return messages on relay sources the board took and did not give back */
    public synchronized int received() {
        return this.taken - this.givenBack;
    }

    public synchronized int relayed() {
        return this.relayed;
    }

    public synchronized int dropped() {
        return this.dropped;
    }

    /** @return messages given back to the broker unacknowledged, to be delivered again */
    public synchronized int givenBack() {
        return this.givenBack;
    }

    /** @return {received, relayed, dropped, inFlight}, taken at one moment */
    public synchronized int[] snapshot() {
        int received = this.taken - this.givenBack;
        return new int[] { received, this.relayed, this.dropped, received - this.relayed - this.dropped };
    }
}
