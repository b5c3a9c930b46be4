package com.relayboard.firmware.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

import ej.bon.Util;
import ej.ecom.network.IPConfiguration;
import ej.ecom.network.NetworkInterfaceManager;
import ej.ecom.wifi.SecurityMode;
import ej.ecom.wifi.WifiManager;

/**
 * The Wi-Fi station on ECOM-WiFi and ECOM-Network, following MicroEJ's own join sequence: join, then
 * wait for DHCP to give the station interface an address.
 *
 * <p>ECOM-WiFi's API states no timeout for join (the ESP-WROVER-KIT port's driver gives up after 5 s,
 * other ports may wait longer), so it runs on a short-lived thread and the caller stops waiting at the
 * deadline; a join that completes after that is left again.
 *
 * <p>Which ECOM-WiFi and ECOM-Network calls declare {@code IOException} is not established: every MicroEJ
 * call seen sits in a method that declares it (docs/api-evidence.md). A {@code catch (IOException e)}
 * around a call that declares nothing is a compile error, so each call here is caught as {@code Exception},
 * which compiles either way.
 */
public final class EcomWifiRadio implements WifiRadio {

    /** How often the station interface is checked for its DHCP address. */
    private static final long ADDRESS_POLL_MS = 100;

    private final String interfaceName;

    public EcomWifiRadio(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    @Override
    public void join(final String ssid, final String passphrase, String security, long timeoutMs)
            throws IOException {
        final SecurityMode mode = "OPEN".equals(security) ? SecurityMode.OPEN : SecurityMode.WPA2;
        final JoinAttempt attempt = new JoinAttempt();
        Thread joiner = new Thread(new Runnable() {
            @Override
            public void run() {
                Exception failure = null;
                try {
                    WifiManager.getInstance().join(ssid, passphrase, mode);
                } catch (Exception e) { // IOException if join declares it; see the class comment
                    failure = e;
                }
                attempt.finish(failure);
            }
        }, "relayboard-wifi-join");
        joiner.setDaemon(true);
        long deadlineMs = Util.platformTimeMillis() + timeoutMs;
        joiner.start();
        attempt.await(timeoutMs);
        if (!attempt.isFinished()) {
            attempt.abandon();
            throw new IOException("no answer from \"" + ssid + "\" within " + Durations.seconds(timeoutMs));
        }
        Exception failure = attempt.failure();
        if (failure != null) {
            String message = failure.getMessage();
            throw new IOException(message == null ? "joining \"" + ssid + "\" failed" : message);
        }
        while (address() == null) {
            if (Util.platformTimeMillis() >= deadlineMs) {
                leave();
                throw new IOException("joined \"" + ssid + "\" but DHCP gave no address within "
                        + Durations.seconds(timeoutMs));
            }
            sleep(ADDRESS_POLL_MS);
        }
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
            return ip == null ? null : ip.getHostAddress();
        } catch (Exception e) { // IOException if these declare it; see the class comment
            return null;
        }
    }

    @Override
    public void leave() {
        try {
            WifiManager.getInstance().leave();
        } catch (Exception e) { // IOException if leave declares it; see the class comment
            // Leaving is best effort: the next join starts from a clean slate anyway.
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outcome of one join, handed from the joining thread to the waiting one. */
    private final class JoinAttempt {

        private boolean finished;
        private boolean abandoned;
        private Exception failure;

        synchronized void finish(Exception failure) {
            this.finished = true;
            this.failure = failure;
            if (this.abandoned && failure == null) {
                // The caller gave up on this join: do not stay associated behind its back.
                leave();
            }
            notifyAll();
        }

        synchronized void await(long timeoutMs) {
            long deadlineMs = Util.platformTimeMillis() + timeoutMs;
            while (!this.finished) {
                long leftMs = deadlineMs - Util.platformTimeMillis();
                if (leftMs <= 0) {
                    return;
                }
                try {
                    wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        synchronized boolean isFinished() {
            return this.finished;
        }

        synchronized void abandon() {
            this.abandoned = true;
        }

        synchronized Exception failure() {
            return this.failure;
        }
    }
}
