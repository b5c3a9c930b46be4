package com.relayboard.firmware.config;

import org.junit.Assert;
import org.junit.Test;

/** {@code relayboard.mqtt.lanes}: how many lanes (a receiving and a publishing connection each) the board opens. */
public class LanesConfigTest {

    @Test
    public void unset_isTheDefault() throws ConfigException {
        Config config = ConfigLoader.load(MapPropertySource.defaults().remove(ConfigLoader.MQTT_LANES), "a1b2c3");
        Assert.assertEquals(ConfigLoader.DEFAULT_MQTT_LANES, config.lanes());
    }

    @Test
    public void oneAndTwo_areTaken_andSaidWhenNotTheDefault() throws ConfigException {
        for (int lanes = 1; lanes <= ConfigLoader.MAX_MQTT_LANES; lanes++) {
            Config config = ConfigLoader.load(
                    MapPropertySource.defaults().set(ConfigLoader.MQTT_LANES, " " + lanes + " "), "a1b2c3");
            Assert.assertEquals(lanes, config.lanes());
            String said = ", " + lanes + (lanes == 1 ? " lane," : " lanes,");
            Assert.assertEquals(config.describe(), lanes != ConfigLoader.DEFAULT_MQTT_LANES,
                    config.describe().indexOf(said) >= 0);
        }
    }

    @Test
    public void outOfRangeOrNotANumber_isRefusedNamingTheKey() {
        String[] bad = { "0", "3", "-1", "two", "1.5" };
        for (String value : bad) {
            try {
                ConfigLoader.load(MapPropertySource.defaults().set(ConfigLoader.MQTT_LANES, value), "a1b2c3");
                Assert.fail("accepted lanes " + value);
            } catch (ConfigException e) {
                Assert.assertEquals("Configuration error: relayboard.mqtt.lanes must be 1 or 2, not \"" + value + "\"",
                        e.getMessage());
            }
        }
    }
}
