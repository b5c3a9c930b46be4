package com.relayboard.host.console;

import java.util.concurrent.locks.LockSupport;

import com.relayboard.host.threads.BoardThreads;

/**
 * The whole board standing still while its UART sends, as on the device: MicroEJ's Core Engine runs every Java
 * thread as a green thread in one RTOS task, and the ESP32 ports print each character with the ROM's
 * {@code ets_write_char_uart}, which waits in that task for room in the UART's 128-byte FIFO. So while the FIFO is
 * full no Java thread of the board runs, the printing one included (docs/api-evidence.md, "The console's UART").
 *
 * <p>{@link UartOutputStream} charges its bytes here: {@link #stallBoardUntil(long)} sets when the board may go on.
 * {@link BoardSafepoints} makes the board's code call {@link #safepoint()} at every method entry and loop back-edge:
 * a volatile read while nothing is stalled; while a stall lasts, a thread of a board's {@link BoardThreads} group
 * parks there until it is over. Threads of the host itself (the tests, the room's broker, the LCD writer) never do.
 * A board thread inside host or JDK code (a socket read, the host's display) stops at its next safepoint in the
 * board's code: the host cannot stop it mid-call, which is the one way it is kinder than the device.
 */
public final class UartStall {

    /** Whether a stall may be in progress: the one thing a safepoint reads while the board runs freely. */
    private static volatile boolean stalling;
    /** When the current stall ends (System.nanoTime); meaningful while {@link #stalling}. */
    private static volatile long untilNanos;
    /** Nanoseconds of stall charged in all (overlaps counted once). Guarded by the class. */
    private static long stalledNanos;

    private UartStall() {
    }

    /** Called by the board's code (see {@link BoardSafepoints}); returns at once unless the UART holds the board. */
    public static void safepoint() {
        if (stalling) {
            parkIfBoardThread();
        }
    }

    private static void parkIfBoardThread() {
        if (!BoardThreads.isBoardThread(Thread.currentThread())) {
            return;
        }
        long waitNanos;
        while (stalling && (waitNanos = untilNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

    /**
     * Holds every board thread, at its next safepoint, until {@code endNanos} (System.nanoTime), or longer if a stall
     * already lasts longer.
     */
    static synchronized void stallBoardUntil(long endNanos) {
        long now = System.nanoTime();
        if (endNanos <= now) {
            return;
        }
        long from = stalling && untilNanos > now ? untilNanos : now;
        if (endNanos > from) {
            stalledNanos += endNanos - from;
            untilNanos = endNanos;
        }
        stalling = true;
    }

    /** Ends the stall once its time is over, so that safepoints go back to one volatile read. */
    static synchronized void endIfOver() {
        if (stalling && untilNanos - System.nanoTime() <= 0) {
            stalling = false;
        }
    }

    /** @return whether the board is held now */
    public static boolean stalled() {
        return stalling && untilNanos - System.nanoTime() > 0;
    }

    /** @return how long the UART has held the board in all, in nanoseconds */
    public static synchronized long stalledNanos() {
        return stalledNanos;
    }

    /** @return whether the board's code has safepoints in this JVM (the agent rewrote it as it loaded) */
    public static boolean enforced() {
        return BoardSafepoints.installed();
    }

    /** @return why {@link #enforced()} is false, or {@code null} */
    public static String notEnforcedBecause() {
        return BoardSafepoints.failure();
    }
}
