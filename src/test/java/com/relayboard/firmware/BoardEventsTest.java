package com.relayboard.firmware;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.path.MessageReport;
import com.relayboard.firmware.text.Bytes;
import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.ui.Console;
import com.relayboard.firmware.ui.FakeLed;
import com.relayboard.firmware.ui.FakeScreen;
import com.relayboard.firmware.ui.LedIndicator;

public class BoardEventsTest {

    private static MessageReport report(String text) {
        return new MessageReport(MessageReport.Kind.RELAYED, "/test/topic1", Bytes.ascii(text), 1, null);
    }

    @Test
    public void reports_areBoundedAndTheMissedOnesCounted() {
        BoardEvents events = new BoardEvents();
        for (int i = 0; i < BoardEvents.REPORT_CAPACITY; i++) {
            Assert.assertTrue(events.report(report("m" + i)));
        }
        Assert.assertFalse("a burst never grows the ring", events.report(report("one too many")));
        Assert.assertFalse(events.report(report("two too many")));
        Assert.assertEquals(2, events.takeMissedReports());
        Assert.assertEquals("counted once", 0, events.takeMissedReports());
        Bytes.assertBytes("oldest first", Bytes.ascii("m0"), events.pollReport().payload());
        Assert.assertTrue("room again", events.report(report("later")));
    }

    @Test
    public void linkEvents_areNeverStuckBehindReports() {
        BoardEvents events = new BoardEvents();
        for (int i = 0; i < BoardEvents.REPORT_CAPACITY; i++) {
            events.report(report("m" + i));
        }
        events.connectionLost("the broker closed the connection", true);
        final String[] seen = new String[1];
        events.pollEvent().applyTo(new LinkEvent.Handler() {
            @Override
            public void connectionLost(String reason, boolean closedByBroker) {
                seen[0] = reason + " " + closedByBroker;
            }

            @Override
            public void publishRetrying(String topic, String reason) {
                seen[0] = "retrying";
            }
        });
        Assert.assertEquals("the broker closed the connection true", seen[0]);
        Assert.assertNull(events.pollEvent());
    }

    @Test
    public void ledBacklogLargerThanThePendingRing_keepsTheNewest() {
        BoardEvents events = new BoardEvents();
        LedIndicator indicator = new LedIndicator(new FakeLed());
        indicator.setSteady(LedIndicator.IDLE);
        LedControl control = new LedControl(indicator, new Console() {
            @Override
            public void println(String line) {
                // The test looks at the setting only.
            }
        }, new FakeScreen(), events);
        for (int level = 1; level <= LedControl.PENDING_CAPACITY + 5; level++) {
            events.offer(Utf8.encode("{\"level\": " + level + "}"));
        }
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(LedControl.PENDING_CAPACITY + 5, control.setting().levelPercent());
        Assert.assertNull("all taken", events.pollCommand());
    }

    @Test
    public void ledCommands_keepTheirOrder_andTheOldestIsForgottenWhenFull() {
        BoardEvents events = new BoardEvents();
        for (int i = 0; i < LedControl.PENDING_CAPACITY + 2; i++) {
            events.offer(Bytes.ascii("c" + i));
        }
        Bytes.assertBytes("the two oldest forgotten", Bytes.ascii("c2"), events.pollCommand());
        Bytes.assertBytes("then in order", Bytes.ascii("c3"), events.pollCommand());
    }

    @Test
    public void largePayloads_areKeptOnlyAsFarAsTheConsoleShowsThem() {
        byte[] large = new byte[MessageReport.MAX_PAYLOAD_BYTES * 4];
        MessageReport report = new MessageReport(MessageReport.Kind.RELAYED, "/t", large, 1, null);
        Assert.assertEquals(MessageReport.MAX_PAYLOAD_BYTES, report.payload().length);
        Assert.assertEquals(large.length, report.payloadLength());
    }

    @Test
    public void anInterrupt_neitherEndsTheWaitNorStaysPending() {
        BoardEvents events = new BoardEvents();
        long waitMs = 60;
        for (int i = 1; i <= 2; i++) {
            Thread.currentThread().interrupt();
            long startMs = System.currentTimeMillis();
            events.await(waitMs);
            long waitedMs = System.currentTimeMillis() - startMs;
            // A wait ended by the interrupt returns at once; a pending interrupt would end the next one too.
            Assert.assertTrue("wait " + i + " lasted " + waitedMs + " ms", waitedMs >= waitMs - 5);
            Assert.assertEquals(i, events.interrupts());
        }
        Assert.assertFalse("no interrupt left pending", Thread.interrupted());
    }

    @Test
    public void wake_endsTheWaitAtOnce() {
        BoardEvents events = new BoardEvents();
        events.wake();
        long startMs = System.currentTimeMillis();
        events.await(60000);
        Assert.assertTrue("a woken loop waits no more", System.currentTimeMillis() - startMs < 30000);
    }
}
