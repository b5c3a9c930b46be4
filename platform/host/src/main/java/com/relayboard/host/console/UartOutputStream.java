package com.relayboard.host.console;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The board's serial console as the host sees it: a UART that sends {@code baud / 10} bytes a second (8N1: a start
 * bit, eight data bits, a stop bit) through a {@link #FIFO_BYTES}-byte transmit FIFO, as the ESP32's.
 *
 * <p>What waits, as on the device: a write puts its bytes in the FIFO as room comes, and returns once the last one
 * is in. The first {@link #FIFO_BYTES} bytes written to an idle UART go in at once; past that, each byte waits for
 * one to leave, about 86.8 us at 115,200 baud. On the device that wait is a busy loop inside the one RTOS task that
 * runs every Java thread, so the whole board waits: here the writer waits, and the same stretch is charged to
 * {@link UartStall}, where every board thread stops at its next safepoint. A short line on an idle UART costs
 * nothing; a 1 KiB line holds the board about 78 ms.
 *
 * <p>The bytes go to the wrapped stream at once. Writes from several threads queue behind each other, as on one
 * UART.
 */
public final class UartOutputStream extends OutputStream {

    /** The console of MicroEJ's ESP32 VEE Ports: 115,200 baud, 8N1. */
    public static final int BOARD_BAUD = 115200;
    /** Bits on the wire for each byte in 8N1. */
    static final int BITS_PER_BYTE = 10;
    /** The ESP32 UART's transmit FIFO, in bytes (docs/api-evidence.md, "The console's UART"). */
    public static final int FIFO_BYTES = 128;

    private final OutputStream wire;
    private final long nanosPerByte;
    private final boolean stallsBoard;
    /** When the UART has sent everything written so far (System.nanoTime). */
    private long idleAtNanos = System.nanoTime();

    /** The board's UART: its waits hold every board thread ({@link UartStall}). */
    public UartOutputStream(OutputStream wire, int baud) {
        this(wire, baud, true);
    }

    /**
     * @param stallsBoard
     *            whether a wait holds the whole board, as on the device, or only the writer
     */
    public UartOutputStream(OutputStream wire, int baud, boolean stallsBoard) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        this.wire = wire;
        this.nanosPerByte = 1_000_000_000L * BITS_PER_BYTE / baud;
        this.stallsBoard = stallsBoard;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        this.wire.write(b, off, len);
        this.wire.flush();
        long now = System.nanoTime();
        this.idleAtNanos = Math.max(now, this.idleAtNanos) + len * this.nanosPerByte;
        long lastInNanos = lastByteInFifoNanos(this.idleAtNanos, this.nanosPerByte);
        if (lastInNanos - now <= 0) {
            return; // It all fits in the FIFO.
        }
        if (this.stallsBoard) {
            UartStall.stallBoardUntil(lastInNanos);
        }
        long waitNanos;
        while ((waitNanos = lastInNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNanos);
        }
        if (this.stallsBoard) {
            UartStall.endIfOver();
        }
    }

    /**
     * @return when the last byte written gets into the FIFO, for a UART that is idle at {@code idleAtNanos}: when
     *         no more than {@link #FIFO_BYTES} bytes are left to send, itself included
     */
    static long lastByteInFifoNanos(long idleAtNanos, long nanosPerByte) {
        return idleAtNanos - FIFO_BYTES * nanosPerByte;
    }

    @Override
    public void flush() throws IOException {
        this.wire.flush();
    }

    /** @return how long the UART takes to send {@code bytes}, in nanoseconds */
    public long sendNanos(int bytes) {
        return bytes * this.nanosPerByte;
    }

    /** @return how long writing {@code bytes} at once to an idle UART holds the writer (and the board), in ns */
    public long holdNanos(int bytes) {
        return Math.max(0, (bytes - FIFO_BYTES) * this.nanosPerByte);
    }
}
