package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.Test;

/**
 * The embedded HiveMQ CE when its port is taken: HiveMQ logs a listener it cannot bind and goes on with the
 * others, so EmbeddedBroker must notice and move to a free port, not serve the board a port that is another
 * program's.
 */
public class EmbeddedBrokerIT {

    @Test
    public void portTakenAtBind_isReportedInHiveMqsWords() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker broker = new EmbeddedBroker();
            try {
                String refused = broker.startOn(other.getLocalPort());
                assertNotNull("a listener that could not bind is a refusal", refused);
                assertTrue(refused, refused.contains("Could not start TCP Listener on port " + other.getLocalPort()));
            } finally {
                broker.stop();
            }
        }
    }

    @Test
    public void preferredPortTaken_anotherFreePortServesTheRelay() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker broker = new EmbeddedBroker();
            try {
                int port = broker.start(other.getLocalPort());
                assertNotEquals(other.getLocalPort(), port);
                DesktopClients.Subscription echo = DesktopClients.subscribe(port, "/test/echo", 1, 30, null);
                echo.awaitSubscribed(30000);
                DesktopClients.publish(port, "/test/echo", "served");
                assertEquals(List.of("served"), echo.awaitMessages(30000));
            } finally {
                broker.stop();
            }
        }
    }
}
