package com.relayboard.host.net;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ej.ecom.network.IPConfiguration;
import ej.ecom.network.NetworkInterfaceManager;
import ej.ecom.wifi.SecurityMode;
import ej.ecom.wifi.WifiManager;

/**
 * DHCP as on MicroEJ's ESP32 ports: join returns on association, and getIP() reads 0.0.0.0 (never null) until the
 * lease comes, a lease delay later. One JVM per test class, so the access point is this class's alone.
 */
public class SimulatedAccessPointTest {

    private static final byte[] UNSPECIFIED = { 0, 0, 0, 0 };
    private static final byte[] LOOPBACK = { 127, 0, 0, 1 };
    private static final long DEADLINE_MS = 5000;

    private final SimulatedAccessPoint ap = SimulatedAccessPoint.get();

    @Before
    public void setUp() {
        this.ap.configure("Test-AP", "passphrase", "WPA2");
        this.ap.setJoinDelayMs(0);
        this.ap.setInRange(true);
    }

    @After
    public void tearDown() {
        this.ap.setLeaseDelayMs(SimulatedAccessPoint.DEFAULT_LEASE_DELAY_MS);
        this.ap.leave();
    }

    @Test
    public void beforeAnyJoin_theAddressIsUnspecified_notNull() throws IOException {
        assertArrayEquals(UNSPECIFIED, ip().getAddress());
    }

    @Test
    public void afterAJoin_theAddressIsUnspecifiedUntilTheLeaseDelay_thenLoopback() throws Exception {
        this.ap.setLeaseDelayMs(300);
        long joinedAt = System.nanoTime();
        WifiManager.getInstance().join("Test-AP", "passphrase", SecurityMode.WPA2);
        assertTrue("associated", WifiManager.getInstance().getJoined() != null);
        assertArrayEquals("no lease right after the join", UNSPECIFIED, ip().getAddress());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (Socket socket = StationNetwork.get().socketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 1000);
                fail("connected before the lease");
            } catch (NoRouteToHostException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no address yet"));
            }
            awaitAddress(LOOPBACK);
            long tookMs = (System.nanoTime() - joinedAt) / 1000000L;
            assertTrue("leased after " + tookMs + " ms", tookMs >= 300);
            try (Socket socket = StationNetwork.get().socketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 1000);
            }
        }

        WifiManager.getInstance().leave();
        assertArrayEquals("no lease once left", UNSPECIFIED, ip().getAddress());
    }

    @Test
    public void leaseDelayZero_leasesAtOnce() throws Exception {
        this.ap.setLeaseDelayMs(0);
        WifiManager.getInstance().join("Test-AP", "passphrase", SecurityMode.WPA2);
        assertArrayEquals(LOOPBACK, ip().getAddress());
    }

    @Test
    public void leaseNever_staysUnspecified() throws Exception {
        this.ap.setLeaseDelayMs(SimulatedAccessPoint.LEASE_NEVER);
        WifiManager.getInstance().join("Test-AP", "passphrase", SecurityMode.WPA2);
        assertTrue(this.ap.isStationJoined());
        assertEquals(false, this.ap.hasLease());
        assertArrayEquals(UNSPECIFIED, ip().getAddress());
    }

    private static InetAddress ip() throws IOException {
        IPConfiguration configuration = NetworkInterfaceManager
                .getIPConfiguration(NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()));
        InetAddress ip = configuration.getIP();
        assertTrue("getIP() is never null on the port", ip != null);
        return ip;
    }

    private static void awaitAddress(byte[] expected) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!java.util.Arrays.equals(expected, ip().getAddress())) {
            if (System.currentTimeMillis() > deadline) {
                fail("no lease within " + DEADLINE_MS + " ms");
            }
            Thread.sleep(10);
        }
    }
}
