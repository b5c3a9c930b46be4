package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.util.Properties;

import org.junit.Test;

import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.led.HostLeds;

/**
 * A misspelt key is refused, not ignored: {@code relayboard.mqtt.brokr} would otherwise start the embedded
 * broker quietly instead of the one meant. The refusal names the key meant, on the console and, in full, on the
 * LCD.
 */
public class UnknownKeyIT {

    @Test
    public void misspeltBrokerKey_isRefusedOnConsoleAndLcd_namingTheKeyItMeant() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.brokr", "tcp://127.0.0.1:1");
        SimulatedBoard simulated = new SimulatedBoard(settings, png);
        try {
            assertNull("the board must refuse to start", simulated.start());
            String line = "Configuration error: unknown key relayboard.mqtt.brokr"
                    + " (did you mean relayboard.mqtt.broker?)";
            console.awaitLine(line, AbstractRelayIT.TIMEOUT_MS);
            assertEquals("one line, not a stack trace", 1, console.count("Configuration error"));
            LcdImages.awaitWrapped(png, line, LcdScreen.ERROR_TEXT, LcdScreen.BACKGROUND, 3, AbstractRelayIT.TIMEOUT_MS);
            assertEquals(LedIndicator.ERROR, HostLeds.rgb());
        } finally {
            simulated.stop();
        }
    }
}
