package com.relayboard.sim;

import org.junit.BeforeClass;

/** The relay against Debian's mosquitto, a separate process on a free loopback port. */
public class MosquittoRelayIT extends AbstractRelayIT {

    @BeforeClass
    public static void boot() throws Exception {
        bootBoard(ROOM.mosquitto().uri());
    }
}
