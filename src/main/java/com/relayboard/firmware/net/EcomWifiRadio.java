package com.relayboard.firmware.net;

import java.net.InetAddress;
import java.net.NetworkInterface;

import ej.ecom.network.IPConfiguration;
import ej.ecom.network.NetworkInterfaceManager;
import ej.ecom.wifi.SecurityMode;
import ej.ecom.wifi.WifiManager;

/**
 * The Wi-Fi station on ECOM-WiFi and ECOM-Network, following MicroEJ's own join sequence: join, then
 * wait for DHCP to give the station interface an address. Polled: nothing here makes the caller wait.
 *
 * <p>{@code WifiManager.join} and {@code leave} block (ECOM-WiFi states no timeout; the ESP-WROVER-KIT
 * port's driver gives up after 5 s, other ports may wait longer), so they run on one worker thread this
 * radio owns, started with the first join and reused for every join and leave after it. The worker
 * takes one request at a time: a pending leave first, then the latest join asked for. A join asked for
 * while an earlier one still runs therefore waits for it; a join that ends after the caller gave up on
 * it (it called {@link #leave()} or asked for a newer join) is left again, so the station never stays
 * associated behind the caller's back.
 *
 * <p>On MicroEJ's ESP32 ports {@code join} returns on association, before DHCP, and {@code getIP()}
 * copies the interface's address whatever it is: 0.0.0.0 until the lease (docs/api-evidence.md). So
 * {@link #address()} treats an all-zero address as none, and the caller polls it after the join.
 *
 * <p>Which ECOM-WiFi and ECOM-Network calls declare {@code IOException} is not established: every MicroEJ
 * call seen sits in a method that declares it (docs/api-evidence.md). A {@code catch (IOException e)}
 * around a call that declares nothing is a compile error, so each call here is caught as {@code Exception},
 * which compiles either way.
 */
public final class EcomWifiRadio implements WifiRadio {

    private final String interfaceName;

    // Guarded by this object's monitor: what the worker is asked to do. A lock, because the caller records a
    // request that the worker waits for (wait/notifyAll), and the worker's check that the caller still wants the
    // join that ended must not interleave with a newer request.
    private Thread worker;
    private JoinRequest pendingJoin;
    private boolean pendingLeave;
    /** The number of the join the caller waits for; 0 when it waits for none (after a leave). */
    private int wantedJoin;
    /** How the join last asked for went: written under the lock, read without it (volatile). */
    private volatile JoinProgress progress = JoinProgress.NONE;
    /** Why it failed: written before {@link #progress} says FAILED, so a caller that sees FAILED sees it too. */
    private volatile String failure;
    /** No lock: only the caller's thread (the loop) asks for joins. */
    private int joinsAsked;

    public EcomWifiRadio(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    @Override
    public void startJoin(String ssid, String passphrase, String security) {
        SecurityMode mode = "OPEN".equals(security) ? SecurityMode.OPEN : SecurityMode.WPA2;
        this.joinsAsked++;
        ask(new JoinRequest(this.joinsAsked, ssid, passphrase, mode));
    }

    @Override
    public JoinProgress joinProgress() {
        return this.progress;
    }

    @Override
    public String joinFailure() {
        return this.failure;
    }

    @Override
    public boolean isJoined() {
        try {
            return WifiManager.getInstance().getJoined() != null;
        } catch (Exception e) { // IOException if getJoined declares it; see the class comment
            return false;
        }
    }

    @Override
    public String address() {
        try {
            NetworkInterface station = NetworkInterface.getByName(this.interfaceName);
            if (station == null) {
                return null;
            }
            IPConfiguration configuration = NetworkInterfaceManager.getIPConfiguration(station);
            InetAddress ip = configuration.getIP();
            return ip == null || isUnspecified(ip.getAddress()) ? null : ip.getHostAddress();
        } catch (Exception e) { // IOException if these declare it; see the class comment
            return null;
        }
    }

    @Override
    public void leave() {
        ask(null);
    }

    /**
     * Records what the caller asks for, {@code join} or a leave ({@code null}), in place of any request not yet
     * taken, and wakes the worker (started the first time).
     */
    private synchronized void ask(JoinRequest join) {
        this.pendingJoin = join;
        if (join == null) {
            this.pendingLeave = true;
        }
        this.wantedJoin = join == null ? 0 : join.number;
        this.failure = null;
        this.progress = join == null ? JoinProgress.NONE : JoinProgress.IN_PROGRESS;
        if (this.worker == null) {
            this.worker = new Thread(new Runnable() {
                @Override
                public void run() {
                    work();
                }
            }, "relayboard-wifi");
            // The board's lifetime is the process's: nothing should wait for this thread to end.
            this.worker.setDaemon(true);
            this.worker.start();
        }
        notifyAll();
    }

    /**
     * @return whether {@code address} is all zeros: 0.0.0.0 (or IPv6's {@code ::}), what the port reads
     *         before DHCP has given a lease
     */
    static boolean isUnspecified(byte[] address) {
        if (address == null) {
            return true;
        }
        for (int i = 0; i < address.length; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The worker: one blocking call at a time, forever. The outcome of a join is recorded when the worker comes
     * back for the next request, under the same lock.
     */
    private void work() {
        JoinRequest join = null;
        String joinFailure = null;
        while (true) {
            synchronized (this) {
                if (join != null) {
                    finish(join, joinFailure);
                    join = null;
                }
                while (!this.pendingLeave && this.pendingJoin == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Nobody interrupts this thread on purpose: keep serving requests.
                    }
                }
                if (this.pendingLeave) {
                    this.pendingLeave = false;
                } else {
                    join = this.pendingJoin;
                    this.pendingJoin = null;
                }
            }
            if (join == null) {
                leaveNow();
            } else {
                joinFailure = joinNow(join);
            }
        }
    }

    /** @return why the join failed, or {@code null} when the station is associated */
    private static String joinNow(JoinRequest join) {
        try {
            WifiManager.getInstance().join(join.ssid, join.passphrase, join.mode);
            return null;
        } catch (Exception e) { // IOException if join declares it; see the class comment
            String message = e.getMessage();
            return message == null ? "joining \"" + join.ssid + "\" failed" : message;
        }
    }

    /** The worker's, with the lock held: records how {@code join} went, or leaves if the caller gave it up. */
    private void finish(JoinRequest join, String joinFailure) {
        if (join.number == this.wantedJoin) {
            // The failure first: a caller that reads FAILED (without the lock) then finds why.
            this.failure = joinFailure;
            this.progress = joinFailure == null ? JoinProgress.ASSOCIATED : JoinProgress.FAILED;
        } else if (joinFailure == null) {
            // The caller gave up on this join, or asked for a newer one: do not stay associated behind its back.
            // The newer join, if any, comes after this leave.
            this.pendingLeave = true;
        }
    }

    private static void leaveNow() {
        try {
            WifiManager.getInstance().leave();
        } catch (Exception e) { // IOException if leave declares it; see the class comment
            // Leaving is best effort: the next join starts from a clean slate anyway.
        }
    }

    /** One join asked for, numbered so that the worker can tell whether the caller still waits for it. */
    private static final class JoinRequest {
        final int number;
        final String ssid;
        final String passphrase;
        final SecurityMode mode;

        JoinRequest(int number, String ssid, String passphrase, SecurityMode mode) {
            this.number = number;
            this.ssid = ssid;
            this.passphrase = passphrase;
            this.mode = mode;
        }
    }
}
