package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * A console that can be held, as a UART is while it sends: whoever writes waits until it is released. Keeps
 * what was written, and reads it as UTF-8, as a terminal on the board's UART would.
 */
final class HeldConsole extends PrintStream {

    private final ByteArrayOutputStream bytes;
    private boolean held;

    /** @param held whether it starts held */
    HeldConsole(boolean held) {
        this(new ByteArrayOutputStream(), held);
    }

    private HeldConsole(ByteArrayOutputStream bytes, boolean held) {
        super(bytes, true);
        this.bytes = bytes;
        this.held = held;
    }

    synchronized void hold() {
        this.held = true;
    }

    synchronized void release() {
        this.held = false;
        notifyAll();
    }

    synchronized String text() {
        try {
            return this.bytes.toString("UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int length) {
        while (this.held) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        super.write(buffer, offset, length);
    }
}
