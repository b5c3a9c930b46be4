package com.relayboard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A Wi-Fi-like link on loopback: a TCP proxy between a client (the board, the Python relay) and the broker that
 * delays every byte by a fixed time in each direction, and nothing else. Each chunk read is stamped with the time it
 * was read; the other side's writer sends it at that time plus the delay, in the order read. Bandwidth is not
 * limited: chunks read during one delay are all in flight at once, as on a long link. {@link #cut()} closes every
 * connection it carries, both sides, as a link that drops would (the board sees its sockets fail and reconnects).
 *
 * <p>One connection costs four threads (a reader and a writer per direction): the harness's, not the board's.
 */
final class DelayLink implements AutoCloseable {

    /** The delay the benchmark's link adds in each direction: a 10 ms round trip, as a busy home Wi-Fi. */
    static final long BENCH_ONE_WAY_MS = 5;
    private static final int CHUNK_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long delayNs;
    private final List<Pipe> pipes = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private DelayLink(ServerSocket listener, InetSocketAddress target, long delayNs) {
        this.listener = listener;
        this.target = target;
        this.delayNs = delayNs;
        this.acceptor = new Thread(this::acceptLoop, "delay-link-accept-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port and forwards each connection to {@code targetPort} on loopback. */
    static DelayLink start(int targetPort, long oneWayDelayMs) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DelayLink link = new DelayLink(listener,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort),
                TimeUnit.MILLISECONDS.toNanos(oneWayDelayMs));
        link.acceptor.start();
        return link;
    }

    int port() {
        return this.listener.getLocalPort();
    }

    long oneWayDelayMs() {
        return TimeUnit.NANOSECONDS.toMillis(this.delayNs);
    }

    /** @return how many connections the link has accepted so far */
    int acceptedConnections() {
        return this.accepted.get();
    }

    /** @return how many connections the link carries now */
    synchronized int openConnections() {
        this.pipes.removeIf(Pipe::isClosed);
        return this.pipes.size();
    }

    /** Closes every connection the link carries, on both sides; it keeps accepting new ones. */
    void cut() {
        List<Pipe> now;
        synchronized (this) {
            now = new ArrayList<>(this.pipes);
            this.pipes.clear();
        }
        for (Pipe pipe : now) {
            pipe.close();
        }
    }

    @Override
    public void close() {
        this.closed = true;
        try {
            this.listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        cut();
    }

    private void acceptLoop() {
        while (!this.closed) {
            Socket client;
            try {
                client = this.listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket server = new Socket();
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(this.target, 5000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            this.accepted.incrementAndGet();
            Pipe pipe = new Pipe(client, server);
            synchronized (this) {
                if (this.closed) {
                    pipe.close();
                    return;
                }
                this.pipes.add(pipe);
            }
            pipe.start(this.delayNs, port());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    /** One connection through the link: client and server sockets, a delayed direction each way. */
    private static final class Pipe {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger endedDirections = new AtomicInteger();

        Pipe(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start(long delayNs, int port) {
            String name = "delay-link-" + port + "-" + this.client.getPort();
            Direction.start(this, this.client, this.server, delayNs, name + "-up");
            Direction.start(this, this.server, this.client, delayNs, name + "-down");
        }

        boolean isClosed() {
            return this.client.isClosed() && this.server.isClosed();
        }

        void close() {
            closeQuietly(this.client);
            closeQuietly(this.server);
        }

        /** A direction passed its sender's half-close on; once both have, the connection is over. */
        void directionEnded() {
            if (this.endedDirections.incrementAndGet() == 2) {
                close();
            }
        }
    }

    /** A chunk and when it may be written. */
    private static final class Chunk {
        /** Marks the end of a direction: its reader saw the end of the stream (or an error). */
        static final Chunk END = new Chunk(0, null, 0);
        final long dueNs;
        final byte[] bytes;
        final int length;

        Chunk(long dueNs, byte[] bytes, int length) {
            this.dueNs = dueNs;
            this.bytes = bytes;
            this.length = length;
        }
    }

    /** One direction: a reader stamping chunks, a writer holding each until it is due. */
    private static final class Direction {

        static void start(Pipe pipe, Socket from, Socket to, long delayNs, String name) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> read(pipe, from, queue, delayNs), name + "-read");
            Thread writer = new Thread(() -> write(pipe, to, queue), name + "-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private static void read(Pipe pipe, Socket from, BlockingQueue<Chunk> queue, long delayNs) {
            try {
                InputStream in = from.getInputStream();
                while (true) {
                    byte[] buffer = new byte[CHUNK_BYTES];
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    queue.add(new Chunk(System.nanoTime() + delayNs, buffer, n));
                }
            } catch (IOException e) {
                // The socket failed or was cut: the connection fails on both sides, as a dropped link.
                pipe.close();
            }
            queue.add(Chunk.END);
        }

        private static void write(Pipe pipe, Socket to, BlockingQueue<Chunk> queue) {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == Chunk.END) {
                        break;
                    }
                    long waitNs;
                    while ((waitNs = chunk.dueNs - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(waitNs);
                    }
                    out.write(chunk.bytes, 0, chunk.length);
                    out.flush();
                }
                // The sender closed its side: pass the half-close on, after the bytes before it.
                to.shutdownOutput();
                pipe.directionEnded();
            } catch (IOException e) {
                pipe.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pipe.close();
            }
        }
    }
}
