package com.relayboard.firmware.net;

import java.net.Socket;

import javax.net.SocketFactory;

import org.junit.Assert;
import org.junit.Test;

public class NoDelaySocketFactoryTest {

    @Test
    public void socketsComeWithNagleOff() throws Exception {
        Socket plain = SocketFactory.getDefault().createSocket();
        try {
            Assert.assertFalse("the platform's default keeps Nagle's algorithm on", plain.getTcpNoDelay());
        } finally {
            plain.close();
        }
        Socket socket = new NoDelaySocketFactory(SocketFactory.getDefault()).createSocket();
        try {
            Assert.assertTrue(socket.getTcpNoDelay());
        } finally {
            socket.close();
        }
    }
}
