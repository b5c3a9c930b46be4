package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;


/**
 * A broker that is not there yet: the board says it cannot reach it (console, LCD, NeoPixel), backs
 * off, and relays as soon as the broker comes up, without a restart.
 */
public class UnreachableBrokerIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void brokerDown_isExplained_thenTheBoardRelaysOnceItIsUp() throws Exception {
        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        int port = EmbeddedBroker.freePort();
        this.room.board(BoardRoom.settings("tcp://127.0.0.1:" + port));
        EmbeddedBroker late = this.room.embeddedBroker();
        this.room.start();
        // Console, LCD notice, NeoPixel red, and retries 1 s, 2 s, 4 s apart (jittered) at the start.
        Refusals.assertExplained(console, png, "MQTT",
                "cannot reach broker 127.0.0.1:" + port + " (connection refused)");
        int attempts = console.count("MQTT: CONNECTING");
        assertTrue("connect attempts while refused 3 times: " + attempts, attempts >= 3 && attempts <= 5);

        assertEquals(port, late.start(port));
        this.room.awaitConnected(60000);
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(port, "/test/topic1", "late broker");
        assertEquals(List.of("late broker (relay1) (relay2)"), topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
    }
}
