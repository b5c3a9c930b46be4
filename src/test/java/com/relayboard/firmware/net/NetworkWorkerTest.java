package com.relayboard.firmware.net;

import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Assert;
import org.junit.Test;

public class NetworkWorkerTest {

    private final NetworkWorker worker = new NetworkWorker();
    private final List<String> ran = new ArrayList<String>();
    private final List<Thread> threads = new ArrayList<Thread>();
    private final Object gate = new Object();
    private boolean open;

    @After
    public void tearDown() {
        openGate();
        this.worker.stop();
        if (this.worker.thread() != null) {
            Assert.assertTrue("the worker did not end", Poll.ended(this.worker.thread()));
        }
    }

    private Runnable job(final String name) {
        return new Runnable() {
            @Override
            public void run() {
                synchronized (NetworkWorkerTest.this) {
                    NetworkWorkerTest.this.ran.add(name);
                    NetworkWorkerTest.this.threads.add(Thread.currentThread());
                }
            }
        };
    }

    /** A job that waits until the test opens the gate, as a connect waits on a slow broker. */
    private Runnable blockingJob() {
        return new Runnable() {
            @Override
            public void run() {
                synchronized (NetworkWorkerTest.this.gate) {
                    long deadlineMs = System.currentTimeMillis() + 10000;
                    while (!NetworkWorkerTest.this.open && System.currentTimeMillis() < deadlineMs) {
                        try {
                            NetworkWorkerTest.this.gate.wait(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        };
    }

    private void openGate() {
        synchronized (this.gate) {
            this.open = true;
            this.gate.notifyAll();
        }
    }

    private void awaitRan(final int count) {
        Poll.until(count + " job(s) run", new Poll.Condition() {
            @Override
            public boolean holds() {
                synchronized (NetworkWorkerTest.this) {
                    return NetworkWorkerTest.this.ran.size() >= count;
                }
            }
        });
    }

    @Test
    public void jobsRunInOrder_onTheWorkersOneThread() {
        this.worker.start();
        for (int i = 1; i <= 5; i++) {
            Assert.assertTrue(this.worker.submit(job("job " + i)));
        }
        awaitRan(5);
        synchronized (this) {
            Assert.assertEquals("[job 1, job 2, job 3, job 4, job 5]", this.ran.toString());
            for (Thread thread : this.threads) {
                Assert.assertSame(this.worker.thread(), thread);
            }
        }
        Assert.assertNotSame(Thread.currentThread(), this.worker.thread());
    }

    @Test
    public void aFullQueue_refusesInsteadOfWaiting() {
        this.worker.start();
        Assert.assertTrue(this.worker.submit(blockingJob()));
        // The blocking job may still be queued or already running: fill whatever room is left.
        int taken = 0;
        while (this.worker.submit(job("filler " + taken))) {
            taken++;
            Assert.assertTrue("the queue is not bounded", taken <= NetworkWorker.CAPACITY);
        }
        Assert.assertTrue(taken + " taken", taken >= NetworkWorker.CAPACITY - 1);
        openGate();
        awaitRan(taken);
        Assert.assertTrue("room again", this.worker.submit(job("after")));
    }

    @Test
    public void aFailingJob_isCounted_andTheWorkerGoesOn() {
        this.worker.start();
        this.worker.submit(new Runnable() {
            @Override
            public void run() {
                throw new IllegalStateException("bug");
            }
        });
        this.worker.submit(job("next"));
        awaitRan(1);
        Assert.assertEquals(1, this.worker.faults());
    }

    @Test
    public void stop_runsWhatIsQueued_thenEnds_andTakesNoMore() {
        this.worker.start();
        this.worker.submit(blockingJob());
        this.worker.submit(job("queued before stop"));
        this.worker.stop();
        Assert.assertFalse("a stopped worker takes no job", this.worker.submit(job("after stop")));
        openGate();
        Assert.assertTrue(Poll.ended(this.worker.thread()));
        synchronized (this) {
            Assert.assertEquals("[queued before stop]", this.ran.toString());
        }
    }

    @Test
    public void aJobStuckWithoutTimeout_endsWhenInterrupted_andTheNextJobIsNotInterrupted() {
        final Object never = new Object();
        final boolean[] interruptedOut = new boolean[1];
        final Runnable stuck = new Runnable() {
            @Override
            public void run() {
                synchronized (never) {
                    try {
                        never.wait(); // as a token that is never completed waits
                    } catch (InterruptedException e) {
                        interruptedOut[0] = true; // under never's monitor, read under it too
                    }
                }
            }
        };
        final boolean[] nextSawInterrupt = new boolean[1];
        Runnable next = new Runnable() {
            @Override
            public void run() {
                nextSawInterrupt[0] = Thread.currentThread().isInterrupted();
                job("next").run();
            }
        };
        this.worker.start();
        Assert.assertTrue(this.worker.submit(stuck));
        Assert.assertTrue(this.worker.submit(next));
        this.worker.interruptIfRunning(next); // not running: nothing happens
        // Asked again until it lands: the worker may not have taken the stuck job yet.
        Poll.until("the stuck job to end by the interrupt", new Poll.Condition() {
            @Override
            public boolean holds() {
                NetworkWorkerTest.this.worker.interruptIfRunning(stuck);
                synchronized (never) {
                    return interruptedOut[0];
                }
            }
        });
        Poll.until("the next job to run", new Poll.Condition() {
            @Override
            public boolean holds() {
                synchronized (NetworkWorkerTest.this) {
                    return NetworkWorkerTest.this.ran.contains("next");
                }
            }
        });
        Assert.assertFalse("the interrupt did not reach the next job", nextSawInterrupt[0]);
    }
}
