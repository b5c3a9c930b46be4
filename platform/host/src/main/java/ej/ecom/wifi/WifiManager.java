package ej.ecom.wifi;

import java.io.IOException;

import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * ECOM-WiFi station control, backed on the host by the {@link SimulatedAccessPoint}: joining
 * succeeds only with that access point's SSID, passphrase and security mode, as it would in a real
 * room. All calls block, like the native ones.
 */
public class WifiManager {

    private static final WifiManager INSTANCE = new WifiManager();

    private WifiManager() {
    }

    public static WifiManager getInstance() {
        return INSTANCE;
    }

    public void join(String ssid, String passphrase, SecurityMode mode) throws IOException {
        SimulatedAccessPoint.get().join(ssid, passphrase, mode == null ? null : mode.name());
    }

    public void leave() throws IOException {
        SimulatedAccessPoint.get().leave();
    }

    /**
     * @return the access point the station is associated with, or {@code null} when not joined
     */
    public AccessPoint getJoined() throws IOException {
        SimulatedAccessPoint ap = SimulatedAccessPoint.get();
        if (!ap.isStationJoined()) {
            return null;
        }
        return new AccessPoint(ap.ssid(), ap.bssid(), ap.channel(), ap.rssiDbm(), SecurityMode.valueOf(ap.securityMode()));
    }
}
