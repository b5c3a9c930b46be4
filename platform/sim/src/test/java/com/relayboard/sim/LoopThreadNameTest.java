package com.relayboard.sim;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.host.paho.EventLoopCheck;

/**
 * The host refuses blocking MQTT calls on the thread the firmware names its loop: the two names must be one, or the
 * check would watch a thread that does not exist and every test would pass whatever the loop does.
 */
public class LoopThreadNameTest {

    @Test
    public void theHostWatchesTheThreadTheFirmwareNamesItsLoop() {
        assertEquals(RelayBoard.LOOP_THREAD_NAME, EventLoopCheck.LOOP_THREAD_NAME);
    }
}
