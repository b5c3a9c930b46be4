package com.relayboard.firmware;

import java.io.PrintStream;

import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.ui.Console;

/**
 * The serial console, bounded in what it costs the board.
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
 * <p><b>No thread of its own.</b> A line goes out at once, on the thread that says it: the loop for the message
 * lines it takes from its events, whoever says them for state lines and notices. A writer thread would spare the
 * caller nothing on the board, where the UART's wait holds every thread alike (MicroEJ runs them all in one RTOS
 * task, and the ESP32 ports' putchar waits in it); it would only cost a thread's stack, a buffer of lines and a
 * {@code wait()}. The budget, not a thread, is what bounds the console's cost. A caller waits for the UART, and
 * at most for another thread's line to go out first; never for anything else.
 *
 * <p>No lifecycle: the console is ready once built. {@link #step(long)}, on the board's loop, says the skipped
 * lines when due; {@link #saySkipped()}, at the board's stop, says the rest at once.
 */
final class SerialConsole implements Console {

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

    private final PrintStream uart;
    private final Clock clock;
    /**
     * Lock: this console's monitor guards the budget, the unsaid count and the UART's writes. It must be a lock: a
     * line's bytes must not interleave with another thread's ({@link #write}), and a line's budget check and its
     * charge are one check-then-act with every other thread's lines. Taken in {@link #send}, {@link #hasRoomForMessage},
     * {@link #skip(int)}, {@link #nextActionMs} and {@link #takeUnsaid} only.
     */
    private final ConsoleBudget budget;
    /** Lines skipped and not said yet, and when the first of them was. */
    private int unsaid;
    private long firstUnsaidMs;
    /** Lines skipped in all: incremented under the lock, volatile for readers on any thread (status, telemetry). */
    private volatile int skippedTotal;

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

    /** A state line or a notice: printed now, never skipped; its bytes count against the budget. */
    @Override
    public void println(String line) {
        send(encodeLine(line), false);
    }

    /** A message's line: printed now if the budget has room for it, else skipped and counted. */
    void printlnMessage(String line) {
        send(encodeLine(line), true);
    }

    /**
     * Every line's way out (encoded before, outside the lock): a message line is written if the budget has room,
     * else skipped and counted; any other line is written and charged, even into debt.
     */
    private synchronized void send(byte[] bytes, boolean message) {
        long nowMs = this.clock.nowMs();
        if (!message) {
            this.budget.charge(bytes.length, nowMs);
        } else if (!this.budget.take(bytes.length, nowMs)) {
            count(1, nowMs);
            return;
        }
        write(this.uart, bytes);
    }

    /**
     * @return whether a message line of at least {@code bytes} bytes would be printed now
     *         ({@link #printlnMessage(String)}): a caller can spare itself building a line that would only be
     *         skipped (and then calls {@link #skip(int)})
     */
    synchronized boolean hasRoomForMessage(int bytes) {
        return this.budget.has(bytes + 1, this.clock.nowMs());
    }

    /** Counts message lines that were never made, because the board could not show them: said with the others. */
    synchronized void skip(int count) {
        count(count, this.clock.nowMs());
    }

    /** With the lock held. */
    private void count(int count, long nowMs) {
        if (this.unsaid == 0) {
            this.firstUnsaidMs = nowMs;
        }
        this.unsaid += count;
        this.skippedTotal += count;
    }

    /**
     * On the board's loop: says the skipped lines once the burst is over (the budget is full again), or when
     * they have waited {@link #SKIPS_SAID_EVERY_MS}. Waits for nothing but the UART.
     */
    void step(long nowMs) {
        saySkipped(takeUnsaid(nowMs, false));
    }

    /** @return when {@link #step(long)} next has something to do, in clock milliseconds, or {@link Long#MAX_VALUE} */
    synchronized long nextActionMs(long nowMs) {
        return dueAtMs(nowMs);
    }

    /** With the lock held. Due when the budget is full again ({@code fullAtMs} is now then), or after the wait. */
    private long dueAtMs(long nowMs) {
        if (this.unsaid == 0) {
            return Long.MAX_VALUE;
        }
        return Math.min(this.budget.fullAtMs(nowMs), this.firstUnsaidMs + SKIPS_SAID_EVERY_MS);
    }

    /**
     * Says the lines skipped and not said yet, if any, at once: {@link #step(long)} does when due, and the board at
     * its stop, after which no step will.
     */
    void saySkipped() {
        saySkipped(takeUnsaid(this.clock.nowMs(), true));
    }

    /** @return the lines skipped and not said yet, now none, if {@code now} or they are due; else 0 */
    private synchronized int takeUnsaid(long nowMs, boolean now) {
        if (!now && dueAtMs(nowMs) > nowMs) {
            return 0;
        }
        int count = this.unsaid;
        this.unsaid = 0;
        return count;
    }

    private void saySkipped(int count) {
        if (count > 0) {
            println("Console: skipped " + count + " message line(s) (console budget " + BUDGET_PERCENT + " % of "
                    + UART_BAUD + " baud); the counters count every message");
        }
    }

    /** @return lines skipped since the start */
    int skippedLines() {
        return this.skippedTotal;
    }

    /** @return {@code line} and a newline, in UTF-8: the bytes that go on the wire, and that the budget counts */
    private static byte[] encodeLine(String line) {
        return Utf8.encode(line + "\n");
    }

    /**
     * The bytes as they are, in one write: {@code println} would encode the text again, as ISO-8859-1.
     *
     * <p>The board's callers hold the console's monitor around it, so that two threads' lines never share bytes:
     * a thread switched out in the middle of a line (its bytes go out one by one) would let another's in, and
     * whether the platform's {@code PrintStream} prevents that is not established (docs/api-evidence.md). That
     * lock costs nothing more on the board: while the holder writes past the FIFO, the UART's wait holds the whole
     * VM, so a thread waiting for the lock could not have run meanwhile anyway.
     */
    private static void write(PrintStream uart, byte[] line) {
        uart.write(line, 0, line.length);
        uart.flush();
    }
}
