package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

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

    /** A socket whose stack refuses TCP_NODELAY, as MicroEJ NET may on a socket that is not connected yet. */
    private static final class Refusing extends Socket {
        boolean asked;

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            this.asked = true;
            throw new SocketException("option refused on an unconnected socket");
        }
    }

    /** Makes {@link Refusing} sockets, whichever way it is asked. */
    private static final class RefusingFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Refusing();
        }

        @Override
        public Socket createSocket(String host, int port) {
            return new Refusing();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return new Refusing();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return new Refusing();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return new Refusing();
        }
    }

    @Test
    public void refusedOptionNeverFailsTheConnect() throws IOException {
        NoDelaySocketFactory factory = new NoDelaySocketFactory(new RefusingFactory());
        Socket[] sockets = { factory.createSocket(), factory.createSocket("broker", 1883),
                factory.createSocket("broker", 1883, null, 0), factory.createSocket((InetAddress) null, 1883),
                factory.createSocket((InetAddress) null, 1883, null, 0) };
        for (Socket socket : sockets) {
            Assert.assertTrue("the factory asked for TCP_NODELAY", ((Refusing) socket).asked);
            Assert.assertFalse("the socket is handed over, open, with Nagle's algorithm on", socket.isClosed());
            socket.close();
        }
    }
}
