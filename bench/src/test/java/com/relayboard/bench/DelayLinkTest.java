package com.relayboard.bench;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@link DelayLink} against an echo server on loopback: bytes come back in order, no earlier than two delays, and a
 * cut ends the connection on both sides. Only lower bounds on time (the delay is a floor); no speed is judged.
 */
public class DelayLinkTest {

    private static final long DELAY_MS = 40;
    private static final int TIMEOUT_MS = 10000;

    private ServerSocket echo;
    /** The server side of each connection the link opened, as the echo server accepted it. */
    private final BlockingQueue<Socket> serverSides = new LinkedBlockingQueue<>();
    private DelayLink link;

    @Before
    public void startEcho() throws IOException {
        this.echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                Socket socket;
                try {
                    socket = this.echo.accept();
                } catch (IOException closed) {
                    return;
                }
                this.serverSides.add(socket);
                Thread pump = new Thread(() -> echo(socket), "echo");
                pump.setDaemon(true);
                pump.start();
            }
        }, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        this.link = DelayLink.start(this.echo.getLocalPort(), DELAY_MS);
    }

    @After
    public void stop() throws IOException {
        this.link.close();
        this.echo.close();
    }

    @Test
    public void aRoundTripTakesAtLeastTwoDelays() throws IOException {
        try (Socket socket = connect()) {
            long startNs = System.nanoTime();
            socket.getOutputStream().write(42);
            assertEquals(42, socket.getInputStream().read());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            assertTrue("round trip " + elapsedMs + " ms, the link adds " + DELAY_MS + " ms each way",
                    elapsedMs >= 2 * DELAY_MS);
        }
    }

    @Test
    public void bytesComeBackInOrderFromManyWrites() throws IOException {
        byte[] sent = new byte[200000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31 + i / 256);
        }
        try (Socket socket = connect()) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    // Many writes of odd sizes, so that the link carries many chunks in flight at once.
                    for (int at = 0; at < sent.length; at += 777) {
                        out.write(sent, at, Math.min(777, sent.length - at));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            byte[] received = new byte[sent.length];
            new DataInputStream(socket.getInputStream()).readFully(received);
            assertArrayEquals(sent, received);
        }
    }

    @Test
    public void aCutClosesBothSidesAndTheLinkTakesNewConnections() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(7);
            assertEquals(7, socket.getInputStream().read());
            Socket serverSide = this.serverSides.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertEquals(1, this.link.openConnections());

            this.link.cut();

            assertEndsOrFails(socket.getInputStream());
            // The echo server's pump (no read timeout) closes its socket only once the link ended its side.
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (!serverSide.isClosed() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue("the server side stayed open after the cut", serverSide.isClosed());
            assertEquals(0, this.link.openConnections());
        }
        try (Socket again = connect()) {
            again.getOutputStream().write(9);
            assertEquals(9, again.getInputStream().read());
            assertEquals(2, this.link.acceptedConnections());
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.link.port());
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    /** A read that ends the stream or fails (reset), within the socket's timeout: never a byte, never a hang. */
    private static void assertEndsOrFails(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after the cut", e);
        } catch (IOException reset) {
            // Failed: as good as ended.
        }
    }

    private static void echo(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Ended.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Closed anyway.
            }
        }
    }
}
