package com.relayboard.firmware.config;

import org.junit.Assert;
import org.junit.Test;

/** {@code relayboard.mqtt.restartAfterS}: the watchdog's timeout. */
public class RestartAfterConfigTest {

    @Test
    public void unset_isFifteenMinutes_asEsphomesRebootTimeout() throws ConfigException {
        Config config = ConfigLoader.load(MapPropertySource.defaults().remove(ConfigLoader.MQTT_RESTART_AFTER_S),
                "a1b2c3");
        Assert.assertEquals(900, config.restartAfterS());
    }

    @Test
    public void zero_turnsTheWatchdogOff() throws ConfigException {
        Config config = ConfigLoader.load(MapPropertySource.defaults().set(ConfigLoader.MQTT_RESTART_AFTER_S, "0"),
                "a1b2c3");
        Assert.assertEquals(0, config.restartAfterS());
    }

    @Test
    public void outOfRangeOrNotANumber_isRefusedNamingTheKey() {
        String[] bad = { "-1", "86401", "soon" };
        for (String value : bad) {
            try {
                ConfigLoader.load(MapPropertySource.defaults().set(ConfigLoader.MQTT_RESTART_AFTER_S, value), "a1b2c3");
                Assert.fail("accepted restartAfterS " + value);
            } catch (ConfigException e) {
                Assert.assertEquals("Configuration error: relayboard.mqtt.restartAfterS must be a number of seconds from "
                        + "0 (never) to 86400, not \"" + value + "\"", e.getMessage());
            }
        }
    }
}
