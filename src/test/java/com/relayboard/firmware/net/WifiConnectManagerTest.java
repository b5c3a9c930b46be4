package com.relayboard.firmware.net;

import java.util.List;
import java.util.Random;

import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

/** The Wi-Fi lifecycle on a fake radio, in stepped time: nothing here sleeps. */
public class WifiConnectManagerTest {

    private static final String SSID = "RelayBoard-AP";
    private static final String PASSPHRASE = "relayboard";
    private static final long POLL = WifiConnectManager.POLL_INTERVAL_MS;

    private FakeWifiRadio radio;
    private RecordingLifecycleListener listener;
    private WifiConnectManager wifi;

    @Before
    public void setUp() {
        this.radio = new FakeWifiRadio();
        this.listener = new RecordingLifecycleListener();
        this.wifi = new WifiConnectManager(this.radio, SSID, PASSPHRASE, "WPA2",
                new Backoff(WifiConnectManager.RETRY_INITIAL_MS, WifiConnectManager.RETRY_MAX_MS, new Random(5)),
                this.listener);
    }

    /** Steps every 10 ms from {@code fromMs} until the state is {@code state}; fails after {@code withinMs}. */
    private long stepUntil(WifiState state, long fromMs, long withinMs) {
        for (long t = fromMs; t <= fromMs + withinMs; t += 10) {
            this.wifi.step(t);
            if (this.wifi.state() == state) {
                return t;
            }
        }
        Assert.fail("not " + state + " within " + withinMs + " ms of " + fromMs + " ms, but " + this.wifi.state()
                + " (" + this.listener.lastWifiDetail() + ")");
        return -1;
    }

    private long connect(long fromMs) {
        return stepUntil(WifiState.CONNECTED, fromMs, 2 * POLL);
    }

