package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Before;
import org.junit.Test;

import ej.microui.MicroUI;

/** Network threads hop to the UI thread with callSerially; the order of their updates must survive the hop. */
public class CallSeriallyTest {

    private static final int ITEMS = 1000;
    private static final int PRODUCERS = 4;

    @Before
    public void startUi() {
        MicroUI.start();
    }

    @Test
    public void startingTwiceKeepsOneDaemonUiThread() throws Exception {
        MicroUI.start();
        MicroUI.start();
        assertTrue(MicroUI.isStarted());
        AtomicReference<Thread> ui = new AtomicReference<>();
        MicroUI.callSerially(() -> ui.set(Thread.currentThread()));
        Screens.awaitIdle();
        Thread thread = ui.get();
        assertNotNull(thread);
        assertEquals("MicroUI", thread.getName());
        assertTrue(thread.isDaemon());
        assertTrue(MicroUI.isUIThread(thread));
        assertFalse(MicroUI.isUIThread());
        assertFalse(MicroUI.isUIThread(Thread.currentThread()));
        assertFalse(MicroUI.isUIThread(null));
        int named = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            named += "MicroUI".equals(t.getName()) ? 1 : 0;
        }
        assertEquals(1, named);
    }

    @Test
    public void runnablesRunInFifoOrderOnTheUiThread() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < ITEMS; i++) {
            final int item = i;
            MicroUI.callSerially(() -> {
                if (!MicroUI.isUIThread()) {
                    throw new AssertionError("not on the UI thread");
                }
                threads.add(Thread.currentThread());
                order.add(item);
            });
        }
        Screens.awaitIdle();
        assertEquals(ITEMS, order.size());
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(Integer.valueOf(i), order.get(i));
            assertSame(threads.get(0), threads.get(i));
        }
    }

    @Test
    public void eachProducerKeepsItsOrder() throws Exception {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            final int producer = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < ITEMS; i++) {
                    final int item = i;
                    MicroUI.callSerially(() -> seen.add(new int[] { producer, item }));
                }
            });
            t.start();
            producers.add(t);
        }
        go.countDown();
        for (Thread t : producers) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        Screens.awaitIdle();
        assertEquals(PRODUCERS * ITEMS, seen.size());
        int[] next = new int[PRODUCERS];
        for (int[] entry : seen) {
            assertEquals("producer " + entry[0], next[entry[0]], entry[1]);
            next[entry[0]]++;
        }
    }

    @Test
    public void aFailingRunnableDoesNotStopTheUiThread() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.set(e));
        try {
            List<String> after = Collections.synchronizedList(new ArrayList<>());
            MicroUI.callSerially(() -> {
                throw new IllegalStateException("firmware bug");
            });
            MicroUI.callSerially(() -> after.add("still running"));
            Screens.awaitIdle();
            assertEquals(Collections.singletonList("still running"), after);
            assertTrue(reported.get() instanceof IllegalStateException);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    public void nullIsRefused() {
        try {
            MicroUI.callSerially(null);
            fail("null accepted");
        } catch (NullPointerException expected) {
            // as MicroUI
        }
    }

    @Test
    public void stopThenStartAgain() {
        MicroUI.stop();
        assertFalse(MicroUI.isStarted());
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        MicroUI.callSerially(() -> ran.add("queued while stopped"));
        assertFalse("nothing runs while stopped", HostDisplay.get().waitForIdle(100));
        assertTrue(ran.isEmpty());
        MicroUI.start();
        Screens.awaitIdle();
        assertEquals(Collections.singletonList("queued while stopped"), ran);
    }
}
