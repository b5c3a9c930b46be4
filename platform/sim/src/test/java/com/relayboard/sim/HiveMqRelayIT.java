package com.relayboard.sim;

import org.junit.BeforeClass;

/** The relay against the simulator's default: the embedded HiveMQ CE broker. */
public class HiveMqRelayIT extends AbstractRelayIT {

    @BeforeClass
    public static void boot() throws Exception {
        bootBoard(null);
    }
}
