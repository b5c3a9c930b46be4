package com.relayboard.sim;

import org.junit.AfterClass;
import org.junit.BeforeClass;

/** The relay against Debian's mosquitto, a separate process on a free loopback port. */
public class MosquittoRelayIT extends AbstractRelayIT {

    private static MosquittoBroker mosquitto;

    @BeforeClass
    public static void boot() throws Exception {
        mosquitto = MosquittoBroker.start();
        bootBoard(mosquitto.uri());
    }

    @AfterClass
    public static void shutDown() throws Exception {
        simulated.stop();
        mosquitto.close();
    }
}
