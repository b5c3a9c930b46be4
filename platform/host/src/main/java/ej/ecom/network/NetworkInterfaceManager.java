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
     * @return the interface's current configuration. As on MicroEJ's ESP32 ports, whose native getIP copies
     *         the interface's address unconditionally, its IP is 0.0.0.0, never {@code null}, while the
     *         station has no lease (not joined, or DHCP not done yet); so are its netmask and gateway
     *         (inferred: lwIP clears all three together)
     */
    public static IPConfiguration getIPConfiguration(NetworkInterface netif) throws IOException {
        SimulatedAccessPoint ap = SimulatedAccessPoint.get();
        IPConfiguration configuration = new IPConfiguration();
        if (ap.hasLease()) {
            configuration.setLease(ap.stationAddress(), InetAddress.getByAddress(new byte[] { (byte) 255, 0, 0, 0 }),
                    ap.gatewayAddress(), true);
        } else {
            InetAddress none = SimulatedAccessPoint.unspecified();
            configuration.setLease(none, none, none, false);
        }
        return configuration;
    }

    public static void setDefault(NetworkInterface netif) throws IOException {
        // Only one interface carries traffic on the host.
    }
}
