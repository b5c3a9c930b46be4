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

/**
 * User name and password against Debian's mosquitto with a {@code password_file}: a wrong password is
 * explained (console, LCD, NeoPixel) and retried with backoff; once the broker has the board's password
 * the board relays, under an {@code acl_file} that limits it to its own topics. Neither password is ever
 * shown (console, LCD, broker log). One board, one broker port; the broker is restarted with the fixed
 * configuration, as an admin would.
 */
public class MosquittoCredentialsIT {

    private static final String USER = "relayboard";
    private static final String PASSWORD = "Pw-7f3c9a1e-relay";
    private static final String WIFI_PASSWORD = "wifi-2b8d6e40";

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void wrongPassword_isExplainedAndRetried_thenTheBoardRelays_andNoPasswordIsShown() throws Exception {
        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        int port = EmbeddedBroker.freePort();
        Properties settings = BoardRoom.settings("tcp://127.0.0.1:" + port);
        settings.setProperty("relayboard.mqtt.username", USER);
        settings.setProperty("relayboard.mqtt.password", PASSWORD);
        settings.setProperty("relayboard.wifi.password", WIFI_PASSWORD);
        SimulatedBoard simulated = this.room.board(new SimulatedBoard(settings, png)
                .accessPoint("RelayBoard-AP", WIFI_PASSWORD, "WPA2"));
        StringBuilder brokerLogs = new StringBuilder();
        MosquittoBroker broker = this.room.mosquitto(new MosquittoBroker.Options().port(port)
                .user(USER, "another-password"));
        RelayBoard board = this.room.start();
        // 1. The password file holds another password: CONNACK refuses the board.
        Refusals.assertExplained(console, png, "MQTT", "broker refused the connection: not authorized "
                + "(check relayboard.mqtt.username and relayboard.mqtt.password)");
        assertEquals("never connected while refused", 0, console.count("MQTT: CONNECTED"));

        // 2. The password file is fixed: the board connects and relays, without a restart. Its ACL
        // lets the board read and write only its own topics (anonymous desktop clients: everything).
        brokerLogs.append(broker.log());
        broker.close();
        broker = this.room.mosquitto(new MosquittoBroker.Options().port(port).user(USER, PASSWORD)
                .acl("topic readwrite #", "user " + USER, "topic readwrite /test/#", "topic readwrite relayboard/#"));
        this.room.awaitConnected(60000);
        Refusals.awaitLed(LedIndicator.IDLE);
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(port, "/test/topic1", "with credentials");
        assertEquals(List.of("with credentials (relay1) (relay2)"),
                topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        console.awaitLine("New message (topic=\"/test/topic2\", message=\"with credentials (relay1)\")",
                AbstractRelayIT.TIMEOUT_MS);
        console.awaitLine("MQTT: CONNECTED tcp://127.0.0.1:" + port
                + ", subscribed to /test/topic1, /test/topic2", AbstractRelayIT.TIMEOUT_MS);

        // mosquitto's log reaches its file when it stops (stdout is buffered).
        simulated.stop();
        broker.close();
        brokerLogs.append(broker.log());
        assertTrue("mosquitto saw the board log in as " + USER, brokerLogs.indexOf("u'" + USER + "'") >= 0);
        for (String secret : new String[] { PASSWORD, WIFI_PASSWORD }) {
            Refusals.assertNeverShown(secret, console, png, brokerLogs.toString());
            if (board.status().contains(secret)) {
                throw new AssertionError("the status line shows a password");
            }
        }
    }
}
