package com.relayboard.firmware.net;

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
final class NoDelaySocketFactory extends DecoratingSocketFactory {

    /** @param base makes the sockets (the platform's default factory) */
    NoDelaySocketFactory(SocketFactory base) {
        super(base);
    }

    @Override
    Socket made(Socket socket) {
        return noDelay(socket);
    }

    /**
     * Turns Nagle's algorithm off when the stack lets it. A refusal never fails the connect: MicroEJ NET may refuse
     * options on a socket that is not connected yet (what the no-argument {@code createSocket()} gives), and the
     * socket works without the option, only with Nagle's algorithm on. {@code Exception}, not
     * {@code SocketException}: whatever NET's {@code setTcpNoDelay} declares, and whatever it throws, this compiles
     * and the connect goes on.
     *
     * @return {@code socket}, always
     */
    static Socket noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (Exception e) {
            // Nagle's algorithm stays on for this connection.
        }
        return socket;
    }
}
