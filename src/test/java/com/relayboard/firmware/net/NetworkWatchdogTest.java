package com.relayboard.firmware.net;

import org.junit.Assert;
import org.junit.Test;

public class NetworkWatchdogTest {

    private static final int TIMEOUT_S = 60;
    private static final long TIMEOUT_MS = TIMEOUT_S * 1000L;

    private final NetworkWatchdog watchdog = new NetworkWatchdog(TIMEOUT_S);

    @Test
    public void firesOnceTheBrokerWasOutOfReachWithWifiUpForTheWholeTimeout() {
        Assert.assertFalse(this.watchdog.step(0, true, false));
        Assert.assertEquals(TIMEOUT_MS, this.watchdog.nextActionMs());
        Assert.assertFalse(this.watchdog.step(TIMEOUT_MS - 1, true, false));
        Assert.assertTrue(this.watchdog.step(TIMEOUT_MS, true, false));
        Assert.assertFalse("fires once, then counts again", this.watchdog.step(TIMEOUT_MS + 1, true, false));
        Assert.assertTrue("a restart that did not help is tried again", this.watchdog.step(2 * TIMEOUT_MS, true, false));
    }

    @Test
    public void aConnectionStartsTheCountAgain() {
        this.watchdog.step(0, true, false);
        this.watchdog.step(TIMEOUT_MS - 1000, true, true);
        Assert.assertEquals(Long.MAX_VALUE, this.watchdog.nextActionMs());
        this.watchdog.step(TIMEOUT_MS, true, false);
        Assert.assertFalse(this.watchdog.step(2 * TIMEOUT_MS - 1, true, false));
        Assert.assertTrue(this.watchdog.step(2 * TIMEOUT_MS, true, false));
    }

    @Test
    public void timeWithWifiDownDoesNotCount() {
        this.watchdog.step(0, true, false);
        this.watchdog.step(TIMEOUT_MS - 1000, false, false);
        Assert.assertFalse(this.watchdog.step(TIMEOUT_MS, true, false));
        Assert.assertFalse(this.watchdog.step(2 * TIMEOUT_MS - 1, true, false));
        Assert.assertTrue(this.watchdog.step(2 * TIMEOUT_MS, true, false));
    }

    @Test
    public void zeroTurnsItOff() {
        NetworkWatchdog off = new NetworkWatchdog(0);
        for (long nowMs = 0; nowMs < 10 * TIMEOUT_MS; nowMs += TIMEOUT_MS) {
            Assert.assertFalse(off.step(nowMs, true, false));
        }
        Assert.assertEquals(Long.MAX_VALUE, off.nextActionMs());
    }
}
