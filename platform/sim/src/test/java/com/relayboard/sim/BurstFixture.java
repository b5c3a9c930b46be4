package com.relayboard.sim;

import java.util.Properties;

import org.junit.rules.ExternalResource;

import com.relayboard.firmware.RelayBoard;

/**
 * What the burst tests share, as a JUnit rule: the board's console kept quietly, Debian's mosquitto
 * with the test's settings, the board in this JVM, connected, and a desktop subscriber counting what
 * comes out on topic3. Started by the test with its settings; stopped after it, whatever happened.
 */
final class BurstFixture extends ExternalResource {

    ConsoleCapture console;
    MosquittoBroker mosquitto;
    SimulatedBoard simulated;
    RelayBoard board;
    DesktopPaho.Counter topic3;

    /**
     * @param persistent
     *            a persistent session ({@code cleanSession=false}), as the README's nothing-lost settings
     * @param brokerSettings
     *            mosquitto.conf lines, e.g. {@code max_queued_messages 10000}; none: its defaults
     */
    BurstFixture start(String clientId, int qos, boolean persistent, String... brokerSettings) throws Exception {
        this.console = ConsoleCapture.installQuiet();
        this.mosquitto = MosquittoBroker.start(brokerSettings);
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", this.mosquitto.uri());
        settings.setProperty("relayboard.mqtt.clientId", clientId);
        settings.setProperty("relayboard.mqtt.qos", Integer.toString(qos));
        settings.setProperty("relayboard.mqtt.cleanSession", Boolean.toString(!persistent));
        // The console at the board's UART rate, as the simulator has it.
        this.simulated = new SimulatedBoard(settings, null).uartConsole(true);
        this.board = this.simulated.start();
        AbstractRelayIT.awaitConnected(this.board, this.console, AbstractRelayIT.TIMEOUT_MS);
        this.topic3 = new DesktopPaho.Counter(this.mosquitto.port(), clientId + "-topic3", Burst.TOPIC3);
        return this;
    }

    int port() {
        return this.mosquitto.port();
    }

    @Override
    protected void after() {
        try {
            if (this.simulated != null) {
                this.simulated.stop();
            }
            if (this.topic3 != null) {
                this.topic3.close();
            }
            if (this.mosquitto != null) {
                this.mosquitto.close();
            }
        } catch (Exception e) {
            throw new AssertionError("could not stop the burst test's board and broker", e);
        }
    }
}
