package com.relayboard.firmware.text;

import java.io.UnsupportedEncodingException;

import org.junit.Assert;
import org.junit.Test;

public class Utf8Test {

    private static final String CHINESE = "\u4E2D\u6587";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    public void ascii_encodesToTheSameBytes() {
        Bytes.assertBytes("hello", Bytes.ascii("hello (relay1)"), Utf8.encode("hello (relay1)"));
    }

    @Test
    public void chineseAndEmoji_encodeToTheirUtf8Bytes() {
        Bytes.assertBytes("U+4E2D U+6587", Bytes.of(0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87), Utf8.encode(CHINESE));
        Bytes.assertBytes("U+1F600", Bytes.of(0xF0, 0x9F, 0x98, 0x80), Utf8.encode(EMOJI));
        Bytes.assertBytes("U+00E9", Bytes.of(0xC3, 0xA9), Utf8.encode("\u00E9"));
    }

    @Test
    public void encoding_agreesWithThePlatformsUtf8() throws UnsupportedEncodingException {
        String text = "a\u00E9\u4E2D" + EMOJI + "\u0000\u007F\u0080\u07FF\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF";
        Bytes.assertBytes(text, text.getBytes("UTF-8"), Utf8.encode(text));
    }

    @Test
    public void unpairedSurrogates_becomeTheReplacementCharacter() {
        byte[] replacement = Bytes.of(0xEF, 0xBF, 0xBD);
        Bytes.assertBytes("lone high", Bytes.concat(replacement, Bytes.ascii("a")), Utf8.encode("\uD83Da"));
        Bytes.assertBytes("lone low", replacement, Utf8.encode("\uDE00"));
        Bytes.assertBytes("high at the end", Bytes.concat(Bytes.ascii("a"), replacement), Utf8.encode("a\uD83D"));
    }

    @Test
    public void decodeAt_returnsCodePointAndLength() {
        byte[] bytes = Utf8.encode("A\u00E9\u4E2D" + EMOJI);
        Assert.assertEquals(('A' << 3) | 1, Utf8.decodeAt(bytes, 0, bytes.length));
        Assert.assertEquals((0xE9 << 3) | 2, Utf8.decodeAt(bytes, 1, bytes.length));
        Assert.assertEquals((0x4E2D << 3) | 3, Utf8.decodeAt(bytes, 3, bytes.length));
        Assert.assertEquals((0x1F600 << 3) | 4, Utf8.decodeAt(bytes, 6, bytes.length));
    }

    @Test
    public void invalidSequences_areReportedInvalid() {
        assertInvalid("lone 0xFF", Bytes.of(0xFF));
        assertInvalid("continuation byte alone", Bytes.of(0x80));
        assertInvalid("truncated 3-byte sequence", Bytes.of(0xE4, 0xB8));
        assertInvalid("3-byte sequence broken by ASCII", Bytes.of(0xE4, 0xB8, 0x41));
        assertInvalid("overlong NUL", Bytes.of(0xC0, 0x80));
        assertInvalid("overlong 3-byte", Bytes.of(0xE0, 0x80, 0xAF));
        assertInvalid("overlong 4-byte", Bytes.of(0xF0, 0x8F, 0xBF, 0xBF));
        assertInvalid("UTF-16 surrogate", Bytes.of(0xED, 0xA0, 0x80));
        assertInvalid("above U+10FFFF", Bytes.of(0xF4, 0x90, 0x80, 0x80));
        assertInvalid("F5 lead byte", Bytes.of(0xF5, 0x80, 0x80, 0x80));
    }

    @Test
    public void sequenceEndingPastTheEnd_isInvalidEvenIfTheArrayGoesOn() {
        byte[] bytes = Bytes.of(0xE4, 0xB8, 0xAD);
        Assert.assertEquals(Utf8.INVALID, Utf8.decodeAt(bytes, 0, 2));
        Assert.assertEquals((0x4E2D << 3) | 3, Utf8.decodeAt(bytes, 0, 3));
    }

    @Test
    public void limitsOfTheRanges_areValid() {
        Assert.assertTrue(Utf8.isValid(Bytes.of(0xF4, 0x8F, 0xBF, 0xBF))); // U+10FFFF
        Assert.assertTrue(Utf8.isValid(Bytes.of(0xED, 0x9F, 0xBF))); // U+D7FF
        Assert.assertTrue(Utf8.isValid(Bytes.of(0xEE, 0x80, 0x80))); // U+E000
        Assert.assertTrue(Utf8.isValid(Bytes.of(0xC2, 0x80))); // U+0080
        Assert.assertTrue(Utf8.isValid(new byte[0]));
    }

    private static void assertInvalid(String what, byte[] bytes) {
        Assert.assertEquals(what, Utf8.INVALID, Utf8.decodeAt(bytes, 0, bytes.length));
        Assert.assertFalse(what, Utf8.isValid(bytes));
        Assert.assertFalse(what + " after valid text", Utf8.isValid(Bytes.concat(Bytes.ascii("ok"), bytes)));
    }
}
