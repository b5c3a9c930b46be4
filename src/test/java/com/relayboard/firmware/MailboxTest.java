package com.relayboard.firmware;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.relay.ReceivedMessage;
import com.relayboard.firmware.text.Bytes;

public class MailboxTest {

    private static ReceivedMessage message(String text) {
        return new ReceivedMessage("/test/topic1", Bytes.ascii(text), 1);
    }

    @Test
    public void inbox_keepsOrderAndRefusesBeyondItsCapacity() {
        Mailbox mailbox = new Mailbox(3);
        ReceivedMessage a = message("a");
        ReceivedMessage b = message("b");
        ReceivedMessage c = message("c");
        Assert.assertTrue(mailbox.offerMessage(a));
        Assert.assertTrue(mailbox.offerMessage(b));
        Assert.assertTrue(mailbox.offerMessage(c));
        Assert.assertFalse(mailbox.offerMessage(message("d")));
        Assert.assertEquals(3, mailbox.inboxSize());
        Assert.assertSame(a, mailbox.pollMessage());
        Assert.assertTrue("room again after a poll", mailbox.offerMessage(message("e")));
        Assert.assertSame(b, mailbox.pollMessage());
        Assert.assertSame(c, mailbox.pollMessage());
        Assert.assertEquals("e", new String(mailbox.pollMessage().payload()));
        Assert.assertNull(mailbox.pollMessage());
    }

    @Test
    public void events_comeOutInOrderSeparatelyFromMessages() {
        Mailbox mailbox = new Mailbox(1);
        Assert.assertTrue(mailbox.offerMessage(message("a")));
        mailbox.post(Mailbox.CONNECTION_LOST, null, "gone");
        mailbox.post(Mailbox.PUBLISHED, "subject", null);
        Mailbox.Event first = mailbox.pollEvent();
        Assert.assertEquals(Mailbox.CONNECTION_LOST, first.kind);
        Assert.assertEquals("gone", first.text);
        Mailbox.Event second = mailbox.pollEvent();
        Assert.assertEquals(Mailbox.PUBLISHED, second.kind);
        Assert.assertEquals("subject", second.subject);
        Assert.assertNull(mailbox.pollEvent());
        Assert.assertEquals("a full inbox does not hold events back", 1, mailbox.inboxSize());
    }

    @Test
    public void await_returnsAtOnceWhenSomethingArrivedBefore() {
        Mailbox mailbox = new Mailbox(1);
        mailbox.post(Mailbox.PUBLISHED, null, null);
        long start = System.currentTimeMillis();
        mailbox.await(10000);
        Assert.assertTrue("waited although an event was there", System.currentTimeMillis() - start < 5000);
    }

    @Test
    public void await_isWokenByAMessageFromAnotherThread() throws InterruptedException {
        final Mailbox mailbox = new Mailbox(1);
        Thread sender = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                mailbox.offerMessage(message("wake"));
            }
        });
        sender.start();
        long start = System.currentTimeMillis();
        mailbox.await(20000);
        Assert.assertTrue("not woken by the message", System.currentTimeMillis() - start < 10000);
        Assert.assertEquals(1, mailbox.inboxSize());
        sender.join(5000);
    }

    @Test
    public void inbox_refusesWhatWouldPassItsByteBudget_butAlwaysTakesOneMessage() {
        Mailbox mailbox = new Mailbox(10, 8);
        Assert.assertTrue(mailbox.offerMessage(message("12345")));
        Assert.assertFalse("5 + 4 bytes is over 8", mailbox.offerMessage(message("abcd")));
        Assert.assertTrue("5 + 3 bytes fits", mailbox.offerMessage(message("abc")));
        mailbox.pollMessage();
        mailbox.pollMessage();
        Assert.assertTrue("alone, a message larger than the budget is taken", mailbox.offerMessage(message("0123456789")));
        Assert.assertFalse(mailbox.offerMessage(message("x")));
        mailbox.pollMessage();
        Assert.assertTrue("the budget is free again", mailbox.offerMessage(message("12345678")));
    }
}
