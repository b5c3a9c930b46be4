package com.relayboard.sim;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.ui.LedIndicator;

/**
 * An anonymous board meets what a fresh Debian mosquitto does: first nothing listens on its port, then
 * mosquitto 2 refuses anonymous clients. Each is explained (console, LCD, NeoPixel) and retried with
 * backoff; when anonymous access is allowed the board relays, without a restart.
 */
public class MosquittoRefusalsIT {

    @Test
    public void unreachable_thenNotAuthorised_areExplained_thenTheBoardRelays() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        int port = EmbeddedBroker.freePort();
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", "tcp://127.0.0.1:" + port);
        SimulatedBoard simulated = new SimulatedBoard(settings, png);
        MosquittoBroker broker = null;
        try {
            RelayBoard board = simulated.start();
            // 1. Nothing listens yet.
            Refusals.assertExplained(console, png, "MQTT",
                    "cannot reach broker 127.0.0.1:" + port + " (connection refused)");

            // 2. mosquitto 2's default: no anonymous clients.
            broker = MosquittoBroker.start(new MosquittoBroker.Options().port(port).noAnonymous());
            Refusals.assertExplained(console, png, "MQTT", "broker refused the connection: not authorized "
                    + "(it wants a user name: set relayboard.mqtt.username and relayboard.mqtt.password)", 2);
            assertEquals("never connected while refused", 0, console.count("MQTT: CONNECTED"));

            // 3. The admin allows anonymous clients: the board connects and relays.
            broker.close();
            broker = MosquittoBroker.start(new MosquittoBroker.Options().port(port));
            AbstractRelayIT.awaitConnected(board, console, 60000);
            Refusals.awaitLed(LedIndicator.IDLE);
            DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
            topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
            DesktopClients.publish(port, "/test/topic1", "allowed now");
            assertEquals(List.of("allowed now (relay1) (relay2)"), topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        } finally {
            simulated.stop();
            if (broker != null) {
                broker.close();
            }
        }
    }
}
