package com.relayboard.firmware.time;

/**
 * SNTP version 4 client packets (RFC 4330): the 48-byte request a client sends, and the checks and arithmetic on
 * the server's reply. Pure byte work, so that tests check it without a network.
 *
 * <p>NTP timestamps are 64 bits: seconds since 1900-01-01 (32 bits) and a binary fraction of a second (32 bits).
 * The seconds wrap in 2036; RFC 4330 section 3 reads a value whose top bit is clear as the next era (from
 * 2036-02-07), which keeps this right until 2104.
 */
public final class SntpPacket {

    /** The length of an SNTP packet without authentication. */
    public static final int LENGTH = 48;
    /** Seconds from 1900-01-01 (NTP's origin) to 1970-01-01 (the Java clock's). */
    static final long NTP_TO_UNIX_S = 2208988800L;
    /** 2^32 seconds: one NTP era. */
    private static final long ERA_S = 0x100000000L;
    private static final int VERSION = 4;
    private static final int MODE_CLIENT = 3;
    private static final int MODE_SERVER = 4;
    /** Byte offsets of the timestamps. */
    private static final int ORIGINATE = 24;
    private static final int RECEIVE = 32;
    private static final int TRANSMIT = 40;

    private SntpPacket() {
    }

    /**
     * @param tag
     *            eight bytes the server copies back as the reply's originate timestamp: the reply to this request
     *            carries them, a stray or forged one does not (RFC 4330 section 5 lets a client put anything there)
     * @return the request: leap indicator 0, version 4, mode 3 (client), {@code tag} as its transmit timestamp
     */
    public static byte[] request(long tag) {
        byte[] packet = new byte[LENGTH];
        packet[0] = (byte) (VERSION << 3 | MODE_CLIENT);
        writeLong(packet, TRANSMIT, tag);
        return packet;
    }

    /**
     * Checks a reply and reads the server's clock from it.
     *
     * @param reply
     *            the datagram's bytes
     * @param length
     *            how many of them the datagram carried
     * @param tag
     *            the request's {@link #request(long) tag}
     * @return the server's receive and transmit times, in milliseconds since 1970 (UTC)
     * @throws SntpException
     *             with what is wrong, in words, when the reply is not a usable answer to the request
     */
    public static long[] serverTimes(byte[] reply, int length, long tag) throws SntpException {
        if (length < LENGTH) {
            throw new SntpException("sent " + length + " bytes, not an SNTP reply (" + LENGTH + ")");
        }
        int mode = reply[0] & 0x7;
        int version = (reply[0] >> 3) & 0x7;
        if (mode != MODE_SERVER || version < 3 || version > VERSION) {
            throw new SntpException("sent no SNTP server reply (version " + version + ", mode " + mode + ")");
        }
        if (readLong(reply, ORIGINATE) != tag) {
            throw new SntpException("answered another request (originate timestamp differs)");
        }
        int stratum = reply[1] & 0xff;
        if (stratum == 0) {
            // A kiss-o'-death: four ASCII letters in the reference identifier say why (RFC 4330 section 8).
            throw new SntpException("refused: kiss-o'-death " + ascii(reply, 12, 4));
        }
        if (stratum > 15) {
            throw new SntpException("is not synchronised (stratum " + stratum + ")");
        }
        if ((reply[0] & 0xc0) == 0xc0) {
            throw new SntpException("is not synchronised (leap indicator 3)");
        }
        long transmit = readLong(reply, TRANSMIT);
        if (transmit == 0) {
            throw new SntpException("sent no time (transmit timestamp 0)");
        }
        return new long[] { toUnixMs(readLong(reply, RECEIVE)), toUnixMs(transmit) };
    }

    /**
     * The time on the server when its reply arrived, from one exchange measured on the board's monotonic clock:
     * the server's transmit time plus half the round trip, less the server's own time between receive and
     * transmit (RFC 4330 section 5's delay, with the board's clock read only as a duration).
     *
     * @param roundTripMs
     *            from sending the request to receiving the reply, on the monotonic clock
     * @return milliseconds since 1970 (UTC) at the moment the reply was received
     */
    public static long timeAtReplyMs(long serverReceiveMs, long serverTransmitMs, long roundTripMs) {
        long serverHeldMs = Math.max(0, serverTransmitMs - serverReceiveMs);
        long networkMs = Math.max(0, roundTripMs - serverHeldMs);
        return serverTransmitMs + networkMs / 2;
    }

    /** @return the NTP timestamp as milliseconds since 1970 */
    static long toUnixMs(long ntp) {
        long seconds = ntp >>> 32;
        if ((seconds & 0x80000000L) == 0) {
            seconds += ERA_S;
        }
        long fraction = ntp & 0xffffffffL;
        // Rounded to the nearest millisecond, so that a time written by toNtp reads back unchanged.
        return (seconds - NTP_TO_UNIX_S) * 1000 + ((fraction * 1000 + 0x80000000L) >>> 32);
    }

    /**
     * @param unixMs
     *            milliseconds since 1970, not negative
     * @return the time as an NTP timestamp (for tests: the board only reads timestamps)
     */
    public static long toNtp(long unixMs) {
        long seconds = unixMs / 1000 + NTP_TO_UNIX_S;
        long millis = unixMs % 1000;
        return (seconds & 0xffffffffL) << 32 | ((millis << 32) / 1000);
    }

    static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = bytes[offset + i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return text.toString();
    }
}
