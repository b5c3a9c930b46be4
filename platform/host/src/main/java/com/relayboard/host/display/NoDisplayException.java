package com.relayboard.host.display;

/** Thrown by {@code Display.getDisplay()} on a board that has no display. */
public final class NoDisplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoDisplayException(String board) {
        super("MicroUI: " + board + " has no display");
    }
}
