package com.relayboard.sim;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.ui.LedIndicator;

/**
 * An anonymous board meets what a fresh Debian mosquitto does: first nothing listens on its port, then
 * mosquitto 2 refuses anonymous clients. Each is explained (console, LCD, NeoPixel) and retried with
 * backoff; when anonymous access is allowed the board relays, without a restart.
 */
public class MosquittoRefusalsIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void unreachable_thenNotAuthorised_areExplained_thenTheBoardRelays() throws Exception {
        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        int port = EmbeddedBroker.freePort();
        this.room.board(BoardRoom.settings("tcp://127.0.0.1:" + port));
        this.room.start();
        // 1. Nothing listens yet.
        Refusals.assertExplained(console, png, "MQTT",
                "cannot reach broker 127.0.0.1:" + port + " (connection refused)");

        // 2. mosquitto 2's default: no anonymous clients.
        MosquittoBroker broker = this.room.mosquitto(new MosquittoBroker.Options().port(port).noAnonymous());
        Refusals.assertExplained(console, png, "MQTT", "broker refused the connection: not authorized "
                + "(it wants a user name: set relayboard.mqtt.username and relayboard.mqtt.password)", 2);
        assertEquals("never connected while refused", 0, console.count("MQTT: CONNECTED"));

        // 3. The admin allows anonymous clients: the board connects and relays.
        broker.close();
        this.room.mosquitto(new MosquittoBroker.Options().port(port));
        this.room.awaitConnected(60000);
        Refusals.awaitLed(LedIndicator.IDLE);
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(port, "/test/topic1", "allowed now");
        assertEquals(List.of("allowed now (relay1) (relay2)"), topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
    }
}
