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

/** A broken configuration is refused at start with one clear line on the console and on the LCD. */
public class ConfigErrorIT {

    @Test
    public void qosThree_isRefusedOnConsoleAndLcd_andTheNeoPixelShowsTheErrorColour() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.qos", "3");
        SimulatedBoard simulated = new SimulatedBoard(settings, png);
        try {
            assertNull("the board must refuse to start", simulated.start());
            String line = "Configuration error: relayboard.mqtt.qos must be 0 or 1, not \"3\"";
            console.awaitLine(line, AbstractRelayIT.TIMEOUT_MS);
            assertEquals("one line, not a stack trace", 1, console.count("Configuration error"));
            // On the LCD the whole line, wrapped.
            LcdImages.awaitWrapped(png, line, LcdScreen.ERROR_TEXT, LcdScreen.BACKGROUND, 3, AbstractRelayIT.TIMEOUT_MS);
            assertEquals(LedIndicator.ERROR, HostLeds.rgb());
        } finally {
            simulated.stop();
        }
    }
}
