package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.Socket;

import javax.net.SocketFactory;

import org.junit.Assert;
import org.junit.Test;

public class AbandonableSocketsTest {

    private final AbandonableSockets sockets = new AbandonableSockets(SocketFactory.getDefault());

    @Test
    public void givingAnAttemptUp_closesItsSockets_andOnlyItsOwn() throws IOException {
        this.sockets.startAttempt(1);
        Socket first = this.sockets.createSocket();
        this.sockets.startAttempt(2);
        Socket second = this.sockets.createSocket();
        Assert.assertEquals(2, this.sockets.openSockets());

        this.sockets.abandonUpTo(1);
        Assert.assertTrue("the given-up attempt's socket is closed", first.isClosed());
        Assert.assertFalse("a later attempt's socket is left alone", second.isClosed());
        Assert.assertEquals(1, this.sockets.openSockets());

        this.sockets.abandonUpTo(2);
        Assert.assertTrue(second.isClosed());
        Assert.assertEquals(0, this.sockets.openSockets());
    }

    @Test
    public void aSocketForAnAttemptAlreadyGivenUp_isRefused() throws IOException {
        this.sockets.startAttempt(3);
        this.sockets.abandonUpTo(3);
        try {
            this.sockets.createSocket();
            Assert.fail("a socket for a given-up attempt");
        } catch (IOException e) {
            Assert.assertEquals("connect attempt given up", e.getMessage());
        }
        Assert.assertEquals(0, this.sockets.openSockets());
        this.sockets.startAttempt(4);
        Assert.assertFalse(this.sockets.createSocket().isClosed());
    }

    @Test
    public void socketsClosedByTheirClients_areForgotten() throws IOException {
        this.sockets.startAttempt(1);
        for (int i = 0; i < 10; i++) {
            this.sockets.createSocket().close();
        }
        Assert.assertEquals(0, this.sockets.openSockets());
    }
}
