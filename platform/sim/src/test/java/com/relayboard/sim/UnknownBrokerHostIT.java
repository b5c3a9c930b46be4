package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.Properties;

import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * A broker host name that does not resolve ({@code .invalid} is reserved never to exist, RFC 6761): the
 * board says so on the console and the LCD, shows red, backs off, and keeps running.
 */
public class UnknownBrokerHostIT {

    @Test
    public void unknownHost_isExplained_andRetriedWithBackoff() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", "tcp://relayboard-broker.invalid:1883");
        SimulatedBoard simulated = new SimulatedBoard(settings, png);
        try {
            RelayBoard board = simulated.start();
            Refusals.assertExplained(console, png, "MQTT", "unknown broker host \"relayboard-broker.invalid\"");
            assertTrue("the board still answers: " + board.status(), board.status().contains("MQTT BACKOFF"));
        } finally {
            simulated.stop();
        }
    }
}
