package com.relayboard.firmware.net;

import org.junit.Assert;
import org.junit.Test;

/** What the board says when an open connection ends, from the client library's reason code. */
public class ConnectionLossReasonTest {

    /** Paho's reason code for a broker that did not answer, here the client's keepalive ping. */
    private static final int CLIENT_TIMEOUT = 32000;
    /** Paho's "connection lost". */
    private static final int CONNECTION_LOST = 32109;

    @Test
    public void anUnansweredKeepalivePing_isADeadLink() {
        String reason = BrokerErrors.lossReason(CLIENT_TIMEOUT, "broker 127.0.0.1:1883 did not answer in time");
        Assert.assertEquals("no answer from the broker to the client's keepalive ping: the link is dead", reason);
    }

    @Test
    public void anyOtherLoss_keepsItsDescription() {
        Assert.assertEquals("the broker closed the connection",
                BrokerErrors.lossReason(CONNECTION_LOST, "the broker closed the connection"));
    }
}
