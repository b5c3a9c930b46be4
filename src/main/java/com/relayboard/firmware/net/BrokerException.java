package com.relayboard.firmware.net;

/** A failed broker operation, with a reason a person can act on. */
public final class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

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
}
