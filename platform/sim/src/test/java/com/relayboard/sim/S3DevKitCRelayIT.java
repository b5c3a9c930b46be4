package com.relayboard.sim;

import org.junit.BeforeClass;

import com.relayboard.host.BoardProfile;

/** The relay on the ESP32-S3-DevKitC-1: no display (console only) and the NeoPixel; the embedded broker. */
public class S3DevKitCRelayIT extends AbstractRelayIT {

    @BeforeClass
    public static void boot() throws Exception {
        bootBoard(null, BoardProfile.S3_DEVKITC);
    }
}
