package com.relayboard.firmware.time;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.Durations;

/**
 * SNTP over NET's UDP sockets ({@code java.net.DatagramSocket}, docs/api-evidence.md): one request, one reply,
 * a socket timeout bounding the wait, the socket closed whatever happens. Blocking: runs on the network worker.
 */
public final class UdpTimeSource implements TimeSource {

    /** The monotonic clock: the round trip is a duration, measured where nothing sets the time. */
    private final Clock clock;

    public UdpTimeSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long ask(String host, int port, int timeoutMs) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("is unknown (DNS found no address)");
        }
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.setSoTimeout(timeoutMs);
            long sentMs = this.clock.nowMs();
            // Any eight bytes do as the tag; the monotonic time differs from one request to the next.
            long tag = sentMs * 1000003L + 0x5EED;
            byte[] request = SntpPacket.request(tag);
            socket.send(new DatagramPacket(request, request.length, address, port));
            byte[] reply = new byte[SntpPacket.LENGTH];
            DatagramPacket answer = new DatagramPacket(reply, reply.length);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException e) {
                throw new IOException("did not answer within " + Durations.seconds(timeoutMs));
            }
            long roundTripMs = this.clock.nowMs() - sentMs;
            long[] server = SntpPacket.serverTimes(reply, answer.getLength(), tag);
            return SntpPacket.timeAtReplyMs(server[0], server[1], roundTripMs);
        } finally {
            socket.close();
        }
    }
}
