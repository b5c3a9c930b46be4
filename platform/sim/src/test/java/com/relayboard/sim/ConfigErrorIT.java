package com.relayboard.sim;

import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

/** A broken configuration is refused at start with one clear line on the console and on the LCD. */
public class ConfigErrorIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void qosThree_isRefusedOnConsoleAndLcd_andTheNeoPixelShowsTheErrorColour() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.qos", "3");
        Refusals.assertRefusedAtStart(this.room, settings,
                "Configuration error: relayboard.mqtt.qos must be 0 or 1, not \"3\"");
    }
}
