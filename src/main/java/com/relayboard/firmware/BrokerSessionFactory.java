package com.relayboard.firmware;

import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.JobRunner;

/** Makes the board's broker session; MicroPaho on the board, a fake in tests. */
public interface BrokerSessionFactory {

    /** @param worker where the session may put work that blocks (closing the clients it gives up) */
    BrokerSession open(BrokerListener listener, JobRunner worker);
}
