package ej.ecom.wifi;

/**
 * An access point as ECOM-WiFi reports it. No public constructor: instances come from
 * {@link WifiManager}.
 */
public class AccessPoint {

    private final String ssid;
    private final byte[] bssid;
    private final int channel;
    private final float rssi;
    private final SecurityMode securityMode;

    AccessPoint(String ssid, byte[] bssid, int channel, float rssi, SecurityMode securityMode) {
        this.ssid = ssid;
        this.bssid = bssid.clone();
        this.channel = channel;
        this.rssi = rssi;
        this.securityMode = securityMode;
    }

    public String getSSID() {
        return this.ssid;
    }

    public byte[] getBSSID() {
        return this.bssid.clone();
    }

    public int getChannel() {
        return this.channel;
    }

    public float getRSSI() {
        return this.rssi;
    }

    public SecurityMode getSecurityMode() {
        return this.securityMode;
    }
}
