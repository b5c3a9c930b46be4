package ej.ecom.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * ECOM-Network interface control. The host has one simulated Wi-Fi station, whatever
 * {@link NetworkInterface} names it (the simulator passes the host's loopback interface, since all
 * of the simulated station's traffic really goes through loopback).
 */
public class NetworkInterfaceManager {

    private NetworkInterfaceManager() {
    }

    public static boolean isStarted(NetworkInterface netif) throws IOException {
        return true;
    }

    public static void start(NetworkInterface netif) throws IOException {
        // The simulated station's interface is always started.
    }

    public static boolean isEnabled(NetworkInterface netif) throws IOException {
        return true;
    }

    public static void enable(NetworkInterface netif) throws IOException {
        // The simulated station's interface is always enabled.
    }

    public static void configure(NetworkInterface netif, IPConfiguration configuration) throws IOException {
        if (configuration.isStatic()) {
            throw new IOException("the simulated access point only hands out addresses by DHCP");
        }
    }

    /**
     * @return the interface's current configuration; its IP is {@code null} while the station has no
     *         lease (not joined)
     */
    public static IPConfiguration getIPConfiguration(NetworkInterface netif) throws IOException {
        SimulatedAccessPoint ap = SimulatedAccessPoint.get();
        IPConfiguration configuration = new IPConfiguration();
        InetAddress lease = ap.stationAddress();
        configuration.setLease(lease, lease == null ? null : InetAddress.getByAddress(new byte[] { (byte) 255, 0, 0, 0 }),
                lease == null ? null : ap.gatewayAddress());
        return configuration;
    }

    public static void setDefault(NetworkInterface netif) throws IOException {
        // Only one interface carries traffic on the host.
    }
}
