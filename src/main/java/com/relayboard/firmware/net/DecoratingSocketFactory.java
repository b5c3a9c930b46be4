package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * A socket factory that makes its sockets with another and does something to each one before handing it over:
 * every way of asking for a socket goes through {@link #made(Socket)}.
 */
abstract class DecoratingSocketFactory extends SocketFactory {

    private final SocketFactory base;

    /** @param base makes the sockets */
    DecoratingSocketFactory(SocketFactory base) {
        this.base = base;
    }

    /** @return {@code socket}, once this factory has done its part; or fails, having closed it */
    abstract Socket made(Socket socket) throws IOException;

    @Override
    public Socket createSocket() throws IOException {
        return made(this.base.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return made(this.base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return made(this.base.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return made(this.base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return made(this.base.createSocket(address, port, localAddress, localPort));
    }
}
