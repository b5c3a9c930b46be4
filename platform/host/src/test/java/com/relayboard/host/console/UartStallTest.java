package com.relayboard.host.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;

import org.junit.Test;

import com.relayboard.firmware.hostprobe.SpinCounter;
import com.relayboard.host.threads.BoardThreads;

/**
 * The UART holds the whole board, as on the device, and only the board: a board thread counting in a loop stands
 * still while the UART sends past its FIFO, and a thread of the host's own, running the same code, goes on.
 */
public class UartStallTest {

    private static final long WAIT_MS = 10000;

    @Test
    public void theAgentAddsSafepoints() {
        assertTrue("safepoints: " + UartStall.notEnforcedBecause(), UartStall.enforced());
    }

    @Test
    public void whileTheUartSends_noBoardThreadMoves_andTheHostsThreadsDo() throws Exception {
        BoardThreads board = BoardThreads.create("uart-stall-test", 4);
        SpinCounter onBoard = new SpinCounter();
        SpinCounter onHost = new SpinCounter();
        Thread boardThread = new Thread(board.group(), onBoard, "board-spinner");
        Thread hostThread = new Thread(onHost, "host-spinner");
        boardThread.start();
        hostThread.start();
        try {
            awaitTurns(onBoard);
            awaitTurns(onHost);
            onBoard.resetGaps();
            onHost.resetGaps();

            UartOutputStream uart = new UartOutputStream(OutputStream.nullOutputStream(), UartOutputStream.BOARD_BAUD);
            // 300 ms past the FIFO at 115,200 baud.
            int bytes = UartOutputStream.FIFO_BYTES + 3456;
            long holdNanos = uart.holdNanos(bytes);
            long stalledBefore = UartStall.stalledNanos();
            uart.write(new byte[bytes], 0, bytes); // On the test's thread, which is not the board's: it waits alone.
            long turnsAfter = onBoard.turns();
            awaitTurnsBeyond(onBoard, turnsAfter);

            assertEquals("the stall charged", holdNanos, UartStall.stalledNanos() - stalledBefore, holdNanos / 100);
            assertTrue("the board thread stood still " + onBoard.longestGapNanos() / 1000000 + " ms of the "
                    + holdNanos / 1000000 + " ms hold", onBoard.longestGapNanos() >= holdNanos * 8 / 10);
            assertTrue("the host's thread went on: longest gap " + onHost.longestGapNanos() / 1000000 + " ms",
                    onHost.longestGapNanos() < holdNanos / 2);
        } finally {
            onBoard.stop();
            onHost.stop();
            boardThread.join(WAIT_MS);
            hostThread.join(WAIT_MS);
        }
    }

    @Test
    public void whatFitsTheFifo_holdsNobody() throws Exception {
        UartOutputStream uart = new UartOutputStream(OutputStream.nullOutputStream(), UartOutputStream.BOARD_BAUD);
        Thread.sleep(5); // Let the FIFO of an earlier test drain: a UART idle since its creation is idle anyway.
        long stalledBefore = UartStall.stalledNanos();
        uart.write(new byte[UartOutputStream.FIFO_BYTES], 0, UartOutputStream.FIFO_BYTES);
        assertEquals("128 bytes into an empty FIFO", stalledBefore, UartStall.stalledNanos());
        assertEquals(0, uart.holdNanos(UartOutputStream.FIFO_BYTES));
        assertEquals(uart.sendNanos(1), uart.holdNanos(UartOutputStream.FIFO_BYTES + 1));
    }

    @Test
    public void theLastByteGoesIn_whenAFifoFullIsLeftToSend() {
        long nanosPerByte = 86805;
        assertEquals(1000000 - 128 * nanosPerByte, UartOutputStream.lastByteInFifoNanos(1000000, nanosPerByte));
    }

    @Test
    public void aUartThatHoldsOnlyItsWriter_chargesNothingToTheBoard() throws Exception {
        UartOutputStream uart = new UartOutputStream(OutputStream.nullOutputStream(), 10000000, false);
        long stalledBefore = UartStall.stalledNanos();
        uart.write(new byte[4096], 0, 4096);
        assertEquals(stalledBefore, UartStall.stalledNanos());
    }

    private static void awaitTurns(SpinCounter counter) throws InterruptedException {
        awaitTurnsBeyond(counter, 0);
    }

    private static void awaitTurnsBeyond(SpinCounter counter, long turns) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (counter.turns() <= turns) {
            assertTrue("the counter never turned", System.currentTimeMillis() < deadline);
            Thread.sleep(1);
        }
    }
}
