package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.io.File;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * A broker host name that does not resolve ({@code .invalid} is reserved never to exist, RFC 6761): the
 * board says so on the console and the LCD, shows red, backs off, and keeps running.
 */
public class UnknownBrokerHostIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void unknownHost_isExplained_andRetriedWithBackoff() throws Exception {
        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        this.room.board(BoardRoom.settings("tcp://relayboard-broker.invalid:1883"));
        RelayBoard board = this.room.start();
        Refusals.assertExplained(console, png, "MQTT", "unknown broker host \"relayboard-broker.invalid\"");
        assertTrue("the board still answers: " + board.status(), board.status().contains("MQTT BACKOFF"));
    }
}
