package com.relayboard.firmware.net;

/**
 * Restarts the network side when Wi-Fi is up but the broker has stayed out of reach for too long, in
 * the spirit of ESPHome's {@code reboot_timeout}. A board can get stuck in ways its reconnects do not
 * cure (a station whose association went stale without a loss the radio reports, a DHCP lease for the
 * wrong network, a client library in a bad state); leaving Wi-Fi and starting MQTT with new clients
 * clears them without a reboot, which would also cost the console's and the LCD's history.
 *
 * <p>The time counts only while Wi-Fi is connected and the broker is not: with Wi-Fi down the Wi-Fi
 * side is already retrying from scratch. Driven by the loop with its clock.
 */
public final class NetworkWatchdog {

    private final long timeoutMs;
    /** Since when Wi-Fi has been up without a broker connection, or {@code -1} while that is not so. */
    private long unreachableSinceMs = -1;

    /** @param timeoutS how long without the broker while Wi-Fi is up, in seconds; 0: never restart */
    public NetworkWatchdog(int timeoutS) {
        this.timeoutMs = timeoutS * 1000L;
    }

    /**
     * @return {@code true} once, when the broker has been unreachable with Wi-Fi up for the whole timeout;
     *         the count then starts again, so a restart that does not help is tried again a timeout later
     */
    public boolean step(long nowMs, boolean wifiUp, boolean brokerConnected) {
        if (this.timeoutMs <= 0 || !wifiUp || brokerConnected) {
            this.unreachableSinceMs = -1;
            return false;
        }
        if (this.unreachableSinceMs < 0) {
            this.unreachableSinceMs = nowMs;
            return false;
        }
        if (nowMs - this.unreachableSinceMs < this.timeoutMs) {
            return false;
        }
        this.unreachableSinceMs = nowMs;
        return true;
    }

    /**
     * @return when {@link #step} fires at the earliest, in clock milliseconds, or {@link Long#MAX_VALUE}
     *         while it is not counting
     */
    public long nextActionMs() {
        return this.unreachableSinceMs < 0 ? Long.MAX_VALUE : this.unreachableSinceMs + this.timeoutMs;
    }

    /** @return the timeout, in milliseconds; 0 when the watchdog is off */
    public long timeoutMs() {
        return this.timeoutMs;
    }
}
