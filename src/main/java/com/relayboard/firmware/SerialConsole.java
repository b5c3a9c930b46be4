package com.relayboard.firmware;

import java.io.PrintStream;

import com.relayboard.firmware.ui.Console;

/**
 * The serial console, kept off the message path. On the board {@code System.out} is a UART at
 * 115,200 baud (8N1: 11,520 bytes/s, about 5 ms for a short {@code New message} line and 90 ms for one
 * with 1 KiB of payload), far slower than messages can come. So lines wait in a bounded buffer, and
 * one thread of the console's own writes them out at the UART's pace; {@link #println(String)} never
 * waits. When the buffer is full a line is skipped, and where lines were skipped the console prints
 * one line that says how many.
 *
 * <p>The bound is on lines and on characters, so that a burst of long lines takes no more memory than
 * one of short ones.
 */
final class SerialConsole implements Runnable, Console {

    /** Lines waiting at most. */
    static final int MAX_LINES = 64;
    /** Characters waiting at most (a line alone is always taken into an empty buffer). */
    static final int MAX_CHARS = 16 * 1024;
    /**
     * Lines and characters that message lines leave free for the others (state changes, notices): a burst of
     * messages never hides that the board reconnected.
     */
    static final int RESERVED_LINES = 8;
    static final int RESERVED_CHARS = 2 * 1024;
    /** At {@link #stop()}, how long the waiting lines may take to go out before the board goes on. */
    static final long DRAIN_MS = 5000;

    private final PrintStream uart;
    private final String[] lines = new String[MAX_LINES];
    /** For each waiting line, how many lines were skipped just before it. */
    private final int[] skippedBefore = new int[MAX_LINES];
    private int head;
    private int size;
    private int chars;
    /** Lines skipped since the last one taken. */
    private int skipped;
    /** Lines skipped in all. */
    private int skippedTotal;
    private boolean stopped;
    private Thread writer;

    SerialConsole(PrintStream uart) {
        this.uart = uart;
    }

    /** Queues a line for the UART, or skips it when the whole buffer is full; never waits. */
    @Override
    public synchronized void println(String line) {
        offer(line, MAX_LINES, MAX_CHARS);
    }

    /**
     * Queues a message's line, or skips it when only the room kept for the other lines is left
     * ({@link #RESERVED_LINES}); never waits.
     */
    synchronized void printlnMessage(String line) {
        offer(line, MAX_LINES - RESERVED_LINES, MAX_CHARS - RESERVED_CHARS);
    }

    private void offer(String line, int maxLines, int maxChars) {
        if (this.writer == null) {
            this.uart.println(line); // Not started, or stopped: nothing else is printing.
            return;
        }
        if (this.size >= maxLines || (this.size > 0 && line.length() > maxChars - this.chars)) {
            skip(1);
            return;
        }
        int at = (this.head + this.size) % MAX_LINES;
        this.lines[at] = line;
        this.skippedBefore[at] = this.skipped;
        this.skipped = 0;
        this.size++;
        this.chars += line.length();
        notifyAll();
    }

    /**
     * @return whether a message line of about {@code chars} characters would be taken now
     *         ({@link #printlnMessage(String)}): a caller can spare itself building a line that would only be
     *         skipped (and then calls {@link #skip(int)})
     */
    synchronized boolean hasRoomForMessage(int chars) {
        return this.writer == null || (this.size < MAX_LINES - RESERVED_LINES
                && (this.size == 0 || chars <= MAX_CHARS - RESERVED_CHARS - this.chars));
    }

    /** Counts lines that were never made, because the board could not show them: said with the others. */
    synchronized void skip(int count) {
        this.skipped += count;
        this.skippedTotal += count;
        notifyAll();
    }

    /** @return lines skipped since the start */
    synchronized int skippedLines() {
        return this.skippedTotal;
    }

    /** Starts the writer thread. */
    synchronized void start() {
        this.writer = new Thread(this, "relayboard-console");
        this.writer.start();
    }

    /** Lets the waiting lines go out, for up to {@link #DRAIN_MS}, then stops the writer. */
    void stop() {
        Thread running;
        synchronized (this) {
            this.stopped = true;
            running = this.writer;
            notifyAll();
        }
        ThreadEnd.await(running, DRAIN_MS); // bounded, on proven members (Thread.join(long) is not established)
        synchronized (this) {
            this.writer = null;
        }
    }

    /** @return the writer thread, or {@code null} when not started */
    synchronized Thread writerThread() {
        return this.writer;
    }

    @Override
    public void run() {
        while (true) {
            String line;
            int skippedFirst;
            synchronized (this) {
                while (this.size == 0 && this.skipped == 0 && !this.stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Not a reason to go silent: the writer ends only through stop().
                    }
                }
                if (this.size == 0 && this.skipped == 0) {
                    return; // Stopped, and everything is out.
                }
                if (this.size > 0) {
                    line = this.lines[this.head];
                    skippedFirst = this.skippedBefore[this.head];
                    this.lines[this.head] = null;
                    this.head = (this.head + 1) % MAX_LINES;
                    this.size--;
                    this.chars -= line.length();
                } else {
                    line = null;
                    skippedFirst = this.skipped;
                    this.skipped = 0;
                }
            }
            // Outside the lock: the UART takes its time, and lines keep coming meanwhile.
            if (skippedFirst > 0) {
                this.uart.println("(" + skippedFirst + " console line(s) skipped: messages came faster than the"
                        + " console prints them; the counters count every message)");
            }
            if (line != null) {
                this.uart.println(line);
            }
        }
    }
}
