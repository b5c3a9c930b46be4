package com.relayboard.host.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * The simulated access point's SNTP server (RFC 4330), on real UDP on loopback: what a router with a time server,
 * or the Internet's pool behind it, answers. It gives the desktop's real time, and answers only while the station
 * has its DHCP lease (a station without an address reaches nothing). {@link #setAnswering(boolean)} makes it
 * silent, as a server that is down or filtered, for the board's refusal.
 *
 * <p>Its thread is the room's, not the board's: {@link #start()} must be called outside the board's threads (the
 * simulated board starts it before the firmware), so it counts nothing against the board's thread budget.
 */
public final class SimulatedTimeServer implements Runnable {

    /** Seconds from 1900-01-01 (NTP's origin) to 1970-01-01. */
    private static final long NTP_TO_UNIX_S = 2208988800L;
    private static final int LENGTH = 48;
    private static final int MODE_CLIENT = 3;
    private static final int MODE_SERVER = 4;
    /** A server synchronised to a stratum 1 clock, as a pool server usually is. */
    private static final int STRATUM = 2;

    private final SimulatedAccessPoint accessPoint;
    private DatagramSocket socket;
    private Thread thread;
    private volatile boolean answering = true;
    private volatile int requests;
    private volatile int answers;

    SimulatedTimeServer(SimulatedAccessPoint accessPoint) {
        this.accessPoint = accessPoint;
    }

    /**
     * Binds a free UDP port on loopback and starts answering, once; later calls change nothing.
     *
     * @return the server as the firmware's {@code relayboard.time.server} names it: {@code 127.0.0.1:port}
     */
    public synchronized String start() throws SocketException {
        if (this.socket == null) {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.thread = new Thread(this, "room-sntp-server");
            this.thread.setDaemon(true);
            this.thread.start();
        }
        return address();
    }

    /** @return {@code 127.0.0.1:port}, or {@code null} before {@link #start()} */
    public synchronized String address() {
        return this.socket == null ? null
                : this.socket.getLocalAddress().getHostAddress() + ":" + this.socket.getLocalPort();
    }

    /** Whether the server answers ({@code true}, the default) or lets every request go unanswered. */
    public void setAnswering(boolean answering) {
        this.answering = answering;
    }

    /** @return requests received since the start, answered or not */
    public int requests() {
        return this.requests;
    }

    /** @return requests answered since the start */
    public int answers() {
        return this.answers;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[512];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                this.socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            this.requests++;
            if (!this.answering || !this.accessPoint.hasLease() || packet.getLength() < LENGTH
                    || (buffer[0] & 0x7) != MODE_CLIENT) {
                continue;
            }
            try {
                this.socket.send(new DatagramPacket(reply(buffer, System.currentTimeMillis()), LENGTH,
                        packet.getSocketAddress()));
                this.answers++;
            } catch (IOException e) {
                // The client's port is gone: nothing to answer.
            }
        }
    }

    /** @return the server's reply to {@code request}, carrying {@code nowMs} as receive and transmit time */
    static byte[] reply(byte[] request, long nowMs) {
        byte[] reply = new byte[LENGTH];
        int version = (request[0] >> 3) & 0x7;
        reply[0] = (byte) (version << 3 | MODE_SERVER);
        reply[1] = STRATUM;
        reply[2] = request[2];
        reply[3] = (byte) -20; // precision: about a microsecond
        // Reference identifier: the upstream server's IPv4 address for stratum 2; loopback here.
        reply[12] = 127;
        reply[15] = 1;
        long ntp = ntp(nowMs);
        put(reply, 16, ntp); // reference timestamp
        System.arraycopy(request, 40, reply, 24, 8); // originate = the client's transmit timestamp
        put(reply, 32, ntp); // receive
        put(reply, 40, ntp); // transmit
        return reply;
    }

    private static long ntp(long unixMs) {
        long seconds = unixMs / 1000 + NTP_TO_UNIX_S;
        long fraction = ((unixMs % 1000) << 32) / 1000;
        return (seconds & 0xffffffffL) << 32 | fraction;
    }

    private static void put(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
