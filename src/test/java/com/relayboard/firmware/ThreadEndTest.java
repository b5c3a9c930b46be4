package com.relayboard.firmware;

import org.junit.Assert;
import org.junit.Test;

/** The bounded wait for a thread's end that replaces Thread.join(long), which EDC is not known to have. */
public class ThreadEndTest {

    @Test
    public void aThreadThatEnds_isSeenEnded() {
        final Object gate = new Object();
        final boolean[] open = { false };
        Thread worker = new Thread(new Runnable() {
            @Override
            public void run() {
                synchronized (gate) {
                    while (!open[0]) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        });
        worker.start();
        synchronized (gate) {
            open[0] = true;
            gate.notifyAll();
        }
        Assert.assertTrue(ThreadEnd.await(worker, 5000));
        Assert.assertFalse(worker.isAlive());
    }

    @Test
    public void aThreadThatGoesOn_isGivenUpAfterTheTimeout() throws InterruptedException {
        final Object gate = new Object();
        Thread stuck = new Thread(new Runnable() {
            @Override
            public void run() {
                synchronized (gate) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        // Ends the test's thread.
                    }
                }
            }
        });
        stuck.start();
        try {
            Assert.assertFalse("the wait ends, the thread still running", ThreadEnd.await(stuck, 20));
            Assert.assertTrue(stuck.isAlive());
        } finally {
            stuck.interrupt();
            Assert.assertTrue(ThreadEnd.await(stuck, 5000));
        }
    }

    @Test
    public void noThread_isNothingToWaitFor() {
        Assert.assertTrue(ThreadEnd.await(null, 0));
    }
}
