package com.relayboard.firmware.relay;

/** A rule table the board will not relay by, with one line naming the rule and what is wrong with it. */
public final class RuleRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    public RuleRefusal(String message) {
        super(message);
    }
}
