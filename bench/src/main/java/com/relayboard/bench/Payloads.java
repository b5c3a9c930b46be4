package com.relayboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The benchmark's payloads: a 10-digit message number, then filler up to the payload's size. Relays
 * append to the end, so the number is still the first 10 bytes of what comes out.
 */
final class Payloads {

    static final int ID_DIGITS = 10;
    /** The smallest payload the harness sends: the number plus a few bytes. */
    static final int MIN_BYTES = 16;

    private Payloads() {
    }

    static byte[] make(long id, int sizeBytes) {
        if (sizeBytes < MIN_BYTES) {
            throw new IllegalArgumentException("payloads have at least " + MIN_BYTES + " bytes");
        }
        byte[] payload = new byte[sizeBytes];
        Arrays.fill(payload, (byte) 'x');
        String digits = Long.toString(id);
        if (digits.length() > ID_DIGITS) {
            throw new IllegalArgumentException("message number too large: " + id);
        }
        byte[] number = digits.getBytes(StandardCharsets.US_ASCII);
        int start = ID_DIGITS - number.length;
        Arrays.fill(payload, 0, start, (byte) '0');
        System.arraycopy(number, 0, payload, start, number.length);
        payload[ID_DIGITS] = ' ';
        return payload;
    }

    /** @return the message number at the start of {@code payload}, or -1 if it has none */
    static long idOf(byte[] payload) {
        if (payload.length < ID_DIGITS) {
            return -1;
        }
        long id = 0;
        for (int i = 0; i < ID_DIGITS; i++) {
            int digit = payload[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            id = id * 10 + digit;
        }
        return id;
    }
}
