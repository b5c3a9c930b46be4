package com.relayboard.firmware;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.Random;

/**
 * A short identity unique to this board, for its default MQTT client id: the last three bytes of the
 * Wi-Fi station's MAC address, as ESPHome and Tasmota do. Where the interface has no hardware address
 * (the desktop simulator's loopback), a random one is drawn, so two simulated boards still differ.
 */
final class BoardIdentity {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Bytes of the MAC address used: the three that the vendor does not fix. */
    private static final int BYTES = 3;

    private BoardIdentity() {
    }

    static String read(String interfaceName, Random random) {
        byte[] mac = null;
        try {
            NetworkInterface station = interfaceName == null ? null : NetworkInterface.getByName(interfaceName);
            if (station != null) {
                mac = station.getHardwareAddress();
            }
        } catch (IOException e) {
            mac = null;
        }
        if (mac == null || mac.length < BYTES) {
            mac = new byte[BYTES];
            random.nextBytes(mac);
        }
        StringBuilder id = new StringBuilder(2 * BYTES);
        for (int i = mac.length - BYTES; i < mac.length; i++) {
            id.append(HEX[(mac[i] >> 4) & 0xF]).append(HEX[mac[i] & 0xF]);
        }
        return id.toString();
    }
}
