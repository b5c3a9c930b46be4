package com.relayboard.host.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A UDP socket of the board (the SNTP client's): it takes one of the board's sockets from {@link StationNetwork}
 * when it is made, as lwIP's {@code socket()} does, and gives it back when it is closed, so that the board's socket
 * cap counts it beside the TCP and TLS ones. It sends only while the station is joined and has its address.
 *
 * <p>The firmware writes {@code new DatagramSocket()}; {@link StationDatagramHook} makes the board's classes build
 * this subclass instead, so the firmware needs no host API.
 */
public class StationDatagramSocket extends DatagramSocket {

    private boolean placeHeld;

    public StationDatagramSocket() throws SocketException {
        // Unbound until the place is taken: the board's 10th socket is refused before anything is opened.
        super(reservePlace());
        this.placeHeld = true;
        try {
            bind(new InetSocketAddress(0)); // any local port, as DatagramSocket() binds
        } catch (SocketException e) {
            close();
            throw e;
        }
    }

    /** @return {@code null}, the unbound address, once the board's socket place is taken */
    private static SocketAddress reservePlace() throws SocketException {
        StationNetwork.get().reserve();
        return null;
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        StationNetwork.checkLink();
        super.send(packet);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (this.placeHeld) {
                this.placeHeld = false;
                StationNetwork.get().release();
            }
        }
        super.close();
    }
}
