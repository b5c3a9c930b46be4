package com.relayboard.firmware.net;

/**
 * A Wi-Fi station that associates as soon as a join is started, unless told to fail or to hold joins;
 * records every join. Thread-safe: the board calls it from its loop thread while the test looks.
 */
public final class FakeWifiRadio implements WifiRadio {

    public static final String ADDRESS = "192.168.4.2";

    private int joins;
    private String lastSsid;
    private String lastPassphrase;
    private String lastSecurity;
    private JoinProgress progress = JoinProgress.NONE;
    private String failure;
    private boolean joined;
    private int leaves;
    private int failuresLeft;
    private boolean failAlways;
    private boolean holdJoins;
    private String failureMessage;
    private String address = ADDRESS;

    /** The next {@code count} joins fail with {@code message}. */
    public synchronized void failNextJoins(int count, String message) {
        this.failuresLeft = count;
        this.failureMessage = message;
    }

    /** Every join from now on fails with {@code message}. */
    public synchronized void failEveryJoin(String message) {
        this.failAlways = true;
        this.failureMessage = message;
    }

    /** Joins succeed again. */
    public synchronized void joinNormally() {
        this.failAlways = false;
        this.failuresLeft = 0;
    }

    /** Joins started from now on stay in progress until {@link #completeJoin()} (an access point that is slow to answer). */
    public synchronized void holdJoins() {
        this.holdJoins = true;
    }

    /** The join in progress associates; joins after it associate at once again. */
    public synchronized void completeJoin() {
        this.holdJoins = false;
        if (this.progress == JoinProgress.IN_PROGRESS) {
            this.progress = JoinProgress.ASSOCIATED;
            this.joined = true;
        }
    }

    /** The access point goes away: the station is no longer associated. */
    public synchronized void dropLink() {
        this.joined = false;
    }

    /** What {@link #address()} answers once joined: {@code null} or {@code "0.0.0.0"} = DHCP gave nothing yet. */
    public synchronized void setAddress(String address) {
        this.address = address;
    }

    @Override
    public synchronized void startJoin(String ssid, String passphrase, String security) {
        this.joins++;
        this.lastSsid = ssid;
        this.lastPassphrase = passphrase;
        this.lastSecurity = security;
        this.failure = null;
        if (this.failAlways || this.failuresLeft > 0) {
            if (this.failuresLeft > 0) {
                this.failuresLeft--;
            }
            this.joined = false;
            this.progress = JoinProgress.FAILED;
            this.failure = this.failureMessage;
        } else if (this.holdJoins) {
            this.progress = JoinProgress.IN_PROGRESS;
        } else {
            this.progress = JoinProgress.ASSOCIATED;
            this.joined = true;
        }
    }

    @Override
    public synchronized JoinProgress joinProgress() {
        return this.progress;
    }

    @Override
    public synchronized String joinFailure() {
        return this.failure;
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
        this.progress = JoinProgress.NONE;
        this.failure = null;
    }

    public synchronized int joins() {
        return this.joins;
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
