package com.relayboard.sim;

import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

/**
 * A misspelt key is refused, not ignored: {@code relayboard.mqtt.brokr} would otherwise start the embedded
 * broker quietly instead of the one meant. The refusal names the key meant, on the console and, whole, on the
 * LCD.
 */
public class UnknownKeyIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void misspeltBrokerKey_isRefusedOnConsoleAndLcd_namingTheKeyItMeant() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.brokr", "tcp://127.0.0.1:1");
        Refusals.assertRefusedAtStart(this.room, settings,
                "Configuration error: unknown key relayboard.mqtt.brokr (did you mean relayboard.mqtt.broker?)");
    }
}
