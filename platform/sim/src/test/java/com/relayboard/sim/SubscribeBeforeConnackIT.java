package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * MQTT 3.1.1 section 3.1.4: a client may send packets right after CONNECT, before its CONNACK. The simplest
 * Paho Python subscriber does ({@code connect(); subscribe(); loop}); against the simulator's embedded
 * broker it gets the relay, over TCP and over WebSockets (issue 18, item 1).
 */
public class SubscribeBeforeConnackIT {

    /** The board {@link AbstractRelayIT} boots, and what surrounds it: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = AbstractRelayIT.ROOM;

    private static final int MESSAGES = 1;

    @BeforeClass
    public static void boot() throws Exception {
        AbstractRelayIT.bootBoard(null);
    }

    @Test
    public void pahoPythonOverTcp_subscribingBeforeItsConnack_getsTheRelay() throws Exception {
        assertRelayed(AbstractRelayIT.brokerPort, "tcp", "tcp hello");
    }

    @Test
    public void pahoPythonOverWebSockets_subscribingBeforeItsConnack_getsTheRelay() throws Exception {
        URI websocket = URI.create(AbstractRelayIT.simulated.embeddedBrokerWebSocketUri());
        assertEquals(EmbeddedBroker.WEBSOCKET_PATH, websocket.getPath());
        assertRelayed(websocket.getPort(), "websockets", "websockets hello");
    }

    private static void assertRelayed(int port, String transport, String text) throws Exception {
        PahoPythonSubscriber subscriber = PahoPythonSubscriber.start(port, transport, "/test/topic3", MESSAGES,
                AbstractRelayIT.SUB_TIMEOUT_S);
        try {
            subscriber.awaitSubscribed(AbstractRelayIT.TIMEOUT_MS);
            // The case under test: the SUBSCRIBE left before the CONNACK came back.
            assertTrue(subscriber.text(), subscriber.lines().contains("SENT_BEFORE_CONNACK"));
            DesktopClients.publish(AbstractRelayIT.brokerPort, "/test/topic1", text);
            assertEquals(subscriber.text(), List.of(text + " (relay1) (relay2)"),
                    subscriber.awaitMessages(AbstractRelayIT.TIMEOUT_MS));
        } finally {
            subscriber.stop();
        }
    }
}
