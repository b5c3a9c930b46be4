package com.relayboard.host.threads;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.junit.After;
import org.junit.Test;

/** The host refuses the board's (budget + 1)-th live thread, and only the board's. */
public class BoardThreadsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @After
    public void releaseAll() throws InterruptedException {
        this.release.countDown();
        for (Thread t : this.started) {
            t.join(5000);
        }
    }

    @Test
    public void theAgentIsLoaded() {
        assertTrue(BoardThreads.notEnforcedBecause(), BoardThreads.enforced());
    }

    @Test
    public void theBudgetIsTheBuildsCoreMemoryThreadsSize() throws Exception {
        Properties options = new Properties();
        try (InputStream in = new FileInputStream("../../build/common.properties")) {
            options.load(in);
        }
        assertEquals(Integer.parseInt(options.getProperty(BoardThreads.BUDGET_OPTION).trim()),
                BoardThreads.configuredBudget());
        assertEquals(26, BoardThreads.configuredBudget());
    }

    @Test
    public void theThreadBeyondTheBudgetIsRefused_withTheBoardsError() throws Exception {
        BoardThreads board = BoardThreads.create("test-board", 3);
        InternalLimitsError refused = board.runAsMain(() -> {
            // main is the first of three.
            start(null, "worker-1");
            start(null, "worker-2");
            try {
                start(null, "worker-3");
                return null;
            } catch (InternalLimitsError e) {
                return e;
            }
        });
        assertTrue("the fourth thread started", refused != null);
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("Too many alive java threads: 3 alive, "
                + "core.memory.threads.size=3; cannot start \"worker-3\". Alive: "));
        assertTrue(refused.getMessage(), refused.getMessage().contains("main, worker-1, worker-2"));
        assertEquals(3, board.peak());
        assertEquals(List.of("main", "worker-1", "worker-2"), board.peakNames());
        assertEquals(1, board.refusals());
        // main has ended: its place is free again, and only its.
        awaitLive(board, 2);
        start(board.group(), "worker-4");
        try {
            start(board.group(), "worker-5");
            fail("a fourth live thread started");
        } catch (InternalLimitsError expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("\"worker-5\""));
        }
        assertEquals(3, board.peak());
        assertEquals(2, board.refusals());
        assertTrue(board.describePeak(), board.describePeak().startsWith(
                "threads: peak 3 of core.memory.threads.size=3, 2 refused; at the peak: main, worker-1, worker-2"));
    }

    @Test
    public void threadsOutsideTheBoardsGroup_areNotCounted() throws Exception {
        BoardThreads board = BoardThreads.create("test-board", 1);
        start(board.group(), "the-one");
        for (int i = 0; i < 10; i++) {
            start(null, "host-" + i);
        }
        assertEquals(1, board.live());
        try {
            start(board.group(), "one-too-many");
            fail("a second live thread started");
        } catch (InternalLimitsError expected) {
            // the board's only
        }
    }

    @Test
    public void aThreadTheBoardStarts_isTheBoards_andSoAreItsOwn() throws Exception {
        BoardThreads board = BoardThreads.create("test-board", 4);
        board.runAsMain(() -> {
            Thread parent = new Thread(() -> {
                start(null, "grandchild");
                awaitQuietly(this.release);
            }, "child");
            this.started.add(parent);
            parent.start();
            return null;
        });
        // main has ended; the child and the grandchild it started are the board's.
        awaitLive(board, 2);
        assertTrue(board.describePeak(), board.peak() >= 2);
    }

    /** Starts a thread that waits for the test's end, in {@code group} (or the current thread's). */
    private Thread start(ThreadGroup group, String name) {
        Thread t = group == null ? new Thread(() -> awaitQuietly(this.release), name)
                : new Thread(group, () -> awaitQuietly(this.release), name);
        synchronized (this.started) {
            this.started.add(t);
        }
        t.start();
        return t;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitLive(BoardThreads board, int live) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (board.live() != live) {
            if (System.currentTimeMillis() > deadline) {
                fail("live " + board.live() + ", expected " + live);
            }
            Thread.sleep(10);
        }
    }
}
