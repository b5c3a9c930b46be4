package com.relayboard.firmware.net;

import java.io.IOException;

/**
 * The board's Wi-Fi station, as the connect manager needs it. Implemented on ECOM-WiFi by
 * {@link EcomWifiRadio}, and by plain fakes in tests.
 */
public interface WifiRadio {

    /**
     * Joins the access point and waits for an address; blocks for at most about {@code timeoutMs}.
     *
     * @throws IOException
     *             with a message fit for the console when the join fails or times out
     */
    void join(String ssid, String passphrase, String security, long timeoutMs) throws IOException;

    /** @return whether the station is still associated */
    boolean isJoined();

    /** @return the station's IP address as text, or {@code null} when it has none */
    String address();

    /** Leaves the access point, quietly. */
    void leave();
}
