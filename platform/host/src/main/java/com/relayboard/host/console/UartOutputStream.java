package com.relayboard.host.console;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The board's serial console as the host sees it: a UART that sends {@code baud / 10} bytes a second
 * (8N1: a start bit, eight data bits, a stop bit), so that whoever prints waits as long as on the board.
 * At 115,200 baud a short {@code New message} line takes about 5 ms and one with 1 KiB of payload about
 * 90 ms: a firmware that prints on its message path is as slow on the desktop as it would be on the
 * device, and a test or a benchmark shows it.
 *
 * <p>The bytes go to the wrapped stream at once; the writer is then held until the UART would have
 * sent them. Writes from several threads queue behind each other, as on one UART.
 */
public final class UartOutputStream extends OutputStream {

    /** The console of MicroEJ's ESP32 VEE Ports: 115,200 baud, 8N1. */
    public static final int BOARD_BAUD = 115200;
    /** Bits on the wire for each byte in 8N1. */
    static final int BITS_PER_BYTE = 10;

    private final OutputStream wire;
    private final long nanosPerByte;
    /** When the UART has sent everything written so far (System.nanoTime). */
    private long idleAtNanos = System.nanoTime();

    public UartOutputStream(OutputStream wire, int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        this.wire = wire;
        this.nanosPerByte = 1_000_000_000L * BITS_PER_BYTE / baud;
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
        long waitNanos;
        while ((waitNanos = this.idleAtNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

    @Override
    public void flush() throws IOException {
        this.wire.flush();
    }

    /** @return how long the UART takes to send {@code bytes}, in nanoseconds */
    public long sendNanos(int bytes) {
        return bytes * this.nanosPerByte;
    }
}
