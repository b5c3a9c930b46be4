package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * {@code ssl://} with a CA file against Debian's mosquitto on a TLS listener, with a user name and
 * password. The board trusts one CA (generated here with openssl, as is a second, unrelated one). It
 * refuses a broker whose certificate another CA signed, and one whose certificate is for another
 * name, saying which on the console and the LCD; it connects to the broker whose certificate its CA
 * signed for {@code localhost}, and relays. The MQTT password is never shown (MosquittoCredentialsIT
 * checks the Wi-Fi one too, which is a unique string there). One board, one port; the
 * broker is restarted with each certificate.
 *
 * <p>The board's clock starts at 1970 and its TLS checks the certificates' dates against it, as on the device: the
 * board first sets its clock from the simulated access point's SNTP server, and only then tries the broker
 * (MosquittoTlsTimeRefusalIT covers a server that does not answer).
 */
public class MosquittoTlsIT {

    private static final String USER = "relayboard";
    private static final String PASSWORD = "Tls-Pw-5d1e77c2";

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void untrustedCa_andWrongName_areRefused_theRightCertificateConnectsAndRelays() throws Exception {
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Pair boardCa = certificates.ca("ca-trusted");
        TestCertificates.Pair otherCa = certificates.ca("ca-other");
        TestCertificates.Pair good = certificates.server("server-localhost", boardCa, "localhost", "127.0.0.1");
        TestCertificates.Pair wrongName = certificates.server("server-wrong-name", boardCa, "mqtt.wrong.invalid",
                null);
        TestCertificates.Pair foreign = certificates.server("server-other-ca", otherCa, "localhost", "127.0.0.1");

        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        int port = EmbeddedBroker.freePort();
        Properties settings = BoardRoom.settings("ssl://localhost:" + port);
        // A file here; on the board a classpath resource (the same key, see README).
        settings.setProperty("relayboard.mqtt.caCert", boardCa.cert.getAbsolutePath());
        settings.setProperty("relayboard.mqtt.username", USER);
        settings.setProperty("relayboard.mqtt.password", PASSWORD);
        SimulatedBoard simulated = this.room.board(settings);
        StringBuilder brokerLogs = new StringBuilder();
        MosquittoBroker broker = this.room.mosquitto(tlsBroker(port, otherCa, foreign));
        RelayBoard board = this.room.start();
        console.awaitLineContaining("(TLS, CA " + boardCa.cert.getAbsolutePath() + ")",
                AbstractRelayIT.TIMEOUT_MS);
        // 0. The clock first, from the access point: no handshake before it.
        console.awaitLine("Time: SYNCING asking " + SimulatedAccessPoint.get().timeServer().address(),
                AbstractRelayIT.TIMEOUT_MS);
        String synced = console.awaitLineContaining("Time: SYNCED ", AbstractRelayIT.TIMEOUT_MS);
        assertTrue(synced, synced.endsWith(" UTC from " + SimulatedAccessPoint.get().timeServer().address()));
        assertTrue(board.clockSet());
        console.awaitLineContaining("MQTT: CONNECTING ssl://localhost:" + port, AbstractRelayIT.TIMEOUT_MS);
        List<String> lines = console.lines();
        assertTrue("the clock is set before the first TLS connect:\n" + console.text(),
                lines.indexOf(synced) < firstContaining(lines, "MQTT: CONNECTING"));
        // 1. A certificate from another CA, for the right name.
        String where = "TLS handshake with broker localhost:" + port + " failed: ";
        Refusals.assertExplained(console, png, "MQTT",
                where + "its certificate is not signed by the CA in relayboard.mqtt.caCert", 2);

        // 2. A certificate from the board's CA, for another name.
        brokerLogs.append(broker.log());
        broker.close();
        broker = this.room.mosquitto(tlsBroker(port, boardCa, wrongName));
        Refusals.assertExplained(console, png, "MQTT", where + "its certificate is not for \"localhost\"", 2);
        assertEquals("never connected while refused", 0, console.count("MQTT: CONNECTED"));

        // 3. The board's CA, the right name: connected over TLS, relaying.
        brokerLogs.append(broker.log());
        broker.close();
        broker = this.room.mosquitto(tlsBroker(port, boardCa, good));
        this.room.awaitConnected(60000);
        console.awaitLineContaining("MQTT: CONNECTED ssl://localhost:" + port, AbstractRelayIT.TIMEOUT_MS);
        Refusals.awaitLed(LedIndicator.IDLE);
        int desktop = broker.desktopPort();
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(desktop, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(desktop, "/test/topic1", "over TLS");
        assertEquals(List.of("over TLS (relay1) (relay2)"), topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        // mosquitto's log reaches its file when it stops (stdout is buffered).
        simulated.stop();
        broker.close();
        String log = broker.log();
        assertTrue("mosquitto saw the board log in as " + USER + ":\n" + log, log.contains("u'" + USER + "'"));
        brokerLogs.append(log);
        Refusals.assertNeverShown(PASSWORD, console, png, brokerLogs.toString());
    }

    private static int firstContaining(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** The board's TLS port (users from a password file, no anonymous) plus a plain one for desktop clients. */
    private static MosquittoBroker.Options tlsBroker(int port, TestCertificates.Pair ca, TestCertificates.Pair server) {
        return new MosquittoBroker.Options().port(port).user(USER, PASSWORD).tls(ca.cert, server.cert, server.key)
                .desktopListener();
    }
}
