package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import javax.net.SocketFactory;

import org.junit.Assert;
import org.junit.Test;

public class AbandonableSocketsTest {

    /** The session's lock for its attempts, which the sockets share: held here as the session holds it. */
    private final Object lock = new Object();
    private final AbandonableSockets sockets = new AbandonableSockets(SocketFactory.getDefault(), this.lock);

    @Test
    public void givingAnAttemptUp_closesItsSockets_andOnlyItsOwn() throws IOException {
        startAttempt(1);
        Socket first = this.sockets.createSocket();
        startAttempt(2);
        Socket second = this.sockets.createSocket();
        Assert.assertEquals(2, this.sockets.openSockets());

        abandonUpTo(1);
        Assert.assertTrue("the given-up attempt's socket is closed", first.isClosed());
        Assert.assertFalse("a later attempt's socket is left alone", second.isClosed());
        Assert.assertEquals(1, this.sockets.openSockets());

        abandonUpTo(2);
        Assert.assertTrue(second.isClosed());
        Assert.assertEquals(0, this.sockets.openSockets());
    }

    @Test
    public void aSocketForAnAttemptAlreadyGivenUp_isRefused() throws IOException {
        startAttempt(3);
        abandonUpTo(3);
        try {
            this.sockets.createSocket();
            Assert.fail("a socket for a given-up attempt");
        } catch (IOException e) {
            Assert.assertEquals("connect attempt given up", e.getMessage());
        }
        Assert.assertEquals(0, this.sockets.openSockets());
        startAttempt(4);
        Assert.assertFalse(this.sockets.createSocket().isClosed());
    }

    @Test
    public void socketsClosedByTheirClients_areForgotten() throws IOException {
        startAttempt(1);
        for (int i = 0; i < 10; i++) {
            this.sockets.createSocket().close();
        }
        Assert.assertEquals(0, this.sockets.openSockets());
    }

    /** As the session's connect: under its lock. */
    private void startAttempt(int attempt) {
        synchronized (this.lock) {
            this.sockets.startAttempt(attempt);
        }
    }

    /** As the session's give-up: takes the sockets under its lock, closes them after. */
    private void abandonUpTo(int attempt) {
        List<Socket> closing;
        synchronized (this.lock) {
            closing = this.sockets.abandonUpTo(attempt);
        }
        AbandonableSockets.closeAll(closing);
    }
}
