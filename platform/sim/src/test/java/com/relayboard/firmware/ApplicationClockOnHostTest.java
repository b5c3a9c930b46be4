package com.relayboard.firmware;

import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.junit.Test;

import com.relayboard.host.clock.ApplicationClockHook;

import ej.bon.Util;

/**
 * The board's code reads the board's clock on the host, as on the device: in a class of the firmware's package
 * (this one, loaded under the host's agent like the firmware's), {@code System.currentTimeMillis()} is BON's
 * application time, which starts at 1970 plus uptime and moves only when set; the desktop's clock (read here through
 * {@link Instant}, which the agent leaves alone) is the real date. Host-only, so it lives here, not in the firmware's
 * tests (which run without the agent).
 */
public class ApplicationClockOnHostTest {

    /** 2026-12-07 08:00:00 UTC. */
    private static final long SET_TO_MS = 1796630400000L;

    @Test
    public void systemCurrentTimeMillisInBoardCodeIsTheApplicationClock() {
        assertTrue("the agent installed the clock hook", ApplicationClockHook.installed());
        assertNull(ApplicationClockHook.failure());
        try {
            long boardMs = System.currentTimeMillis();
            assertTrue("the board's clock starts at 1970, not at the desktop's date: " + boardMs,
                    boardMs < 86400000L);
            assertTrue("the desktop's clock is the real date", Instant.now().toEpochMilli() > SET_TO_MS - 86400000L * 365);

            Util.setCurrentTimeMillis(SET_TO_MS);
            long afterSetMs = System.currentTimeMillis();
            assertTrue("set: " + afterSetMs, afterSetMs >= SET_TO_MS && afterSetMs < SET_TO_MS + 1000);

            // An hour back: the board's clock follows, the monotonic one does not.
            long platformBeforeMs = Util.platformTimeMillis();
            Util.setCurrentTimeMillis(SET_TO_MS - 3600000L);
            assertTrue(System.currentTimeMillis() < SET_TO_MS - 3590000L);
            assertTrue(Util.platformTimeMillis() >= platformBeforeMs);
        } finally {
            Util.setCurrentTimeMillis(Util.platformTimeMillis());
        }
    }
}
