package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Rule;
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

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void aBrokerThatNeverAnswers_keepsTheLoopLive_andStopReturnsWithinASecond() throws Exception {
        ConsoleCapture console = this.room.console();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        ServerSocket silent = this.room.broker(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
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
        SimulatedBoard simulated = this.room.board(this.room.boardOf(
                BoardRoom.settings("tcp://127.0.0.1:" + silent.getLocalPort()), BoardProfile.WROVER_KIT));
        RelayBoard board = this.room.start();
        try {
            console.awaitLineContaining("MQTT: CONNECTING tcp://127.0.0.1:" + silent.getLocalPort(), TIMEOUT_MS);
            Poll.within(TIMEOUT_MS, () -> !accepted.isEmpty());
            assertTrue("the board never opened its connection", !accepted.isEmpty());

            // While the connect waits for its CONNACK: the LED blinks on, the status line answers.
            int ledChangesBefore = HostLeds.history().size();
            Poll.within(TIMEOUT_MS, () -> HostLeds.history().size() >= ledChangesBefore + 3);
            assertTrue("the connecting blink stopped while the connect waited: "
                    + HostLeds.history().subList(ledChangesBefore, HostLeds.history().size()),
                    HostLeds.history().size() >= ledChangesBefore + 3);
            assertEquals(MqttState.CONNECTING, board.mqttState());
            assertTrue(board.status(), board.status().contains("MQTT CONNECTING"));
        } finally {
            // Timed here, not left to the room: how long the stop takes is what this test checks.
            long startMs = System.currentTimeMillis();
            simulated.stop();
            long tookMs = System.currentTimeMillis() - startMs;
            System.out.println("[SilentBrokerIT] stop() took " + tookMs + " ms with a connect waiting on a silent broker");
            assertTrue("stop() took " + tookMs + " ms", tookMs < QUIT_LIMIT_MS);
        }
        console.awaitLine("RelayBoard stopped", TIMEOUT_MS);
    }
}
