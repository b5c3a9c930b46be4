package com.relayboard.firmware.net;

import org.junit.Assert;
import org.junit.Test;

/** How many lanes a session opens: one per relay source, never more than asked nor than the most there are. */
public class SessionLanesTest {

    @Test
    public void oneLaneAsked_carriesEverySource() {
        Assert.assertEquals(1, PahoBrokerSession.lanes(1, 2));
        Assert.assertEquals(1, PahoBrokerSession.lanes(1, 8));
    }

    @Test
    public void twoLanesAsked_openOnlyAsManyAsThereAreSources() {
        Assert.assertEquals(2, PahoBrokerSession.lanes(2, 2));
        Assert.assertEquals(2, PahoBrokerSession.lanes(2, 5));
        Assert.assertEquals(1, PahoBrokerSession.lanes(2, 1));
    }

    @Test
    public void noSource_stillOpensOneLane_forTheBoardsOwnTopics() {
        Assert.assertEquals(1, PahoBrokerSession.lanes(2, 0));
    }

    @Test
    public void moreThanTheMostAsked_isCappedAtTheMost() {
        Assert.assertEquals(PahoBrokerSession.RECEIVING_CONNECTIONS,
                PahoBrokerSession.lanes(PahoBrokerSession.RECEIVING_CONNECTIONS + 3, 8));
    }
}
