package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;

/**
 * The MQTT clients' plain TCP sockets, kept by connect attempt, so that the board can close an attempt's
 * sockets itself when it gives the attempt's clients up. A client whose socket is closed under it fails at once:
 * its threads end, a connect that waits on a broker that never answers returns, and a publish stuck on a dead
 * link fails. A polite disconnect on such a link would instead wait for answers that never come (MicroPaho's
 * waits for its in-flight work first), keeping the client's threads alive as long.
 *
 * <p>Sockets carry the attempt's number, set before each attempt connects. A socket asked for by an attempt
 * already given up is refused.
 */
final class AbandonableSockets extends DecoratingSocketFactory {

    /** The open sockets, each with its attempt's number. */
    private final List<Kept> sockets = new ArrayList<Kept>();
    /** The attempt whose clients connect now. */
    private int current;
    /** Attempts up to this one were given up. */
    private int abandonedUpTo;

    /** @param base makes the sockets */
    AbandonableSockets(SocketFactory base) {
        super(base);
    }

    /** The sockets made from now on belong to {@code attempt}. */
    synchronized void startAttempt(int attempt) {
        this.current = attempt;
    }

    /** Closes the sockets of every attempt up to {@code attempt}, and refuses them any more. */
    void abandonUpTo(int attempt) {
        List<Socket> closing = new ArrayList<Socket>();
        synchronized (this) {
            if (attempt > this.abandonedUpTo) {
                this.abandonedUpTo = attempt;
            }
            for (int i = this.sockets.size() - 1; i >= 0; i--) {
                if (this.sockets.get(i).attempt <= attempt) {
                    closing.add(this.sockets.remove(i).socket);
                }
            }
        }
        for (int i = 0; i < closing.size(); i++) {
            closeQuietly(closing.get(i));
        }
    }

    /** @return the sockets open now, given up or not (for tests) */
    synchronized int openSockets() {
        prune();
        return this.sockets.size();
    }

    /** Keeps the socket with the attempt that asked for it; refuses it if that attempt was given up. */
    @Override
    Socket made(Socket socket) throws IOException {
        synchronized (this) {
            if (this.current > this.abandonedUpTo) {
                prune();
                this.sockets.add(new Kept(socket, this.current));
                return socket;
            }
        }
        closeQuietly(socket);
        throw new IOException("connect attempt given up");
    }

    /** Forgets the sockets closed since: a board that reconnects for months must not keep them all. */
    private void prune() {
        for (int i = this.sockets.size() - 1; i >= 0; i--) {
            if (this.sockets.get(i).socket.isClosed()) {
                this.sockets.remove(i);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed is closed: the client sees its socket fail either way.
        }
    }

    /** A socket, and the connect attempt it was made for. */
    private static final class Kept {

        final Socket socket;
        final int attempt;

        Kept(Socket socket, int attempt) {
            this.socket = socket;
            this.attempt = attempt;
        }
    }
}
