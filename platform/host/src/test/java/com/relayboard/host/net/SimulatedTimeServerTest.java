package com.relayboard.host.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * The access point's SNTP server on real UDP: a version 4 server reply carrying the client's transmit timestamp and
 * the desktop's time, only while the station has its lease, and none at all while told not to answer. One JVM per
 * test class, so the access point is this class's alone.
 */
public class SimulatedTimeServerTest {

    private static final long NTP_TO_UNIX_S = 2208988800L;
    private static final long TAG = 0x1122334455667788L;

    @Rule
    public final RoomAccessPoint room = RoomAccessPoint.inRange();
    private final SimulatedAccessPoint ap = SimulatedAccessPoint.get();
    private int port;

    @Before
    public void setUp() throws Exception {
        String address = this.ap.timeServer().start();
        assertTrue(address, address.startsWith("127.0.0.1:"));
        this.port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
    }

    @After
    public void tearDown() {
        this.ap.timeServer().setAnswering(true);
    }

    @Test
    public void answersALeasedStationWithTheDesktopsTime() throws Exception {
        this.ap.join("Test-AP", "passphrase", "WPA2");
        long beforeMs = System.currentTimeMillis();
        byte[] reply = ask(2000);
        long afterMs = System.currentTimeMillis();
        assertEquals("version 4, mode 4 (server)", 0x24, reply[0] & 0xff);
        assertTrue("stratum 1 to 15", reply[1] >= 1 && reply[1] <= 15);
        assertEquals("originate = our transmit", TAG, read(reply, 24));
        long transmitMs = ((read(reply, 40) >>> 32) - NTP_TO_UNIX_S) * 1000;
        assertTrue(transmitMs + " in [" + beforeMs + ", " + afterMs + "]",
                transmitMs >= beforeMs - 1000 && transmitMs <= afterMs);
    }

    @Test
    public void staysSilentWhenToldOrWhenTheStationHasNoLease() throws Exception {
        int answersBefore = this.ap.timeServer().answers();
        // Not joined: no address, no answer.
        assertNoAnswer();
        this.ap.join("Test-AP", "passphrase", "WPA2");
        this.ap.timeServer().setAnswering(false);
        assertNoAnswer();
        assertEquals(answersBefore, this.ap.timeServer().answers());
        this.ap.timeServer().setAnswering(true);
        assertEquals(TAG, read(ask(2000), 24));
    }

    private void assertNoAnswer() throws Exception {
        try {
            ask(500);
            fail("the server answered");
        } catch (SocketTimeoutException e) {
            // As the board sees a server that is down.
        }
    }

    private byte[] ask(int timeoutMs) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(timeoutMs);
            byte[] request = new byte[48];
            request[0] = 0x23;
            for (int i = 0; i < 8; i++) {
                request[40 + i] = (byte) (TAG >>> (56 - 8 * i));
            }
            socket.send(new DatagramPacket(request, 48, InetAddress.getLoopbackAddress(), this.port));
            byte[] reply = new byte[48];
            DatagramPacket packet = new DatagramPacket(reply, 48);
            socket.receive(packet);
            assertEquals(48, packet.getLength());
            return reply;
        }
    }

    private static long read(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
