package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * A {@code tcp://} board does not wait for its clock: with the access point's SNTP server silent, it connects to
 * Debian's mosquitto and relays, while the console says the time server does not answer.
 */
public class MosquittoTcpWithoutTimeIT {

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void tcpBoard_relaysWithoutATimeServer() throws Exception {
        SimulatedAccessPoint.get().timeServer().setAnswering(false);
        ConsoleCapture console = this.room.console();
        MosquittoBroker broker = this.room.mosquitto();
        this.room.board(BoardRoom.settings(broker.uri()));
        RelayBoard board = this.room.start();
        this.room.awaitConnected();
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(broker.port(), "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
        DesktopClients.publish(broker.port(), "/test/topic1", "no clock needed");
        assertEquals(List.of("no clock needed (relay1) (relay2)"),
                topic3.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        console.awaitLineContaining("Time: FAILED " + SimulatedAccessPoint.get().timeServer().address()
                + " did not answer within 5.0 s; retrying in ", AbstractRelayIT.TIMEOUT_MS);
        assertFalse(board.clockSet());
        assertEquals(0, SimulatedAccessPoint.get().timeServer().answers());
    }
}
