package com.relayboard.sim;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.net.TlsSockets;
import com.relayboard.host.HostPlatform;

import ej.bon.Util;

/**
 * The host's TLS is as harsh as the board's: the firmware's own TLS sockets ({@link TlsSockets}, trusting the
 * broker's CA) refuse Debian's mosquitto while the board's application clock is at its start (1970 plus uptime),
 * saying the certificate is not yet valid and the clock is not set, as the ports' mbedTLS does
 * ({@code custom_mbedtls_time}); the same sockets complete the handshake once the clock is set, and refuse again
 * with the clock past the certificate's end. No board runs here: the handshake is made directly.
 */
public class BoardTlsClockIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void handshakeFollowsTheBoardsClockNotTheDesktops() throws Exception {
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Pair ca = certificates.ca("ca-board");
        TestCertificates.Pair server = certificates.server("server-localhost", ca, "localhost", "127.0.0.1");
        // What the simulated board does before the firmware: the board's TLS provider goes first.
        HostPlatform.boot(SimulatedBoard.PROPERTIES_LIST);
        MosquittoBroker broker = this.room.mosquitto(new MosquittoBroker.Options().tls(ca.cert, server.cert,
                server.key));
        // The application clock is the JVM's: set back to the board's start for the tests after this one.
        this.room.closing(() -> Util.setCurrentTimeMillis(Util.platformTimeMillis()));
        assertTrue("the board's clock starts at 1970: " + Util.currentTimeMillis(),
                Util.currentTimeMillis() < 86400000L);
        String refusal = handshakeFailure(ca, broker.port());
        assertTrue(refusal, refusal.contains("is not yet valid at the board's clock, 1970-01-01"));
        assertTrue(refusal, refusal.contains("the board's clock is not set"));

        Util.setCurrentTimeMillis(System.currentTimeMillis());
        String none = handshakeFailure(ca, broker.port());
        assertTrue("refused with the clock set: " + none, none == null);

        // TestCertificates makes certificates valid for two days: ten years on, they have expired.
        Util.setCurrentTimeMillis(System.currentTimeMillis() + 3650L * 86400000L);
        String expired = handshakeFailure(ca, broker.port());
        assertTrue(expired, expired.contains("has expired at the board's clock"));
    }

    /**
     * @return the handshake's failure message, or {@code null} when it completed; each time with new sockets from
     *         the firmware, so that no TLS session is resumed (a resumed session checks no certificate)
     */
    private static String handshakeFailure(TestCertificates.Pair ca, int port) throws Exception {
        SSLSocketFactory tls = TlsSockets.trusting(ca.cert.getAbsolutePath());
        try (SSLSocket socket = (SSLSocket) tls.createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            try {
                socket.startHandshake();
                return null;
            } catch (SSLHandshakeException e) {
                return String.valueOf(e.getMessage());
            }
        } catch (RuntimeException e) {
            fail("unexpected " + e);
            return null;
        }
    }
}
