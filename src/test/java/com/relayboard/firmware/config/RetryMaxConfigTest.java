package com.relayboard.firmware.config;

import org.junit.Assert;
import org.junit.Test;

/** {@code relayboard.mqtt.retryMaxS}: the reconnect backoff's cap. */
public class RetryMaxConfigTest {

    @Test
    public void unset_isThirtySeconds() throws ConfigException {
        Config config = ConfigLoader.load(MapPropertySource.defaults().remove(ConfigLoader.MQTT_RETRY_MAX_S), "a1b2c3");
        Assert.assertEquals(30, config.retryMaxS());
    }

    @Test
    public void set_isTaken() throws ConfigException {
        Config config = ConfigLoader.load(MapPropertySource.defaults().set(ConfigLoader.MQTT_RETRY_MAX_S, " 8 "),
                "a1b2c3");
        Assert.assertEquals(8, config.retryMaxS());
    }

    @Test
    public void outOfRangeOrNotANumber_isRefusedNamingTheKey() {
        String[] bad = { "0", "-5", "3601", "ten", "1.5" };
        for (String value : bad) {
            try {
                ConfigLoader.load(MapPropertySource.defaults().set(ConfigLoader.MQTT_RETRY_MAX_S, value), "a1b2c3");
                Assert.fail("accepted retryMaxS " + value);
            } catch (ConfigException e) {
                Assert.assertEquals("Configuration error: relayboard.mqtt.retryMaxS must be a number of seconds from 1 to "
                        + "3600, not \"" + value + "\"", e.getMessage());
            }
        }
    }
}
