package com.relayboard.firmware.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Wi-Fi station that joins at once unless told to fail; records every join. Thread-safe: the board calls it
 * from its loop thread while the test looks.
 */
public final class FakeWifiRadio implements WifiRadio {

    public static final String ADDRESS = "192.168.4.2";

    private final List<Long> joinTimeouts = new ArrayList<Long>();
    private String lastSsid;
    private String lastPassphrase;
    private String lastSecurity;
    private boolean joined;
    private int leaves;
    private int failuresLeft;
    private boolean failAlways;
    private String failureMessage;
    private String address = ADDRESS;

    /** The next {@code count} joins throw an IOException with {@code message}. */
    public synchronized void failNextJoins(int count, String message) {
        this.failuresLeft = count;
        this.failureMessage = message;
    }

    /** Every join from now on throws an IOException with {@code message}. */
    public synchronized void failEveryJoin(String message) {
        this.failAlways = true;
        this.failureMessage = message;
    }

    /** Joins succeed again. */
    public synchronized void joinNormally() {
        this.failAlways = false;
        this.failuresLeft = 0;
    }

    /** The access point goes away: the station is no longer associated. */
    public synchronized void dropLink() {
        this.joined = false;
    }

    /** What {@link #address()} answers once joined; {@code null} = DHCP gave nothing. */
    public synchronized void setAddress(String address) {
        this.address = address;
    }

    @Override
    public synchronized void join(String ssid, String passphrase, String security, long timeoutMs)
            throws IOException {
        this.joinTimeouts.add(Long.valueOf(timeoutMs));
        this.lastSsid = ssid;
        this.lastPassphrase = passphrase;
        this.lastSecurity = security;
        if (this.failAlways || this.failuresLeft > 0) {
            if (this.failuresLeft > 0) {
                this.failuresLeft--;
            }
            this.joined = false;
            throw new IOException(this.failureMessage);
        }
        this.joined = true;
    }

    @Override
    public synchronized boolean isJoined() {
        return this.joined;
    }

    @Override
    public synchronized String address() {
        return this.joined ? this.address : null;
    }

    @Override
    public synchronized void leave() {
        this.leaves++;
        this.joined = false;
    }

    public synchronized int joins() {
        return this.joinTimeouts.size();
    }

    public synchronized long lastJoinTimeoutMs() {
        return this.joinTimeouts.get(this.joinTimeouts.size() - 1).longValue();
    }

    public synchronized String lastSsid() {
        return this.lastSsid;
    }

    public synchronized String lastPassphrase() {
        return this.lastPassphrase;
    }

    public synchronized String lastSecurity() {
        return this.lastSecurity;
    }

    public synchronized int leaves() {
        return this.leaves;
    }
}