    @Test
    public void start_goesIdleToJoiningToConnectedWithTheAddress() {
        Assert.assertEquals(WifiState.IDLE, this.wifi.state());
        Assert.assertFalse(this.wifi.isConnected());

        this.wifi.step(0);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        Assert.assertEquals("the join is started at once, after the announcement", 1, this.radio.joins());
        Assert.assertEquals("\"" + SSID + "\"", this.listener.lastWifiDetail());
        Assert.assertEquals("polled a poll interval later", POLL, this.wifi.nextActionMs());

        this.wifi.step(POLL);
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());
        Assert.assertTrue(this.wifi.isConnected());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.listener.lastWifiDetail());
        Assert.assertEquals(1, this.radio.joins());
        Assert.assertEquals(SSID, this.radio.lastSsid());
        Assert.assertEquals(PASSPHRASE, this.radio.lastPassphrase());
        Assert.assertEquals("WPA2", this.radio.lastSecurity());

        List<WifiState> states = this.listener.wifiStates();
        Assert.assertEquals("an address at once: no wait for DHCP to say", 2, states.size());
        Assert.assertEquals(WifiState.JOINING, states.get(0));
        Assert.assertEquals(WifiState.CONNECTED, states.get(1));
    }

    @Test
    public void joinInProgress_isPolledWithoutBlocking_untilItAssociates() {
        this.radio.holdJoins();
        this.wifi.step(0);
        for (long t = 0; t < 5000; t += 10) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.JOINING, this.wifi.state());
            long waitMs = this.wifi.nextActionMs() - t;
            Assert.assertTrue("the loop may sleep, and only up to a poll interval: " + waitMs + " ms at " + t + " ms",
                    waitMs >= 0 && waitMs <= POLL);
        }
        Assert.assertEquals("one join, polled, never started again", 1, this.radio.joins());
        Assert.assertEquals(0, this.radio.leaves());
        Assert.assertNull(this.wifi.address());

        this.radio.completeJoin();
        long connectedAt = connect(5000);
        Assert.assertTrue("noticed within a poll interval: at " + connectedAt + " ms", connectedAt <= 5000 + POLL);
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
    }

    @Test
    public void joinWithoutAnswer_timesOutAfterTheJoinTimeout_leavesAndBacksOff() {
        this.radio.holdJoins();
        this.wifi.step(0);
        for (long t = 0; t < WifiConnectManager.JOIN_TIMEOUT_MS; t += 50) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.JOINING, this.wifi.state());
        }
        this.wifi.step(WifiConnectManager.JOIN_TIMEOUT_MS - 1);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        Assert.assertEquals(0, this.radio.leaves());

        this.wifi.step(WifiConnectManager.JOIN_TIMEOUT_MS);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        String detail = this.listener.lastWifiDetail();
        Assert.assertTrue(detail, detail.startsWith("no answer from \"" + SSID + "\" within 15.0 s; retry in "));
        Assert.assertEquals("gave up on the join: left, so that a late association does not linger", 1,
                this.radio.leaves());
    }

    @Test
    public void wrongPassword_backsOffWithTheReasonThenJoinsAgainOnlyAfterTheDelay() {
        this.radio.failNextJoins(1, "wrong password for \"" + SSID + "\"");
        long failedAt = stepUntil(WifiState.BACKOFF, 0, 2 * POLL);

        Assert.assertNull(this.wifi.address());
        long retryAt = this.wifi.nextActionMs();
        long delay = retryAt - failedAt;
        Assert.assertTrue("first delay " + delay + " ms", delay >= 750 && delay <= 1250);
        String detail = this.listener.lastWifiDetail();
        Assert.assertTrue(detail, detail.startsWith("wrong password for \"" + SSID + "\"; retry in "));
        Assert.assertTrue(detail + " should give the delay", detail.endsWith(Durations.seconds(delay)));
        Assert.assertTrue("left the access point after the failed join", this.radio.leaves() >= 1);

        for (long t = failedAt; t < retryAt; t += 50) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.BACKOFF, this.wifi.state());
        }
        this.wifi.step(retryAt - 1);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertEquals("no join during the delay", 1, this.radio.joins());

        this.wifi.step(retryAt);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        connect(retryAt);
        Assert.assertEquals(2, this.radio.joins());
    }

    @Test
    public void unspecifiedAddress_thenALease_waitsForAddressThenConnects() {
        // MicroEJ's ESP32 ports: join returns on association, and getIP() reads 0.0.0.0 until DHCP is done.
        this.radio.setAddress("0.0.0.0");
        long waitingAt = stepUntil(WifiState.WAITING_FOR_ADDRESS, 0, 2 * POLL);
        Assert.assertEquals("joined \"" + SSID + "\", waiting for DHCP", this.listener.lastWifiDetail());
        Assert.assertFalse(this.wifi.isConnected());
        Assert.assertNull("0.0.0.0 is no address", this.wifi.address());

        for (long t = waitingAt; t < waitingAt + 3000; t += 10) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.WAITING_FOR_ADDRESS, this.wifi.state());
            long waitMs = this.wifi.nextActionMs() - t;
            Assert.assertTrue("polled every poll interval: " + waitMs + " ms", waitMs >= 0 && waitMs <= POLL);
        }
        Assert.assertEquals("said once", 1, count(WifiState.WAITING_FOR_ADDRESS));

        this.radio.setAddress(FakeWifiRadio.ADDRESS);
        long connectedAt = connect(waitingAt + 3000);
        Assert.assertTrue("seen within a poll interval", connectedAt <= waitingAt + 3000 + POLL);
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.listener.lastWifiDetail());
        List<WifiState> states = this.listener.wifiStates();
        Assert.assertEquals(3, states.size());
        Assert.assertEquals(WifiState.JOINING, states.get(0));
        Assert.assertEquals(WifiState.WAITING_FOR_ADDRESS, states.get(1));
        Assert.assertEquals(WifiState.CONNECTED, states.get(2));
        Assert.assertEquals("nothing left while waiting", 0, this.radio.leaves());
    }

    @Test
    public void noLeaseWithinTheDhcpTimeout_leavesAndBacksOffWithTheReason() {
        this.radio.setAddress(null);
        long waitingAt = stepUntil(WifiState.WAITING_FOR_ADDRESS, 0, 2 * POLL);
        long timeoutAt = waitingAt + WifiConnectManager.DHCP_TIMEOUT_MS;
        for (long t = waitingAt; t < timeoutAt; t += 10) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.WAITING_FOR_ADDRESS, this.wifi.state());
        }
        Assert.assertEquals(0, this.radio.leaves());

        this.wifi.step(timeoutAt);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        String detail = this.listener.lastWifiDetail();
        Assert.assertTrue(detail, detail.startsWith("joined \"" + SSID + "\" but DHCP gave no address within 10.0 s; retry in "));
        Assert.assertEquals("left the access point", 1, this.radio.leaves());
        long delay = this.wifi.nextActionMs() - timeoutAt;
        Assert.assertTrue("backed off " + delay + " ms", delay >= 750 && delay <= 1250);

        // DHCP works on the next try.
        this.radio.setAddress(FakeWifiRadio.ADDRESS);
        stepUntil(WifiState.CONNECTED, timeoutAt, 1250 + 2 * POLL);
        Assert.assertEquals(2, this.radio.joins());
    }

    @Test
    public void linkLostWhileWaitingForAddress_backsOffAtOnce() {
        this.radio.setAddress(null);
        long waitingAt = stepUntil(WifiState.WAITING_FOR_ADDRESS, 0, 2 * POLL);
        this.radio.dropLink();
        long failedAt = stepUntil(WifiState.BACKOFF, waitingAt, 2 * POLL);
        Assert.assertTrue("noticed at the next poll", failedAt <= waitingAt + POLL);
        Assert.assertTrue(this.listener.lastWifiDetail(),
                this.listener.lastWifiDetail().startsWith("link to \"" + SSID + "\" lost before DHCP gave an address"));
    }

    @Test
    public void repeatedFailures_backOffExponentiallyInsteadOfRetryingBusily() {
        this.radio.failEveryJoin("no answer from \"" + SSID + "\"");
        long previousJoinAt = -1;
        long expectedGap = WifiConnectManager.RETRY_INITIAL_MS;
        int joins = 0;
        FakeClock clock = new FakeClock(0);
        for (; clock.nowMs() <= 60000; clock.advance(10)) {
            long t = clock.nowMs();
            this.wifi.step(t);
            if (this.radio.joins() > joins) {
                joins = this.radio.joins();
                if (previousJoinAt >= 0) {
                    // The failure is seen at the first poll after the join started, then the delay runs.
                    long gap = t - previousJoinAt - POLL;
                    Assert.assertTrue("join " + joins + " came " + gap + " ms after the failure before, expected "
                            + expectedGap + " ms +/- 25 %", gap >= expectedGap * 3 / 4 && gap <= expectedGap * 5 / 4 + 20);
                    expectedGap = Math.min(expectedGap * 2, WifiConnectManager.RETRY_MAX_MS);
                }
                previousJoinAt = t;
            }
        }
        // 1, 2, 4, 8, 16, 30 s apart (within 25 %): 6 or 7 joins in a minute, never hundreds.
        Assert.assertTrue(joins + " joins in 60 s", joins >= 6 && joins <= 7);
    }

    @Test
    public void lostLink_isNoticedAtTheNextLinkCheckAndRejoined() {
        long connectedAt = connect(0);

        long droppedAt = connectedAt + 300;
        this.wifi.step(droppedAt);
        this.radio.dropLink();
        long noticedAt = -1;
        for (long t = droppedAt; t <= droppedAt + 5 * WifiConnectManager.LINK_CHECK_INTERVAL_MS; t += 10) {
            this.wifi.step(t);
            if (this.wifi.state() != WifiState.CONNECTED) {
                noticedAt = t;
                break;
            }
        }
        Assert.assertTrue("the lost link was never noticed", noticedAt >= 0);
        Assert.assertTrue("noticed " + (noticedAt - droppedAt) + " ms after the loss",
                noticedAt - droppedAt <= WifiConnectManager.LINK_CHECK_INTERVAL_MS);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertNull("no address without a link", this.wifi.address());
        Assert.assertTrue(this.listener.lastWifiDetail(), this.listener.lastWifiDetail().indexOf("lost") >= 0);

        // Rejoined at once: the access point may only have blinked.
        this.wifi.step(noticedAt);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        connect(noticedAt);
        Assert.assertEquals(2, this.radio.joins());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
    }

    @Test
    public void healthyLink_isCheckedWithoutRejoining() {
        connect(0);
        for (long t = 0; t <= 10000; t += 100) {
            this.wifi.step(t);
        }
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());
        Assert.assertEquals(1, this.radio.joins());
        Assert.assertTrue("next check within the interval",
                this.wifi.nextActionMs() <= 10000 + WifiConnectManager.LINK_CHECK_INTERVAL_MS);
    }

    @Test
    public void successfulJoin_resetsTheBackoff() {
        this.radio.failNextJoins(4, "wrong password");
        long t = stepUntil(WifiState.CONNECTED, 0, 120000);
        Assert.assertEquals("connected after 4 failures", 5, this.radio.joins());
        // A join failing now waits about the initial delay again, not 16 s.
        this.radio.dropLink();
        this.radio.failNextJoins(1, "wrong password");
        long failedAt = -1;
        for (long end = t + 10000; failedAt < 0 && t <= end; t += 10) {
            this.wifi.step(t);
            if (this.radio.joins() == 6 && this.wifi.state() == WifiState.BACKOFF) {
                failedAt = t;
            }
        }
        Assert.assertTrue("no failed join after the lost link", failedAt >= 0);
        long delay = this.wifi.nextActionMs() - failedAt;
        Assert.assertTrue("delay after a success " + delay + " ms", delay >= 750 && delay <= 1250);
    }

    @Test
    public void rejoin_whileConnected_leavesAndJoinsAgainThroughTheUsualStates() {
        long connectedAt = connect(0);
        long rejoinAt = connectedAt + 5000;
        this.wifi.step(rejoinAt);

        this.wifi.rejoin("watchdog: no MQTT progress for 60.0 s", rejoinAt);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertFalse(this.wifi.isConnected());
        Assert.assertNull(this.wifi.address());
        Assert.assertEquals(1, this.radio.leaves());
        Assert.assertEquals("watchdog: no MQTT progress for 60.0 s; leaving \"" + SSID + "\" to join again; retry in 0.0 s",
                this.listener.lastWifiDetail());
        Assert.assertEquals("joins again at the next step", rejoinAt, this.wifi.nextActionMs());

        this.wifi.step(rejoinAt);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        Assert.assertEquals(2, this.radio.joins());
        connect(rejoinAt);
        List<WifiState> states = this.listener.wifiStates();
        Assert.assertEquals(WifiState.BACKOFF, states.get(states.size() - 3));
        Assert.assertEquals(WifiState.JOINING, states.get(states.size() - 2));
        Assert.assertEquals(WifiState.CONNECTED, states.get(states.size() - 1));
    }

    @Test
    public void rejoin_whileAJoinHangs_leavesIt_andStartsFromAFreshBackoff() {
        this.radio.failNextJoins(3, "no access point with SSID \"" + SSID + "\" found");
        long t = 0;
        for (; !(this.radio.joins() == 3 && this.wifi.state() == WifiState.BACKOFF) && t <= 60000; t += 10) {
            this.wifi.step(t);
        }
        this.radio.holdJoins();
        t = stepUntil(WifiState.JOINING, t, 10000);
        Assert.assertEquals("the fourth join hangs", JoinProgress.IN_PROGRESS, this.radio.joinProgress());
        int leavesBefore = this.radio.leaves();

        this.wifi.rejoin("watchdog: stuck joining", t + 1000);
        Assert.assertEquals("the hanging join is left", leavesBefore + 1, this.radio.leaves());
        Assert.assertEquals(JoinProgress.NONE, this.radio.joinProgress());
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());

        // A fresh backoff: a join failing after the rejoin waits about the initial delay, not 8 s.
        this.radio.failNextJoins(1, "wrong password");
        long failedAt = stepUntil(WifiState.BACKOFF, t + 1000 + 10, 2 * POLL + 10);
        Assert.assertEquals(5, this.radio.joins());
        Assert.assertTrue(this.listener.lastWifiDetail(), this.listener.lastWifiDetail().startsWith("wrong password; retry in "));
        long delay = this.wifi.nextActionMs() - failedAt;
        Assert.assertTrue("delay after a rejoin " + delay + " ms", delay >= 750 && delay <= 1250);
    }

    private int count(WifiState state) {
        int n = 0;
        for (WifiState seen : this.listener.wifiStates()) {
            n += seen == state ? 1 : 0;
        }
        return n;
    }
}
