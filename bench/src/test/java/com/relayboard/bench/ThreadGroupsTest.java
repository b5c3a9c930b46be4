package com.relayboard.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ThreadGroupsTest {

    @Test
    public void threadsAreGroupedByTheNamesTheFirmwareMicroUiAndPahoGive() {
        assertEquals(BoardAgent.LOOP, BoardAgent.groupOf("relayboard-loop"));
        assertEquals(BoardAgent.OUTBOX, BoardAgent.groupOf("relayboard-outbox"));
        assertEquals(BoardAgent.UI, BoardAgent.groupOf("MicroUI"));
        assertEquals(BoardAgent.MQTT, BoardAgent.groupOf("MQTT Rec: bench-board-q1"));
        assertEquals(BoardAgent.MQTT, BoardAgent.groupOf("MQTT Ping: bench-board-q1"));
        assertEquals(BoardAgent.OTHER, BoardAgent.groupOf("main"));
    }
}
