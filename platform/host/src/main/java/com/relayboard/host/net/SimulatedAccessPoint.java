package com.relayboard.host.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The access point of the simulated room, and the board's station association to it.
 *
 * <p>Its SSID, passphrase and security mode are the simulator's own settings (by default the
 * firmware's default credentials), so a board configured with other credentials fails to join, as
 * it would next to a real router. The simulator's {@code wifi down}/{@code wifi up} take the access
 * point out of range and back: a joined station is disassociated and, as lwIP does when an
 * interface loses its address, every TCP connection of the station is aborted.
 *
 * <p>DHCP behaves as on MicroEJ's ESP32 ports: a join returns on association, and the station's
 * address reads 0.0.0.0 (the port's {@code getIP()} copies the interface's address unconditionally)
 * until the lease comes, {@link #setLeaseDelayMs(long) a lease delay} after the association; the
 * station cannot open TCP connections before it.
 *
 * <p>It also answers SNTP ({@link SimulatedTimeServer}), on real UDP on loopback, while the station has its lease.
 *
 * <p>Host-only: the firmware reaches it only through ECOM-WiFi and ECOM-Network, and NET's sockets.
 */
public final class SimulatedAccessPoint {

    /** Default time a join takes, in milliseconds; a real association plus DHCP takes longer. */
    public static final long DEFAULT_JOIN_DELAY_MS = 50;
    /**
     * Default time from association to the DHCP lease, in milliseconds: small, so the simulator starts
     * quickly, but not zero, so that it goes through the firmware's wait for an address too.
     */
    public static final long DEFAULT_LEASE_DELAY_MS = 200;
    /** A lease delay that never ends: DHCP never answers. */
    public static final long LEASE_NEVER = -1;

    private static final SimulatedAccessPoint INSTANCE = new SimulatedAccessPoint();

    private String ssid = "RelayBoard-AP";
    private String passphrase = "relayboard";
    private String securityMode = "WPA2";
    private boolean inRange = true;
    private boolean stationJoined;
    private long joinDelayMs = DEFAULT_JOIN_DELAY_MS;
    private long leaseDelayMs = DEFAULT_LEASE_DELAY_MS;
    /**
     * When the joined station's lease comes, in {@code System.nanoTime()} (monotonic: a lease delay is not stretched
     * or cut by the wall clock being set; nanoseconds, so that no lease comes a truncated millisecond early).
     */
    private long leaseAtNanos;
    /** Whether the joined station's lease never comes ({@link #LEASE_NEVER}). */
    private boolean leaseNever = true;
    private int joinAttempts;
    private final List<LinkListener> listeners = new ArrayList<>();
    private final SimulatedTimeServer timeServer = new SimulatedTimeServer(this);

    /** Told when the station gains or loses its association. */
    public interface LinkListener {
        void onStationLink(boolean joined);
    }

    private SimulatedAccessPoint() {
    }

    public static SimulatedAccessPoint get() {
        return INSTANCE;
    }

    /** Sets what the access point accepts. A joined station is dropped when the settings change. */
    public synchronized void configure(String ssid, String passphrase, String securityMode) {
        this.ssid = ssid;
        this.passphrase = passphrase == null ? "" : passphrase;
        this.securityMode = securityMode;
        dropStation();
    }

    public synchronized void setJoinDelayMs(long joinDelayMs) {
        this.joinDelayMs = joinDelayMs;
    }

    /**
     * Sets how long after each association DHCP gives the station its address: 0 for at once, negative
     * ({@link #LEASE_NEVER}) for never. Applies from the next association.
     */
    public synchronized void setLeaseDelayMs(long leaseDelayMs) {
        this.leaseDelayMs = leaseDelayMs;
    }

    public synchronized long leaseDelayMs() {
        return this.leaseDelayMs;
    }

    /** Takes the access point out of range ({@code false}) or brings it back ({@code true}). */
    public synchronized void setInRange(boolean inRange) {
        this.inRange = inRange;
        if (!inRange) {
            dropStation();
        }
    }

    public synchronized boolean isInRange() {
        return this.inRange;
    }

    public synchronized boolean isStationJoined() {
        return this.stationJoined;
    }

    /** How many joins the station has attempted since the start, successful or not. */
    public synchronized int joinAttempts() {
        return this.joinAttempts;
    }

    /** @return the access point's SNTP server (started by the simulated board, on loopback) */
    public SimulatedTimeServer timeServer() {
        return this.timeServer;
    }

    public synchronized void addLinkListener(LinkListener listener) {
        this.listeners.add(listener);
    }

    /** Associates the station, or fails the way ECOM-WiFi's join does: with an IOException. */
    public void join(String requestedSsid, String requestedPassphrase, String requestedMode) throws IOException {
        long delayMs;
        synchronized (this) {
            this.joinAttempts++;
            delayMs = this.joinDelayMs;
        }
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("join interrupted");
        }
        synchronized (this) {
            if (!this.inRange || requestedSsid == null || !requestedSsid.equals(this.ssid)) {
                throw new IOException("no access point with SSID \"" + requestedSsid + "\" found");
            }
            boolean open = "OPEN".equals(this.securityMode);
            boolean modeMatches = this.securityMode.equals(requestedMode);
            boolean passphraseMatches = open || this.passphrase.equals(requestedPassphrase);
            if (!modeMatches || !passphraseMatches) {
                throw new IOException("authentication with access point \"" + requestedSsid + "\" failed");
            }
            if (!this.stationJoined) {
                this.stationJoined = true;
                this.leaseNever = this.leaseDelayMs < 0;
                this.leaseAtNanos = System.nanoTime() + Math.max(0, this.leaseDelayMs) * 1000000L;
                notifyLink(true);
            }
        }
    }

    public synchronized void leave() {
        dropStation();
    }

    /** @return whether the station is joined and DHCP has given it its address */
    public synchronized boolean hasLease() {
        return this.stationJoined && !this.leaseNever && System.nanoTime() - this.leaseAtNanos >= 0;
    }

    /**
     * The station interface's address, as the port reads it: the loopback address once leased (the station's
     * traffic really goes through loopback), 0.0.0.0 before the lease and when not joined.
     */
    public synchronized InetAddress stationAddress() {
        return hasLease() ? loopback() : unspecified();
    }

    public synchronized InetAddress gatewayAddress() {
        return loopback();
    }

    public synchronized String ssid() {
        return this.ssid;
    }

    public synchronized String securityMode() {
        return this.securityMode;
    }

    /** A fixed, locally administered BSSID for the simulated router. */
    public byte[] bssid() {
        return new byte[] { 0x02, 0x52, 0x42, 0x00, 0x00, 0x01 };
    }

    public int channel() {
        return 6;
    }

    public float rssiDbm() {
        return -48f;
    }

    private void dropStation() {
        if (this.stationJoined) {
            this.stationJoined = false;
            StationNetwork.get().abortAll("the station lost its access point");
            notifyLink(false);
        }
    }

    private void notifyLink(boolean joined) {
        for (LinkListener listener : this.listeners) {
            listener.onStationLink(joined);
        }
    }


    /** 0.0.0.0: what lwIP's interface address is before DHCP. */
    public static InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[] { 0, 0, 0, 0 });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
