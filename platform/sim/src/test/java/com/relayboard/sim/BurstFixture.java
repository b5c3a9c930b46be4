package com.relayboard.sim;

import java.util.Properties;

/**
 * The burst tests' room ({@link BoardRoom}, so closed as every test's is): the board's console kept quietly,
 * Debian's mosquitto with the test's settings, the board in this JVM, connected, and a desktop subscriber counting
 * what comes out on topic3. Started by the test with its settings.
 */
final class BurstFixture extends BoardRoom {

    DesktopPaho.Counter topic3;
    /** More board settings, set before {@link #start}. */
    private final Properties extra = new Properties();

    /** Sets a board setting for {@link #start}; returns this fixture. */
    BurstFixture with(String key, String value) {
        this.extra.setProperty(key, value);
        return this;
    }

    /**
     * @param persistent
     *            a persistent session ({@code cleanSession=false}), as the README's nothing-lost settings
     * @param brokerSettings
     *            mosquitto.conf lines, e.g. {@code max_queued_messages 10000}; none: its defaults
     */
    BurstFixture start(String clientId, int qos, boolean persistent, String... brokerSettings) throws Exception {
        quietConsole();
        mosquitto(brokerSettings);
        Properties settings = settings(this.mosquitto.uri());
        settings.setProperty("relayboard.mqtt.clientId", clientId);
        settings.setProperty("relayboard.mqtt.qos", Integer.toString(qos));
        settings.setProperty("relayboard.mqtt.cleanSession", Boolean.toString(!persistent));
        settings.putAll(this.extra);
        // The console at the board's UART rate, as the simulator has it.
        board(new SimulatedBoard(settings, null).uartConsole(true));
        start();
        awaitConnected();
        this.topic3 = client(new DesktopPaho.Counter(this.mosquitto.port(), clientId + "-topic3", Burst.TOPIC3));
        return this;
    }

    int port() {
        return this.mosquitto.port();
    }
}
