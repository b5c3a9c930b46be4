package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * A console that can be held, as a UART is while it sends: whoever prints a line waits until it is
 * released. Keeps what was printed.
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
        return this.bytes.toString();
    }

    @Override
    public synchronized void println(String line) {
        while (this.held) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        super.println(line);
    }
}
