package com.relayboard.host.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;


/**
 * The board's socket budget: 10 lwIP sockets on both ESP32 ports, one kept by NET's async_select, so the 10th
 * socket the application asks for fails as lwIP's {@code socket()} does there ({@code NET-1.1:E=-19}), whichever
 * way it is asked for (the host's own sockets, the firmware's factory, a reserved UDP place). One JVM per test class,
 * so the station's network is this class's alone.
 */
public class StationSocketBudgetTest {

    @Rule
    public final RoomAccessPoint ap = RoomAccessPoint.joined();
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket server;
    private int reservedHere;

    @Before
    public void setUp() throws Exception {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @After
    public void tearDown() throws IOException {
        for (Socket socket : this.sockets) {
            socket.close();
        }
        for (; this.reservedHere > 0; this.reservedHere--) {
            StationNetwork.get().release();
        }
        this.server.close();
    }

    @Test
    public void theBoardHasNineSocketsForTheApplication_theTenthFailsAsLwipsDoes() throws IOException {
        StationNetwork network = StationNetwork.get();
        assertEquals(9, network.maxSockets());
        int refusedBefore = network.refusals();
        SocketFactory station = network.socketFactory();
        for (int i = 0; i < 9; i++) {
            this.sockets.add(connected(station));
        }
        assertEquals(9, network.openSockets());
        try {
            this.sockets.add(station.createSocket());
            fail("a 10th socket was made");
        } catch (SocketException expected) {
            assertEquals(StationNetwork.NO_SOCKET_LEFT, expected.getMessage());
        }
        assertEquals(refusedBefore + 1, network.refusals());
        assertTrue(network.lastRefusal(), network.lastRefusal().contains("socket 10 refused"));
        assertEquals(9, network.peakSockets());

        // A socket closed gives its place back.
        this.sockets.remove(0).close();
        this.sockets.add(connected(station));
        assertEquals(9, network.openSockets());
    }

    @Test
    public void theFirmwaresOwnFactoryAndReservedUdpPlaces_shareTheSameNine() throws IOException {
        StationNetwork network = StationNetwork.get();
        SocketFactory firmware = network.socketFactory(SocketFactory.getDefault());
        for (int i = 0; i < 7; i++) {
            Socket socket = firmware.createSocket();
            this.sockets.add(socket);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.server.getLocalPort()), 1000);
        }
        // An SNTP client's DatagramSocket, say: two of them.
        network.reserve();
        this.reservedHere++;
        network.reserve();
        this.reservedHere++;
        assertEquals(9, network.openSockets());
        try {
            firmware.createSocket("127.0.0.1", this.server.getLocalPort());
            fail("a 10th socket was made");
        } catch (SocketException expected) {
            assertEquals(StationNetwork.NO_SOCKET_LEFT, expected.getMessage());
        }
        try {
            network.reserve();
            this.reservedHere++;
            fail("a 10th place was reserved");
        } catch (SocketException expected) {
            assertEquals(StationNetwork.NO_SOCKET_LEFT, expected.getMessage());
        }
        network.release();
        this.reservedHere--;
        this.sockets.add(firmware.createSocket("127.0.0.1", this.server.getLocalPort()));
        assertEquals(9, network.openSockets());
    }

    private Socket connected(SocketFactory factory) throws IOException {
        Socket socket = factory.createSocket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.server.getLocalPort()), 1000);
        return socket;
    }
}
