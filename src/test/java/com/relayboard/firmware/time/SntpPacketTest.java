package com.relayboard.firmware.time;

import org.junit.Assert;
import org.junit.Test;

public class SntpPacketTest {

    /** 2026-12-07 08:00:00.250 UTC. */
    private static final long TIME_MS = 1796630400250L;
    private static final long TAG = 0x0123456789abcdefL;

    @Test
    public void requestIsAVersion4ClientPacketCarryingTheTag() {
        byte[] request = SntpPacket.request(TAG);
        Assert.assertEquals(48, request.length);
        Assert.assertEquals(0x23, request[0] & 0xff); // LI 0, VN 4, mode 3
        Assert.assertEquals(TAG, SntpPacket.readLong(request, 40));
        for (int i = 1; i < 40; i++) {
            Assert.assertEquals("byte " + i, 0, request[i]);
        }
    }

    @Test
    public void ntpTimestampsConvertBothWays() {
        // 1970-01-01 is 2,208,988,800 s after NTP's origin.
        Assert.assertEquals(2208988800L << 32, SntpPacket.toNtp(0));
        Assert.assertEquals(0, SntpPacket.toUnixMs(2208988800L << 32));
        Assert.assertEquals(TIME_MS, SntpPacket.toUnixMs(SntpPacket.toNtp(TIME_MS)));
        // Half a second is half of the 32-bit fraction.
        Assert.assertEquals(0x80000000L, SntpPacket.toNtp(500) & 0xffffffffL);
    }

    @Test
    public void secondsWithTheTopBitClearAreTheNextEra() {
        // 2040-01-01 00:00:00 UTC is past the 2036 wrap: its NTP seconds have the top bit clear.
        long ms2040 = 2208988800000L;
        long ntp = SntpPacket.toNtp(ms2040);
        Assert.assertEquals(0, ntp >>> 63);
        Assert.assertEquals(ms2040, SntpPacket.toUnixMs(ntp));
    }

    @Test
    public void aServerReplyGivesTheServersTimes() throws SntpException {
        byte[] reply = reply(TAG, 2, 4);
        long[] times = SntpPacket.serverTimes(reply, reply.length, TAG);
        Assert.assertEquals(TIME_MS, times[0]);
        Assert.assertEquals(TIME_MS + 3, times[1]);
    }

    @Test
    public void theTimeAtTheReplyAddsHalfTheNetworkTime() {
        // 40 ms round trip, of which the server held 10: 15 ms each way.
        Assert.assertEquals(TIME_MS + 10 + 15, SntpPacket.timeAtReplyMs(TIME_MS, TIME_MS + 10, 40));
        // A server that claims to have held it longer than the round trip: no negative network time.
        Assert.assertEquals(TIME_MS + 100, SntpPacket.timeAtReplyMs(TIME_MS, TIME_MS + 100, 40));
    }

    @Test
    public void repliesTheBoardCannotUseAreRefusedWithAReason() {
        refused(reply(TAG, 2, 4), 47, "sent 47 bytes");
        refused(reply(TAG + 1, 2, 4), 48, "another request");
        refused(reply(TAG, 2, 3), 48, "mode 3");
        byte[] kiss = reply(TAG, 0, 4);
        kiss[12] = 'R';
        kiss[13] = 'A';
        kiss[14] = 'T';
        kiss[15] = 'E';
        refused(kiss, 48, "kiss-o'-death RATE");
        refused(reply(TAG, 16, 4), 48, "stratum 16");
        byte[] unsynchronised = reply(TAG, 2, 4);
        unsynchronised[0] |= (byte) 0xc0;
        refused(unsynchronised, 48, "leap indicator 3");
        byte[] noTime = reply(TAG, 2, 4);
        SntpPacket.writeLong(noTime, 40, 0);
        refused(noTime, 48, "transmit timestamp 0");
    }

    private static void refused(byte[] reply, int length, String reason) {
        try {
            SntpPacket.serverTimes(reply, length, TAG);
            Assert.fail("accepted a reply that should be refused for " + reason);
        } catch (SntpException e) {
            Assert.assertTrue(e.getMessage(), e.getMessage().indexOf(reason) >= 0);
        }
    }

    /** A server's reply, built by hand as RFC 4330 lays it out. */
    private static byte[] reply(long originate, int stratum, int mode) {
        byte[] reply = new byte[48];
        reply[0] = (byte) (4 << 3 | mode);
        reply[1] = (byte) stratum;
        SntpPacket.writeLong(reply, 24, originate);
        SntpPacket.writeLong(reply, 32, SntpPacket.toNtp(TIME_MS));
        SntpPacket.writeLong(reply, 40, SntpPacket.toNtp(TIME_MS + 3));
        return reply;
    }
}
