package com.relayboard.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on a free loopback port, between the board and a broker, that can make the link fail
 * the ways real networks do:
 * <ul>
 * <li>{@link #blackHole()}: the connections open now stop carrying anything, in both directions, and
 * are not closed: what either side sends vanishes, as behind a router that lost the connection's NAT
 * entry. New connections work normally.</li>
 * <li>{@link #dropAll()}: every open connection is closed on both sides, as when a peer's kernel
 * closes its sockets.</li>
 * </ul>
 * When the broker side is not there, a new connection is accepted and closed at once.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Link> links = new ArrayList<>();
    /** Black-holed links: closed only when the proxy closes. */
    private final List<Link> holes = new ArrayList<>();
    private int accepted;
    private volatile boolean closed;

    /** One proxied connection: the board's socket and the broker's. */
    private final class Link {
        final Socket board;
        final Socket broker;
        volatile boolean blackHoled;
        /** Only what the board sends vanishes; the broker's packets still reach it. */
        volatile boolean boardSilenced;

        Link(Socket board, Socket broker) {
            this.board = board;
            this.broker = broker;
        }

        void start() {
            pump(this.board, this.broker, "board->broker", true);
            pump(this.broker, this.board, "broker->board", false);
        }

        private void pump(Socket from, Socket to, String direction, boolean fromBoard) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (!this.blackHoled && !(fromBoard && this.boardSilenced)) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // One side is gone.
                }
                // A black-holed link carries no end of stream either: the other side never learns.
                if (!this.blackHoled) {
                    closeQuietly();
                }
            }, "proxy " + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void closeQuietly() {
            for (Socket socket : new Socket[] { this.board, this.broker }) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closed already.
                }
            }
        }
    }

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "proxy-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return this.server.getLocalPort();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** @return connections accepted so far */
    synchronized int accepted() {
        return this.accepted;
    }

    /** The connections open now go silent without closing; later connections are forwarded normally. */
    synchronized void blackHole() {
        for (Link link : this.links) {
            link.blackHoled = true;
        }
        this.holes.addAll(this.links);
        this.links.clear();
    }

    /**
     * On the connections open now, what the board sends vanishes while the broker's packets still
     * reach it: the board keeps receiving, but nothing it publishes is acknowledged.
     */
    synchronized void silenceBoard() {
        for (Link link : this.links) {
            link.boardSilenced = true;
            link.blackHoled = false;
        }
        this.holes.addAll(this.links);
        this.links.clear();
    }

    /** Closes every open connection, on both sides. */
    synchronized void dropAll() {
        for (Link link : this.links) {
            link.closeQuietly();
        }
        this.links.clear();
    }

    /**
     * Closes the black-holed connections on both sides: what the board would see once a dead peer's
     * kernel could reach it again.
     */
    synchronized void closeBlackHoled() {
        for (Link link : this.holes) {
            link.closeQuietly();
        }
        this.holes.clear();
    }

    private void acceptLoop() {
        while (!this.closed) {
            Socket board;
            try {
                board = this.server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (this) {
                this.accepted++;
            }
            Socket broker = new Socket();
            try {
                broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort), 2000);
            } catch (IOException e) {
                // No broker behind the proxy: the board sees its connection closed.
                try {
                    board.close();
                } catch (IOException ignored) {
                    // Closed already.
                }
                continue;
            }
            Link link = new Link(board, broker);
            synchronized (this) {
                if (this.closed) {
                    link.closeQuietly();
                    return;
                }
                this.links.add(link);
            }
            link.start();
        }
    }

    @Override
    public void close() throws IOException {
        this.closed = true;
        this.server.close();
        dropAll();
        synchronized (this) {
            for (Link link : this.holes) {
                link.closeQuietly();
            }
            this.holes.clear();
        }
    }
}
