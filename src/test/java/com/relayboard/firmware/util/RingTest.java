package com.relayboard.firmware.util;

import org.junit.Assert;
import org.junit.Test;

public class RingTest {

    @Test
    public void fifo_boundedAndWrappingAround() {
        Ring<String> ring = new Ring<String>(3);
        Assert.assertNull(ring.poll());
        Assert.assertTrue(ring.offer("a") && ring.offer("b") && ring.offer("c"));
        Assert.assertFalse("full", ring.offer("d"));
        Assert.assertEquals("a", ring.poll());
        Assert.assertTrue(ring.offer("d"));
        Assert.assertEquals("b", ring.peek());
        Assert.assertEquals("d", ring.get(2));
        Assert.assertEquals("b", ring.poll());
        Assert.assertEquals("c", ring.poll());
        Assert.assertEquals("d", ring.poll());
        Assert.assertTrue(ring.isEmpty());
    }

    @Test
    public void removeAt_keepsTheOthersInOrder() {
        Ring<String> ring = new Ring<String>(4);
        ring.offer("x");
        ring.poll();
        for (String s : new String[] { "a", "b", "c", "d" }) {
            ring.offer(s);
        }
        Assert.assertEquals(2, ring.indexOf("c"));
        Assert.assertEquals("c", ring.removeAt(2));
        Assert.assertEquals(-1, ring.indexOf("c"));
        Assert.assertEquals(3, ring.size());
        Assert.assertEquals("a", ring.poll());
        Assert.assertEquals("b", ring.poll());
        Assert.assertEquals("d", ring.poll());
    }

    @Test
    public void deadline_returnsWhenTheConditionHolds_orAtTheTimeOut() throws InterruptedException {
        final Object monitor = new Object();
        final boolean[] done = new boolean[1];
        Deadline.Condition isDone = new Deadline.Condition() {
            @Override
            public boolean holds() {
                return done[0];
            }
        };
        synchronized (monitor) {
            Assert.assertFalse("times out", Deadline.await(monitor, 1, isDone));
            done[0] = true;
            Assert.assertTrue("holds at once, without waiting", Deadline.await(monitor, 0, isDone));
        }
    }
}
