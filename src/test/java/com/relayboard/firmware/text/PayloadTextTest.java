package com.relayboard.firmware.text;

import java.util.Random;

import org.junit.Assert;
import org.junit.Test;

public class PayloadTextTest {

    private static final String CHINESE = "\u4E2D\u6587";
    private static final String EMOJI = "\uD83D\uDE00";

    private static String escape(int... bytes) {
        return PayloadText.escape(Bytes.of(bytes));
    }

    @Test
    public void printableText_isShownAsItIs() {
        String[] texts = { "hello", "hello (relay1) (relay2)", CHINESE, EMOJI, "caf\u00E9 " + CHINESE + " " + EMOJI,
                "\u00A0\uFFFD", "" };
        for (String text : texts) {
            Assert.assertEquals(text, PayloadText.escape(Utf8.encode(text)));
        }
    }

    @Test
    public void invalidBytes_areEscapedOneByOne() {
        Assert.assertEquals("\\xFF", escape(0xFF));
        Assert.assertEquals("truncated 3-byte sequence", "\\xE4\\xB8", escape(0xE4, 0xB8));
        Assert.assertEquals("truncated then ASCII", "\\xE4\\xB8A", escape(0xE4, 0xB8, 0x41));
        Assert.assertEquals("overlong NUL", "\\xC0\\x80", escape(0xC0, 0x80));
        Assert.assertEquals("surrogate", "\\xED\\xA0\\x80", escape(0xED, 0xA0, 0x80));
        Assert.assertEquals("above U+10FFFF", "\\xF4\\x90\\x80\\x80", escape(0xF4, 0x90, 0x80, 0x80));
        Assert.assertEquals("binary", "\\xFF\\xFE\\x00A", escape(0xFF, 0xFE, 0x00, 0x41));
    }

    @Test
    public void validTextAroundInvalidBytes_isKept() {
        byte[] payload = Bytes.concat(Bytes.concat(Utf8.encode(CHINESE), Bytes.of(0xFF)), Utf8.encode(EMOJI));
        Assert.assertEquals(CHINESE + "\\xFF" + EMOJI, PayloadText.escape(payload));
    }

    @Test
    public void controlCharacters_areShownAsEscapes() {
        Assert.assertEquals("a\\nb", escape('a', '\n', 'b'));
        Assert.assertEquals("\\t", escape('\t'));
        Assert.assertEquals("\\r\\n", escape('\r', '\n'));
        Assert.assertEquals("\\x01", escape(0x01));
        Assert.assertEquals("\\x00", escape(0x00));
        Assert.assertEquals("\\x1B[2J", escape(0x1B, '[', '2', 'J'));
        Assert.assertEquals("DEL", "\\x7F", escape(0x7F));
        Assert.assertEquals("C1 NEL", "\\u0085", escape(0xC2, 0x85));
        Assert.assertEquals("C1 first", "\\u0080", escape(0xC2, 0x80));
        Assert.assertEquals("C1 last", "\\u009F", escape(0xC2, 0x9F));
        Assert.assertEquals("after C1: printable", "\u00A0", escape(0xC2, 0xA0));
    }

    @Test
    public void backslash_isDoubledSoThatItCannotPassForAnEscape() {
        Assert.assertEquals("\\\\", escape('\\'));
        Assert.assertEquals("the text \\x41 is not the byte A", "\\\\x41", escape('\\', 'x', '4', '1'));
        Assert.assertFalse(escape('\\', 'x', '4', '1').equals(escape(0x41)));
    }

    @Test
    public void differentPayloads_neverLookTheSame() {
        // Payloads that a naive escaper would show alike.
        String[] shown = { escape(0x0A), escape('\\', 'n'), escape(0xFF), escape('\\', 'x', 'F', 'F'),
                escape(0xC2, 0x85), escape('\\', 'u', '0', '0', '8', '5') };
        for (int i = 0; i < shown.length; i++) {
            for (int j = i + 1; j < shown.length; j++) {
                Assert.assertFalse(shown[i] + " shown for two payloads", shown[i].equals(shown[j]));
            }
        }
    }

    @Test
    public void escapeWithLimit_neverCutsAnEscapeAndAgreesWithBytesShown() {
        byte[] payload = Bytes.concat(Bytes.concat(Bytes.ascii("a\\\n"), Bytes.of(0xFF, 0x01, 0x7F, 0xC2, 0x85)),
                Bytes.concat(Utf8.encode(CHINESE + EMOJI + "z"), Bytes.of(0xE4, 0xB8)));
        checkLimits(payload);
    }

    @Test
    public void escapeWithLimit_holdsForRandomPayloads() {
        Random random = new Random(20240229L);
        for (int round = 0; round < 200; round++) {
            byte[] payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
            if (round % 2 == 0) {
                // Mostly valid text with a few surprises.
                byte[] text = Utf8.encode("ab\\" + CHINESE + EMOJI + "\t\u0085");
                payload = Bytes.concat(text, Bytes.prefix(payload, Math.min(payload.length, 3)));
            }
            checkLimits(payload);
        }
    }

    @Test
    public void escapeWithLimit_stopsBeforeAnEscapeThatDoesNotFit() {
        byte[] payload = Bytes.of('a', 0xFF, 'b');
        Assert.assertEquals("a", PayloadText.escape(payload, 1));
        Assert.assertEquals("a", PayloadText.escape(payload, 4));
        Assert.assertEquals(1, PayloadText.bytesShown(payload, 4));
        Assert.assertEquals("a\\xFF", PayloadText.escape(payload, 5));
        Assert.assertEquals(2, PayloadText.bytesShown(payload, 5));
        Assert.assertEquals("surrogate pair never split", "a", PayloadText.escape(Utf8.encode("a" + EMOJI), 2));
        Assert.assertEquals("", PayloadText.escape(payload, 0));
    }

    /**
     * For every limit: the text fits, is a prefix of the full text, is exactly the escape of the first bytesShown
     * bytes (so no escape or surrogate pair is cut), and shows as much as fits.
     */
    private static void checkLimits(byte[] payload) {
        String full = PayloadText.escape(payload);
        Assert.assertEquals(payload.length, PayloadText.bytesShown(payload, full.length()));
        Assert.assertEquals(full, PayloadText.escape(payload, full.length()));
        int previousShown = 0;
        for (int max = 0; max <= full.length() + 1; max++) {
            String cut = PayloadText.escape(payload, max);
            int shown = PayloadText.bytesShown(payload, max);
            String where = Bytes.hex(payload) + " limited to " + max + ": \"" + cut + "\"";
            Assert.assertTrue(where + " is too long", cut.length() <= max);
            Assert.assertTrue(where + " is not a prefix of \"" + full + "\"", full.startsWith(cut));
            Assert.assertEquals(where + " does not show exactly " + shown + " bytes",
                    PayloadText.escape(Bytes.prefix(payload, shown)), cut);
            Assert.assertTrue(where + " shows fewer bytes with more room", shown >= previousShown);
            if (shown < payload.length) {
                String withNext = PayloadText.escape(Bytes.prefix(payload, shown + Utf8Length.at(payload, shown)));
                Assert.assertTrue(where + ": the next character would have fit", withNext.length() > max);
            }
            previousShown = shown;
        }
    }

    /** Length of the sequence at a position, as the escaper consumes it. */
    private static final class Utf8Length {
        static int at(byte[] payload, int offset) {
            int decoded = Utf8.decodeAt(payload, offset, payload.length);
            return decoded == Utf8.INVALID ? 1 : decoded & 7;
        }
    }
}
