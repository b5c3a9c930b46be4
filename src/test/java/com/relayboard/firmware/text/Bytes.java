package com.relayboard.firmware.text;

import org.junit.Assert;

/** Byte-array helpers for tests, independent of the code under test. */
public final class Bytes {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Bytes() {
    }

    /** @return the bytes given as ints 0..255 */
    public static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** @return the bytes of an ASCII string (fails on anything else) */
    public static byte[] ascii(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                throw new IllegalArgumentException("not ASCII: " + text);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** @return the first {@code count} bytes */
    public static byte[] prefix(byte[] bytes, int count) {
        byte[] prefix = new byte[count];
        System.arraycopy(bytes, 0, prefix, 0, count);
        return prefix;
    }

    /** @return e.g. {@code "FF FE 00 41"} */
    public static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return text.toString();
    }

    public static boolean same(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Asserts equal contents, showing both in hex when they differ. */
    public static void assertBytes(String message, byte[] expected, byte[] actual) {
        Assert.assertNotNull(message + ": no bytes", actual);
        Assert.assertEquals(message, hex(expected), hex(actual));
    }
}
