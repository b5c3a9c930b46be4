package com.relayboard.firmware.net;

/**
 * The board's Wi-Fi station, as the connect manager needs it: polled, so that the loop thread never
 * waits on the radio. Implemented on ECOM-WiFi by {@link EcomWifiRadio}, and by plain fakes in tests.
 *
 * <p>Every method returns at once. Timeouts are the caller's: it measures them with its own clock and
 * calls {@link #leave()} when it gives up.
 */
public interface WifiRadio {

    /**
     * Starts joining the access point and returns at once; {@link #joinProgress()} tells how it goes.
     * A join asked for while an earlier one is still running waits for that one to end (and for the
     * station to leave again, should that one have succeeded).
     */
    void startJoin(String ssid, String passphrase, String security);

    /** @return how far the join last started has come; {@link JoinProgress#NONE} after {@link #leave()} */
    JoinProgress joinProgress();

    /** @return why the join last started failed, fit for the console, or {@code null} if it did not fail */
    String joinFailure();

    /** @return whether the station is still associated */
    boolean isJoined();

    /**
     * @return the station's IP address as text, or {@code null} when it has none yet: no DHCP lease, which
     *         on MicroEJ's ESP32 ports reads as the unspecified address 0.0.0.0, counts as none
     */
    String address();

    /**
     * Leaves the access point, quietly, and forgets the join last started: a join still running is left
     * again as soon as it ends.
     */
    void leave();
}
