package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.led.HostLeds;

/**
 * Issue 10, item 4: a "broker" that takes the TCP connection and never answers the CONNECT. The board's loop does
 * not wait with the connect: the single LED of the ESP-WROVER-KIT keeps its connecting blink, {@code status}
 * answers, and stopping the board (the simulator's {@code quit}) returns within a second.
 */
public class SilentBrokerIT {

    private static final long TIMEOUT_MS = 15000;
    private static final long QUIT_LIMIT_MS = 1000;

    @Test
    public void aBrokerThatNeverAnswers_keepsTheLoopLive_andStopReturnsWithinASecond() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // held open, never read, never answered
                    }
                } catch (Exception e) {
                    // The test closed the listener.
                }
            }, "silent-broker");
            acceptor.start();
            Properties settings = new Properties();
            settings.setProperty("relayboard.mqtt.broker", "tcp://127.0.0.1:" + silent.getLocalPort());
            SimulatedBoard simulated = new SimulatedBoard(settings,
                    new File(Files.createTempDirectory("lcd").toFile(), "lcd.png")).board(BoardProfile.WROVER_KIT);
            RelayBoard board = simulated.start();
            try {
                console.awaitLineContaining("MQTT: CONNECTING tcp://127.0.0.1:" + silent.getLocalPort(), TIMEOUT_MS);
                long deadline = System.currentTimeMillis() + TIMEOUT_MS;
                while (accepted.isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue("the board never opened its connection", !accepted.isEmpty());

                // While the connect waits for its CONNACK: the LED blinks on, the status line answers.
                int ledChangesBefore = HostLeds.history().size();
                deadline = System.currentTimeMillis() + TIMEOUT_MS;
                while (HostLeds.history().size() < ledChangesBefore + 3 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue("the connecting blink stopped while the connect waited: "
                        + HostLeds.history().subList(ledChangesBefore, HostLeds.history().size()),
                        HostLeds.history().size() >= ledChangesBefore + 3);
                assertEquals(MqttState.CONNECTING, board.mqttState());
                assertTrue(board.status(), board.status().contains("MQTT CONNECTING"));
            } finally {
                long startMs = System.currentTimeMillis();
                simulated.stop();
                long tookMs = System.currentTimeMillis() - startMs;
                System.out.println("[SilentBrokerIT] stop() took " + tookMs + " ms with a connect waiting on a silent broker");
                assertTrue("stop() took " + tookMs + " ms", tookMs < QUIT_LIMIT_MS);
            }
            console.awaitLine("RelayBoard stopped", TIMEOUT_MS);
        }
    }
}
