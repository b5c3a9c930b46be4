package com.relayboard.host.net;

import org.junit.rules.ExternalResource;

/**
 * The simulated access point as the host's network tests want it: in range, joining and leasing at once, with the
 * test's credentials; left again, with the default lease delay, after each test. {@link #joined()} also joins the
 * station through ECOM-WiFi, as the firmware would.
 */
final class RoomAccessPoint extends ExternalResource {

    static final String SSID = "Test-AP";
    static final String PASSPHRASE = "passphrase";
    static final String SECURITY = "WPA2";

    private final boolean join;

    private RoomAccessPoint(boolean join) {
        this.join = join;
    }

    /** @return the access point, the station not joined yet */
    static RoomAccessPoint inRange() {
        return new RoomAccessPoint(false);
    }

    /** @return the access point with the station joined and leased */
    static RoomAccessPoint joined() {
        return new RoomAccessPoint(true);
    }

    SimulatedAccessPoint get() {
        return SimulatedAccessPoint.get();
    }

    @Override
    protected void before() throws Throwable {
        SimulatedAccessPoint ap = get();
        ap.configure(SSID, PASSPHRASE, SECURITY);
        ap.setJoinDelayMs(0);
        ap.setLeaseDelayMs(0);
        ap.setInRange(true);
        if (this.join) {
            ej.ecom.wifi.WifiManager.getInstance().join(SSID, PASSPHRASE, ej.ecom.wifi.SecurityMode.WPA2);
        }
    }

    @Override
    protected void after() {
        SimulatedAccessPoint ap = get();
        ap.setLeaseDelayMs(SimulatedAccessPoint.DEFAULT_LEASE_DELAY_MS);
        ap.leave();
    }
}
