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
 *
 * <p>No monitor of its own: the session's lock for its attempts ({@link PahoBrokerSession}) guards this state too.
 * A lock, because the client's connecting thread adds a socket (if its attempt is still wanted) while the loop or
 * the worker gives attempts up and closes their sockets: a check-then-add against a take-all, and on the session's
 * lock they are ordered as the switch to and from the attempt's clients.
 */
final class AbandonableSockets extends DecoratingSocketFactory {

    /** The session's lock for its attempts: it guards every field below. */
    private final Object lock;
    /** The open sockets, each with its attempt's number. */
    private final List<Kept> sockets = new ArrayList<Kept>();
    /** The attempt whose clients connect now. */
    private int current;
    /** Attempts up to this one were given up. */
    private int abandonedUpTo;

    /**
     * @param base makes the sockets
     * @param lock the session's lock for its attempts: held by the callers of {@link #startAttempt} and
     *            {@link #abandonUpTo}
     */
    AbandonableSockets(SocketFactory base, Object lock) {
        super(base);
        this.lock = lock;
    }

    /** With the lock held: the sockets made from now on belong to {@code attempt}. */
    void startAttempt(int attempt) {
        this.current = attempt;
    }

    /**
     * With the lock held: refuses sockets to every attempt up to {@code attempt} from now on.
     *
     * @return those attempts' open sockets, no longer kept: for {@link #closeAll} once the lock is released
     */
    List<Socket> abandonUpTo(int attempt) {
        List<Socket> closing = new ArrayList<Socket>();
        if (attempt > this.abandonedUpTo) {
            this.abandonedUpTo = attempt;
        }
        for (int i = this.sockets.size() - 1; i >= 0; i--) {
            if (this.sockets.get(i).attempt <= attempt) {
                closing.add(this.sockets.remove(i).socket);
            }
        }
        return closing;
    }

    /** Closes {@code closing}: a client whose socket is closed under it fails at once. */
    static void closeAll(List<Socket> closing) {
        for (int i = 0; i < closing.size(); i++) {
            closeQuietly(closing.get(i));
        }
    }

    /** @return the sockets open now, given up or not (for tests) */
    int openSockets() {
        synchronized (this.lock) {
            prune();
            return this.sockets.size();
        }
    }

    /** Keeps the socket with the attempt that asked for it; refuses it if that attempt was given up. */
    @Override
    Socket made(Socket socket) throws IOException {
        synchronized (this.lock) {
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
