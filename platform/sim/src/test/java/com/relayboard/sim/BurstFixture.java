package com.relayboard.sim;

import java.util.Properties;

import com.relayboard.firmware.RelayBoard;

/**
 * What the burst tests share: the board's console kept quietly, Debian's mosquitto with the test's
 * settings, the board in this JVM, connected, and a desktop subscriber counting what comes out on
 * topic3.
 */
final class BurstFixture implements AutoCloseable {

    final ConsoleCapture console;
    final MosquittoBroker mosquitto;
    final SimulatedBoard simulated;
    final RelayBoard board;
    final DesktopPaho.Counter topic3;

    private BurstFixture(ConsoleCapture console, MosquittoBroker mosquitto, SimulatedBoard simulated,
            RelayBoard board, DesktopPaho.Counter topic3) {
        this.console = console;
        this.mosquitto = mosquitto;
        this.simulated = simulated;
        this.board = board;
        this.topic3 = topic3;
    }

    /**
     * @param persistent
     *            a persistent session ({@code cleanSession=false}), as the README's nothing-lost settings
     * @param brokerSettings
     *            mosquitto.conf lines, e.g. {@code max_queued_messages 10000}; none: its defaults
     */
    static BurstFixture start(String clientId, int qos, boolean persistent, String... brokerSettings)
            throws Exception {
        ConsoleCapture console = ConsoleCapture.installQuiet();
        MosquittoBroker mosquitto = MosquittoBroker.start(brokerSettings);
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", mosquitto.uri());
        settings.setProperty("relayboard.mqtt.clientId", clientId);
        settings.setProperty("relayboard.mqtt.qos", Integer.toString(qos));
        settings.setProperty("relayboard.mqtt.cleanSession", Boolean.toString(!persistent));
        // The console at the board's UART rate, as the simulator has it.
        SimulatedBoard simulated = new SimulatedBoard(settings, null).uartConsole(true);
        RelayBoard board = simulated.start();
        AbstractRelayIT.awaitConnected(board, console, AbstractRelayIT.TIMEOUT_MS);
        DesktopPaho.Counter topic3 = new DesktopPaho.Counter(mosquitto.port(), clientId + "-topic3", Burst.TOPIC3);
        return new BurstFixture(console, mosquitto, simulated, board, topic3);
    }

    int port() {
        return this.mosquitto.port();
    }

    @Override
    public void close() throws Exception {
        this.simulated.stop();
        this.topic3.close();
        this.mosquitto.close();
    }
}
