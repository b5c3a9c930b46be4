package com.relayboard.firmware.config;

import java.util.HashMap;
import java.util.Map;

/** A {@link PropertySource} over a map, for tests; {@link #defaults()} mirrors resources/relayboard.properties.list. */
public final class MapPropertySource implements PropertySource {

    private final Map<String, String> values = new HashMap<String, String>();

    /**
     * @return the defaults of {@code resources/relayboard.properties.list}; there, {@code \ (relay1)} is the
     *         value {@code " (relay1)"}, the backslash keeping the leading space
     */
    public static MapPropertySource defaults() {
        MapPropertySource source = new MapPropertySource();
        source.set("relayboard.wifi.ssid", "RelayBoard-AP");
        source.set("relayboard.wifi.password", "relayboard");
        source.set("relayboard.wifi.security", "WPA2");
        source.set("relayboard.wifi.interface", "st1");
        source.set("relayboard.mqtt.broker", "tcp://test.mosquitto.org:1883");
        source.set("relayboard.mqtt.clientId", "");
        source.set("relayboard.mqtt.username", "");
        source.set("relayboard.mqtt.password", "");
        source.set("relayboard.mqtt.caCert", "");
        source.set("relayboard.mqtt.qos", "1");
        source.set("relayboard.mqtt.keepaliveS", "30");
        source.set("relayboard.mqtt.cleanSession", "true");
        source.set("relayboard.mqtt.maxPayloadBytes", "65536");
        source.set("relayboard.mqtt.retryMaxS", "30");
        source.set("relayboard.mqtt.restartAfterS", "900");
        source.set("relayboard.relay.emptyPayload", "relay");
        source.set("relayboard.time.server", "pool.ntp.org");
        source.set("relayboard.time.resyncS", "3600");
        source.set("relayboard.telemetry.periodS", "60");
        source.set("relayboard.relay.1.from", "/test/topic1");
        source.set("relayboard.relay.1.to", "/test/topic2");
        source.set("relayboard.relay.1.suffix", " (relay1)");
        source.set("relayboard.relay.2.from", "/test/topic2");
        source.set("relayboard.relay.2.to", "/test/topic3");
        source.set("relayboard.relay.2.suffix", " (relay2)");
        return source;
    }

    /** Sets a value (like an application option overriding a default); returns this source. */
    public MapPropertySource set(String key, String value) {
        this.values.put(key, value);
        return this;
    }

    /** Removes a key, as if it had never been defined; returns this source. */
    public MapPropertySource remove(String key) {
        this.values.remove(key);
        return this;
    }

    /** Removes every relay rule. */
    public MapPropertySource withoutRules() {
        for (int number = 1; number <= 20; number++) {
            remove(ConfigLoader.RELAY_PREFIX + number + ".from");
            remove(ConfigLoader.RELAY_PREFIX + number + ".to");
            remove(ConfigLoader.RELAY_PREFIX + number + ".suffix");
        }
        return this;
    }

    /** Sets rule {@code number}. */
    public MapPropertySource rule(int number, String from, String to, String suffix) {
        set(ConfigLoader.RELAY_PREFIX + number + ".from", from);
        set(ConfigLoader.RELAY_PREFIX + number + ".to", to);
        set(ConfigLoader.RELAY_PREFIX + number + ".suffix", suffix);
        return this;
    }

    /** @return the keys that are set, as the simulator lists the system properties */
    public String[] keys() {
        return this.values.keySet().toArray(new String[this.values.size()]);
    }

    @Override
    public String get(String key) {
        return this.values.get(key);
    }
}
