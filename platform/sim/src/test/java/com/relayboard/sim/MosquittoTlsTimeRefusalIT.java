package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.time.TimeState;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.host.net.SimulatedAccessPoint;
import com.relayboard.host.net.SimulatedTimeServer;

/**
 * An {@code ssl://} board whose time server does not answer: the access point's SNTP server is silent. The board
 * says so on the console and the LCD (the server, the reason, the retry delay), backs off with growing delays, and
 * never attempts the TLS connect, which could only fail against a clock at 1970: Debian's mosquitto sees no
 * connection. Once the server answers again, the board sets its clock, connects and relays.
 */
public class MosquittoTlsTimeRefusalIT {

    private static final String FAILED = "Time: FAILED ";

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void silentTimeServer_isExplained_noTlsConnectIsAttempted_untilItAnswers() throws Exception {
        TestCertificates certificates = new TestCertificates();
        TestCertificates.Pair ca = certificates.ca("ca-board");
        TestCertificates.Pair server = certificates.server("server-localhost", ca, "localhost", "127.0.0.1");
        SimulatedTimeServer timeServer = SimulatedAccessPoint.get().timeServer();
        timeServer.setAnswering(false);

        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        MosquittoBroker broker = this.room.mosquitto(new MosquittoBroker.Options().tls(ca.cert, server.cert,
                server.key).desktopListener());
        Properties settings = BoardRoom.settings("ssl://localhost:" + broker.port());
        settings.setProperty("relayboard.mqtt.caCert", ca.cert.getAbsolutePath());
        SimulatedBoard simulated = this.room.board(settings);
        RelayBoard board = this.room.start();
        String address = timeServer.address();
        String reason = FAILED + address + " did not answer within 5.0 s; retrying in ";
        console.awaitLineContaining(reason, AbstractRelayIT.TIMEOUT_MS);
        LcdImages.awaitNotice(png, reason, LcdScreen.ERROR_TEXT, AbstractRelayIT.TIMEOUT_MS);
        // The second refusal comes after the first delay (7.5 to 12.5 s) and another 5 s without an answer.
        Poll.until(40000, () -> console.count(reason) >= 2,
                () -> "no second refusal within 40 s:\n" + console.text());
        List<Long> delays = delays(console, reason);
        assertTrue("the retry delays grow: " + delays, delays.get(0) < delays.get(1));
        assertTrue("asked once per attempt: " + timeServer.requests(), timeServer.requests() >= 2);
        assertEquals(0, timeServer.answers());

        // Two refusals, over 15 s and more: never an ssl:// connect.
        assertEquals("no TLS connect before the clock is set:\n" + console.text(), 0,
                console.count("MQTT: CONNECTING"));
        assertEquals(MqttState.WAITING_FOR_NETWORK, board.mqttState());
        assertFalse(board.clockSet());

        // The server answers again: at the next attempt the clock is set, then the board connects and relays.
        timeServer.setAnswering(true);
        console.awaitLineContaining("Time: SYNCED ", 60000);
        assertEquals(TimeState.SYNCED, board.timeState());
        this.room.awaitConnected();
        int synced = indexOf(console.lines(), "Time: SYNCED ");
        int connecting = indexOf(console.lines(), "MQTT: CONNECTING");
        assertTrue("the first connect comes after the clock is set:\n" + console.text(), synced < connecting);
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(broker.desktopPort(), "/test/topic3", 1, 30,
                null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(broker.desktopPort(), "/test/topic1", "on time");
        assertEquals(List.of("on time (relay1) (relay2)"), topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        // mosquitto's log, whole once it stopped.
        simulated.stop();
        broker.close();
        // Every TLS connection mosquitto saw on the board's port became a client: no handshake ever failed.
        String log = broker.log();
        int connections = 0;
        for (String line : log.split("\n")) {
            if (line.contains("New connection from ") && line.endsWith(" on port " + broker.port() + ".")) {
                connections++;
            }
        }
        assertTrue("mosquitto saw the board:\n" + log, connections > 0);
        assertEquals("connections on the board's port that became clients:\n" + log, connections,
                count(log, " as relayboard-"));
    }

    private static List<Long> delays(ConsoleCapture console, String prefix) {
        List<Long> delays = new ArrayList<>();
        for (String line : console.lines()) {
            int at = line.indexOf(prefix);
            if (at >= 0) {
                delays.add(Math.round(Double.parseDouble(line.substring(at + prefix.length()).replace(" s", "")) * 1000));
            }
        }
        return delays;
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }
}
