package com.relayboard.firmware;

import java.io.PrintStream;

import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.ui.Console;
import com.relayboard.firmware.util.Ring;

/**
 * The serial console, kept off the message path and bounded in what it costs the board.
 *
 * <p><b>Encoding.</b> Lines go out as UTF-8 bytes, encoded here ({@link Utf8}) and written raw, whatever the
 * VM's default: MicroEJ's {@code System.out} encodes ISO-8859-1, which has no Chinese (docs
 * {@code characterEncoding.rst}), and a UTF-8 terminal is what the tutorials' readers have.
 *
 * <p><b>Cost.</b> On the board {@code System.out} is a UART at {@link #UART_BAUD} (8N1: {@link #UART_BYTES_PER_S}
 * bytes a second), and each byte past its 128-byte FIFO holds the whole VM, every Java thread, about 87 us
 * (README, "The console's cost is bounded"). So message lines may spend at most {@link #BUDGET_PERCENT} % of the
 * UART's time, {@link #BUDGET_BYTES_PER_S} bytes a second, with a burst of {@link #BUDGET_BURST_BYTES}
 * ({@link ConsoleBudget}, on the board's monotonic clock). A message line beyond that share is skipped and
 * counted; once the burst is over (the budget full again), and every {@link #SKIPS_SAID_EVERY_MS} while one
 * lasts, one line says how many.
 * A quiet board prints every line. State lines and notices are never skipped for the budget: they take their
 * bytes from it too, even into debt, and message lines wait for the debt to be paid.
 *
 * <p><b>Memory.</b> Lines wait in a bounded buffer for one thread of the console's own, which writes them out at
 * the UART's pace; {@link #println(String)} never waits. The bound is on lines and on bytes, so that a burst of
 * long lines takes no more memory than one of short ones, and message lines leave {@link #RESERVED_LINES} and
 * {@link #RESERVED_BYTES} of it to the others: only a buffer full of state lines (a UART that stopped) skips one.
 *
 * <p>Lifecycle: not started (lines print at once, on the caller's thread) -> {@link #start()} -> running (lines
 * wait for the writer) -> {@link #stop()} (the waiting lines go out, for up to {@link #DRAIN_MS}) -> stopped
 * (lines print at once again). {@link #step(long)}, on the board's loop, says the skipped lines when due.
 */
final class SerialConsole implements Runnable, Console {

    /** The console UART of MicroEJ's ESP32 VEE Ports. */
    static final int UART_BAUD = 115200;
    /** 8N1: a start bit, eight data bits and a stop bit a byte. */
    static final int UART_BYTES_PER_S = UART_BAUD / 10;
    /** The share of the UART's time message lines may take, in percent. */
    static final int BUDGET_PERCENT = 25;
    /** {@link #BUDGET_PERCENT} of {@link #UART_BYTES_PER_S}: 2,880 bytes a second. */
    static final int BUDGET_BYTES_PER_S = UART_BYTES_PER_S * BUDGET_PERCENT / 100;
    /**
     * Bytes message lines may take at once: one second's share, 250 ms of the UART, about twenty messages of a
     * quiet board arriving together (two lines each). A longer line goes through when the budget is full.
     */
    static final int BUDGET_BURST_BYTES = BUDGET_BYTES_PER_S;
    /** In a burst longer than this, the lines skipped so far are said, in milliseconds. */
    static final long SKIPS_SAID_EVERY_MS = 10000;

    /** Lines waiting at most. */
    static final int MAX_LINES = 64;
    /** Bytes waiting at most (a line alone is always taken into an empty buffer). */
    static final int MAX_BYTES = 16 * 1024;
    /** Lines and bytes that message lines leave free for the others (state changes, notices). */
    static final int RESERVED_LINES = 8;
    static final int RESERVED_BYTES = 2 * 1024;
    /** At {@link #stop()}, how long the waiting lines may take to go out before the board goes on, in ms. */
    static final long DRAIN_MS = 5000;

    private final PrintStream uart;
    private final Clock clock;
    private final ConsoleBudget budget;
    private final Ring<byte[]> lines = new Ring<byte[]>(MAX_LINES);
    private int bytes;
    /** Lines skipped and not said yet, and when the first of them was. */
    private int unsaid;
    private long firstUnsaidMs;
    /** Lines skipped in all. */
    private int skippedTotal;
    private boolean stopped;
    private Thread writer;

    /**
     * @param uart
     *            the board's {@code System.out}: only its raw {@code write} is used
     * @param clock
     *            the board's monotonic clock, which the budget fills on
     */
    SerialConsole(PrintStream uart, Clock clock) {
        this.uart = uart;
        this.clock = clock;
        this.budget = new ConsoleBudget(BUDGET_BYTES_PER_S, BUDGET_BURST_BYTES, clock.nowMs());
    }

    /** Prints {@code line} and a newline as UTF-8 bytes, on the caller's thread: for the board before it runs. */
    static void printUtf8(PrintStream uart, String line) {
        write(uart, encodeLine(line));
    }

