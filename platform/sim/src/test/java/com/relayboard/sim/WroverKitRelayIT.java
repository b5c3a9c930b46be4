package com.relayboard.sim;

import org.junit.BeforeClass;

import com.relayboard.host.BoardProfile;

/** The relay on the ESP-WROVER-KIT: the LCD, and one red LED that blinks patterns; the embedded broker. */
public class WroverKitRelayIT extends AbstractRelayIT {

    @BeforeClass
    public static void boot() throws Exception {
        bootBoard(null, BoardProfile.WROVER_KIT);
    }
}
