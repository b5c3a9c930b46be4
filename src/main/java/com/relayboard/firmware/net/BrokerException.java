package com.relayboard.firmware.net;

/** A failed broker operation, with a reason a person can act on. */
public final class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean refused;
    private boolean busy;

    /**
     * @param refused
     *            whether the broker answered and said no (credentials, authorisation, client id), as
     *            opposed to not being reachable at all
     */
    public BrokerException(String reason, boolean refused) {
        super(reason);
        this.refused = refused;
    }

    public boolean isRefused() {
        return this.refused;
    }

    /**
     * @return a publish the client turned away because its window of publishes in progress is full: the
     *         link is fine, and the same publish goes through a moment later
     */
    public static BrokerException busy(String reason) {
        BrokerException e = new BrokerException(reason, false);
        e.busy = true;
        return e;
    }

    public boolean isBusy() {
        return this.busy;
    }
}