    /** A state line or a notice: queued, skipped only when the whole buffer is full; never waits. */
    @Override
    public synchronized void println(String line) {
        offer(encodeLine(line), false);
    }

    /** A message's line: queued if the budget and the buffer have room for it, else skipped; never waits. */
    synchronized void printlnMessage(String line) {
        offer(encodeLine(line), true);
    }

    private void offer(byte[] line, boolean message) {
        if (this.writer == null) {
            write(this.uart, line); // Not started, or stopped: nothing else is printing.
            return;
        }
        long nowMs = this.clock.nowMs();
        if (message) {
            if (!hasRoom(line.length, MAX_LINES - RESERVED_LINES, MAX_BYTES - RESERVED_BYTES)
                    || !this.budget.take(line.length, nowMs)) {
                skip(1, nowMs);
                return;
            }
        } else {
            if (!hasRoom(line.length, MAX_LINES, MAX_BYTES)) {
                skip(1, nowMs);
                return;
            }
            this.budget.charge(line.length, nowMs);
        }
        this.lines.offer(line);
        this.bytes += line.length;
        notifyAll();
    }

    private boolean hasRoom(int lineBytes, int maxLines, int maxBytes) {
        return this.lines.size() < maxLines && (this.lines.size() == 0 || lineBytes <= maxBytes - this.bytes);
    }

    /**
     * @return whether a message line of at least {@code bytes} bytes would be taken now
     *         ({@link #printlnMessage(String)}): a caller can spare itself building a line that would only be
     *         skipped (and then calls {@link #skip(int)})
     */
    synchronized boolean hasRoomForMessage(int bytes) {
        return this.writer == null || (hasRoom(bytes, MAX_LINES - RESERVED_LINES, MAX_BYTES - RESERVED_BYTES)
                && this.budget.has(bytes + 1, this.clock.nowMs()));
    }

    /** Counts message lines that were never made, because the board could not show them: said with the others. */
    synchronized void skip(int count) {
        skip(count, this.clock.nowMs());
    }

    private void skip(int count, long nowMs) {
        if (this.unsaid == 0) {
            this.firstUnsaidMs = nowMs;
        }
        this.unsaid += count;
        this.skippedTotal += count;
    }

    /**
     * On the board's loop: says the skipped lines once the burst is over (the budget is full again), or when
     * they have waited {@link #SKIPS_SAID_EVERY_MS}. Never waits.
     */
    synchronized void step(long nowMs) {
        if (this.unsaid > 0 && (this.budget.isFull(nowMs) || nowMs - this.firstUnsaidMs >= SKIPS_SAID_EVERY_MS)) {
            sayUnsaid();
        }
    }

    /** @return when {@link #step(long)} next has something to do, in clock milliseconds, or {@link Long#MAX_VALUE} */
    synchronized long nextActionMs(long nowMs) {
        if (this.unsaid == 0) {
            return Long.MAX_VALUE;
        }
        return Math.min(this.budget.fullAtMs(nowMs), this.firstUnsaidMs + SKIPS_SAID_EVERY_MS);
    }

    private void sayUnsaid() {
        int count = this.unsaid;
        long firstMs = this.firstUnsaidMs;
        this.unsaid = 0;
        int before = this.skippedTotal;
        offer(encodeLine("Console: skipped " + count + " message line(s) (console budget " + BUDGET_PERCENT
                + " % of " + UART_BAUD + " baud); the counters count every message"), false);
        if (this.skippedTotal != before) {
            // The buffer is full (the UART stopped): the count stays to be said, with the line just skipped.
            this.skippedTotal = before;
            this.unsaid = count;
            this.firstUnsaidMs = firstMs;
        }
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

    /**
     * Lets the waiting lines go out, for up to {@link #DRAIN_MS}, stops the writer, then says the lines skipped and
     * not said yet.
     */
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
            if (this.unsaid > 0) {
                sayUnsaid(); // Printed at once, now that the writer is gone.
            }
        }
    }

    /** @return lines waiting for the writer */
    synchronized int waitingLines() {
        return this.lines.size();
    }

    /** @return the writer thread, or {@code null} when not started */
    synchronized Thread writerThread() {
        return this.writer;
    }

    @Override
    public void run() {
        while (true) {
            byte[] line;
            synchronized (this) {
                while (this.lines.size() == 0 && !this.stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Not a reason to go silent: the writer ends only through stop().
                    }
                }
                if (this.lines.size() == 0) {
                    return; // Stopped, and everything is out.
                }
                line = this.lines.poll();
                this.bytes -= line.length;
            }
            // Outside the lock: the UART takes its time, and lines keep coming meanwhile.
            write(this.uart, line);
        }
    }

    /** @return {@code line} and a newline, in UTF-8: the bytes that go on the wire, and that the budget counts */
    private static byte[] encodeLine(String line) {
        return Utf8.encode(line + "\n");
    }

    /**
     * The bytes as they are, in one write, so that nothing printed beside the console lands inside a line:
     * {@code println} would encode the text again, as ISO-8859-1.
     */
    private static void write(PrintStream uart, byte[] line) {
        uart.write(line, 0, line.length);
        uart.flush();
    }
}
