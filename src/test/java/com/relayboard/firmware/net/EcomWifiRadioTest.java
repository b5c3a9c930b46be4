package com.relayboard.firmware.net;

import java.net.InetAddress;
import java.net.NetworkInterface;

import org.junit.After;
import org.junit.Assert;
import org.junit.Before;
import org.junit.Test;

/**
 * The real radio on the host platform's simulated access point, through ECOM-WiFi and ECOM-Network only: its
 * defaults are the firmware's default credentials, a 50 ms join and a 200 ms DHCP lease during which getIP()
 * reads 0.0.0.0, as on MicroEJ's ESP32 ports. Waits are bounded polls.
 */
public class EcomWifiRadioTest {

    private static final String SSID = "RelayBoard-AP";
    private static final String PASSPHRASE = "relayboard";

    private EcomWifiRadio radio;

    @Before
    public void setUp() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));
        this.radio = new EcomWifiRadio(loopback.getName());
    }

    @After
    public void tearDown() {
        this.radio.leave();
    }

    private void awaitProgress(final JoinProgress expected) {
        Poll.until("join progress " + expected, new Poll.Condition() {
            @Override
            public boolean holds() {
                return radio.joinProgress() == expected;
            }
        });
    }

    @Test
    public void unspecifiedAddresses_countAsNone() {
        Assert.assertTrue(EcomWifiRadio.isUnspecified(new byte[4]));
        Assert.assertTrue("IPv6 ::", EcomWifiRadio.isUnspecified(new byte[16]));
        Assert.assertTrue(EcomWifiRadio.isUnspecified(null));
        Assert.assertFalse(EcomWifiRadio.isUnspecified(new byte[] { 127, 0, 0, 1 }));
        Assert.assertFalse(EcomWifiRadio.isUnspecified(new byte[] { 0, 0, 0, 1 }));
    }

    @Test
    public void join_returnsAtOnce_associates_thenTheAddressComesWithTheLease() {
        Assert.assertEquals(JoinProgress.NONE, this.radio.joinProgress());
        Assert.assertNull("0.0.0.0 before any join is no address", this.radio.address());

        this.radio.startJoin(SSID, PASSPHRASE, "WPA2");
        awaitProgress(JoinProgress.ASSOCIATED);
        Assert.assertNull(this.radio.joinFailure());
        Assert.assertTrue(this.radio.isJoined());
        Poll.until("an address", new Poll.Condition() {
            @Override
            public boolean holds() {
                String address = radio.address();
                Assert.assertFalse("0.0.0.0 is never given as an address", "0.0.0.0".equals(address));
                return address != null;
            }
        });
        Assert.assertEquals("127.0.0.1", this.radio.address());
    }

    @Test
    public void wrongPassword_failsWithTheReason() {
        this.radio.startJoin(SSID, "not-the-password", "WPA2");
        awaitProgress(JoinProgress.FAILED);
        Assert.assertEquals("authentication with access point \"" + SSID + "\" failed", this.radio.joinFailure());
        Assert.assertFalse(this.radio.isJoined());
    }

    @Test
    public void joinsAndLeaves_runOnOneWorkerThread_andALaterJoinWaitsForTheEarlierOne() {
        this.radio.startJoin(SSID, "not-the-password", "WPA2");
        awaitProgress(JoinProgress.FAILED);
        int threads = Thread.activeCount();
        for (int i = 0; i < 5; i++) {
            // Asked for while the one before may still run: each new one waits for it, and the last one counts.
            this.radio.startJoin(SSID, i < 4 ? "not-the-password" : PASSPHRASE, "WPA2");
            this.radio.leave();
            this.radio.startJoin(SSID, PASSPHRASE, "WPA2");
        }
        awaitProgress(JoinProgress.ASSOCIATED);
        Assert.assertTrue(this.radio.isJoined());
        Assert.assertTrue("threads " + threads + " then " + Thread.activeCount(), Thread.activeCount() <= threads);

        this.radio.leave();
        Assert.assertEquals(JoinProgress.NONE, this.radio.joinProgress());
        Poll.until("left", new Poll.Condition() {
            @Override
            public boolean holds() {
                return !radio.isJoined();
            }
        });
    }
}
