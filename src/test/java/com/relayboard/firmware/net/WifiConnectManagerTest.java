package com.relayboard.firmware.net;

import java.util.List;
import java.util.Random;

import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

public class WifiConnectManagerTest {

    private static final String SSID = "RelayBoard-AP";
    private static final String PASSPHRASE = "relayboard";

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

    @Test
    public void start_goesIdleToJoiningToConnectedWithTheAddress() {
        Assert.assertEquals(WifiState.IDLE, this.wifi.state());
        Assert.assertFalse(this.wifi.isConnected());

        this.wifi.step(0);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        Assert.assertEquals("announced before the blocking join", 0, this.radio.joins());
        Assert.assertEquals("\"" + SSID + "\"", this.listener.lastWifiDetail());

        this.wifi.step(0);
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());
        Assert.assertTrue(this.wifi.isConnected());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.listener.lastWifiDetail());
        Assert.assertEquals(1, this.radio.joins());
        Assert.assertEquals(SSID, this.radio.lastSsid());
        Assert.assertEquals(PASSPHRASE, this.radio.lastPassphrase());
        Assert.assertEquals("WPA2", this.radio.lastSecurity());

        List<WifiState> states = this.listener.wifiStates();
        Assert.assertEquals(2, states.size());
        Assert.assertEquals(WifiState.JOINING, states.get(0));
        Assert.assertEquals(WifiState.CONNECTED, states.get(1));
    }

    @Test
    public void join_isBoundedByTheJoinTimeout() {
        this.wifi.step(0);
        this.wifi.step(0);
        Assert.assertEquals(WifiConnectManager.JOIN_TIMEOUT_MS, this.radio.lastJoinTimeoutMs());
    }

    @Test
    public void wrongPassword_backsOffWithTheReasonThenJoinsAgainOnlyAfterTheDelay() {
        this.radio.failNextJoins(1, "wrong password for \"" + SSID + "\"");
        this.wifi.step(0);
        this.wifi.step(0);

        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertNull(this.wifi.address());
        long retryAt = this.wifi.nextActionMs();
        Assert.assertTrue("first delay " + retryAt + " ms", retryAt >= 750 && retryAt <= 1250);
        String detail = this.listener.lastWifiDetail();
        Assert.assertTrue(detail, detail.startsWith("wrong password for \"" + SSID + "\"; retry in "));
        Assert.assertTrue(detail + " should give the delay", detail.endsWith(Durations.seconds(retryAt)));
        Assert.assertTrue("left the access point after the failed join", this.radio.leaves() >= 1);

        for (long t = 0; t < retryAt; t += 50) {
            this.wifi.step(t);
            Assert.assertEquals("at " + t + " ms", WifiState.BACKOFF, this.wifi.state());
        }
        this.wifi.step(retryAt - 1);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertEquals("no join during the delay", 1, this.radio.joins());

        this.wifi.step(retryAt);
        Assert.assertEquals(WifiState.JOINING, this.wifi.state());
        this.wifi.step(retryAt);
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());
        Assert.assertEquals(2, this.radio.joins());
    }

    @Test
    public void joinedWithoutAddress_countsAsAFailedJoin() {
        this.radio.setAddress(null);
        this.wifi.step(0);
        this.wifi.step(0);
        Assert.assertEquals(WifiState.BACKOFF, this.wifi.state());
        Assert.assertTrue(this.listener.lastWifiDetail(), this.listener.lastWifiDetail().indexOf("no IP address") >= 0);
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
                    long gap = t - previousJoinAt;
                    Assert.assertTrue("join " + joins + " came " + gap + " ms after the one before, expected "
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
        this.wifi.step(0);
        this.wifi.step(0);
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());

        long droppedAt = 300;
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
        this.wifi.step(noticedAt);
        Assert.assertEquals(WifiState.CONNECTED, this.wifi.state());
        Assert.assertEquals(2, this.radio.joins());
        Assert.assertEquals(FakeWifiRadio.ADDRESS, this.wifi.address());
    }

    @Test
    public void healthyLink_isCheckedWithoutRejoining() {
        this.wifi.step(0);
        this.wifi.step(0);
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
        long t = 0;
        for (; this.radio.joins() < 5 && t <= 120000; t += 10) {
            this.wifi.step(t);
        }
        this.wifi.step(t);
        Assert.assertEquals("connected after 4 failures", WifiState.CONNECTED, this.wifi.state());
        // A join failing now waits about the initial delay again, not 16 s.
        this.radio.dropLink();
        this.radio.failNextJoins(1, "wrong password");
        long failedAt = -1;
        for (long end = t + 10000; failedAt < 0 && t <= end; t += 10) {
            this.wifi.step(t);
            if (this.radio.joins() == 6) {
                failedAt = t;
            }
        }
        Assert.assertTrue("no join after the lost link", failedAt >= 0);
        long delay = this.wifi.nextActionMs() - failedAt;
        Assert.assertTrue("delay after a success " + delay + " ms", delay >= 750 && delay <= 1250);
    }
}
