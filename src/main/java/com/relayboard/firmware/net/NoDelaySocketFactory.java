package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets with Nagle's algorithm off, for the MQTT client.
 *
 * <p>Why: a relay writes small packets in a row on one socket. With QoS 1 the client acknowledges a received message
 * (PUBACK), and the board publishes the relayed message right after; with Nagle's algorithm on, that second small
 * segment waits until the broker acknowledges the first, and brokers delay their TCP acknowledgements (Linux by up to
 * 40 ms). That cost about 44 ms per hop in the benchmarks (docs/benchmarks.md). MQTT's packets are whole messages,
 * so sending each at once is what the protocol wants.
 *
 * <p>On the board, {@code Socket.setTcpNoDelay} reaches lwIP's {@code TCP_NODELAY} through the VEE Port's
 * {@code LLNET_CHANNEL_IMPL_setOption} (docs/api-evidence.md).
 */
final class NoDelaySocketFactory extends SocketFactory {

    private final SocketFactory base;

    /** @param base makes the sockets (the platform's default factory) */
    NoDelaySocketFactory(SocketFactory base) {
        this.base = base;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(this.base.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(this.base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(this.base.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(this.base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(this.base.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
