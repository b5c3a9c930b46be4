package com.relayboard.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A broker that refuses shared subscriptions, as one that does not offer them may: mosquitto behind a proxy that
 * answers every MQTT 3.1.1 SUBSCRIBE with a {@code $share/} filter itself, with SUBACK return code 0x80 (failure,
 * section 3.9.3), and passes every other packet through whole. Mosquitto 2 itself grants what its ACL denies
 * (measured: an {@code acl_file} without the topic still gets SUBACK 1), so it cannot refuse on its own.
 */
final class ShareRefusingProxy implements AutoCloseable {

    private static final int SUBSCRIBE = 0x82;
    private static final int SUBACK = 0x90;
    private static final int SUBACK_FAILURE = 0x80;

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile int refused;

    ShareRefusingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "share-refusing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri() {
        return "tcp://127.0.0.1:" + this.server.getLocalPort();
    }

    /** @return SUBSCRIBE packets answered with a refusal so far */
    int refused() {
        return this.refused;
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket board = this.server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                synchronized (this.sockets) {
                    this.sockets.add(board);
                    this.sockets.add(broker);
                }
                OutputStream toBoard = board.getOutputStream();
                pump(broker.getInputStream(), toBoard, null, toBoard, board, broker);
                pump(board.getInputStream(), broker.getOutputStream(), toBoard, toBoard, board, broker);
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    /**
     * Copies whole packets from {@code in} to {@code out}; with {@code answer} set (the board's side), a SUBSCRIBE
     * with a {@code $share/} filter is answered there instead. Writes to the board's stream hold its lock, so an
     * answer never lands inside a packet of the broker's.
     */
    private void pump(InputStream in, OutputStream out, OutputStream answer, Object boardLock, Socket board,
            Socket broker) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    byte[] packet = readPacket(in);
                    if (answer != null && (packet[0] & 0xFF) == SUBSCRIBE && sharesAFilter(packet)) {
                        synchronized (boardLock) {
                            answer.write(refusal(packet));
                            answer.flush();
                        }
                        this.refused++;
                        continue;
                    }
                    if (answer == null) {
                        synchronized (boardLock) {
                            out.write(packet);
                            out.flush();
                        }
                    } else {
                        out.write(packet);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side is gone: close both.
                closeQuietly(board);
                closeQuietly(broker);
            }
        }, "share-refusing-proxy pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the packet's bytes, fixed header included */
    private static byte[] readPacket(InputStream in) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(readByte(in));
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = readByte(in);
            packet.write(b);
            length += (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException();
        }
        packet.write(body);
        return packet.toByteArray();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** @return the offset of a packet's variable header: after the type byte and the remaining length */
    private static int bodyStart(byte[] packet) {
        int at = 1;
        while ((packet[at] & 0x80) != 0) {
            at++;
        }
        return at + 1;
    }

    private static boolean sharesAFilter(byte[] packet) {
        int at = bodyStart(packet) + 2;
        while (at < packet.length) {
            int length = ((packet[at] & 0xFF) << 8) | (packet[at + 1] & 0xFF);
            String filter = new String(packet, at + 2, length, StandardCharsets.UTF_8);
            if (filter.startsWith("$share/")) {
                return true;
            }
            at += 2 + length + 1;
        }
        return false;
    }

    /** @return a SUBACK for the SUBSCRIBE {@code packet}: its packet id, and 0x80 for each of its filters */
    private static byte[] refusal(byte[] packet) {
        int start = bodyStart(packet);
        int filters = 0;
        for (int at = start + 2; at < packet.length;) {
            int length = ((packet[at] & 0xFF) << 8) | (packet[at + 1] & 0xFF);
            at += 2 + length + 1;
            filters++;
        }
        byte[] suback = new byte[4 + filters];
        suback[0] = (byte) SUBACK;
        suback[1] = (byte) (2 + filters);
        suback[2] = packet[start];
        suback[3] = packet[start + 1];
        for (int i = 0; i < filters; i++) {
            suback[4 + i] = (byte) SUBACK_FAILURE;
        }
        return suback;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed already.
        }
    }

    @Override
    public void close() throws IOException {
        this.server.close();
        synchronized (this.sockets) {
            for (Socket socket : this.sockets) {
                closeQuietly(socket);
            }
        }
    }
}
