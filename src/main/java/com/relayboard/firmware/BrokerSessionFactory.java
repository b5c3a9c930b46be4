package com.relayboard.firmware;

import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.BrokerSession;

/** Makes the board's broker session; MicroPaho on the board, a fake in tests. */
public interface BrokerSessionFactory {

    BrokerSession open(BrokerListener listener);
}
