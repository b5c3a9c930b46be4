package com.relayboard.firmware.text;

import java.io.IOException;
import java.io.InputStream;

import org.junit.Assert;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The LCD shows what its font has, and escapes the rest: never a silent box. The font's table of characters is the
 * one platform/font made for the build (a classpath resource, as on the board).
 */
public class LcdEscapeTest {

    private static GlyphSet font;

    @BeforeClass
    public static void loadTheFontsTable() throws IOException {
        InputStream in = LcdEscapeTest.class.getResourceAsStream("/fonts/relayboard_cjk_16px.glyphs");
        Assert.assertNotNull("the LCD font's table is on the classpath (platform/font/make-cjk-font.sh)", in);
        try {
            font = GlyphSet.read(in);
        } finally {
            in.close();
        }
    }

    private static String lcd(String text) {
        return PayloadText.escapeForLcd(Utf8.encode(text), Integer.MAX_VALUE, font);
    }

    @Test
    public void chineseTextAndPunctuation_isShownAsItIs() {
        String[] texts = { "\u4F60\u597D\uFF0C\u4E16\u754C", "\u300C\u6D4B\u8BD5\u300D\u3002", "caf\u00E9 \u2014 \u201Cok\u201D",
                "\uFF21\uFF22\uFF23", "hello (relay1)" };
        for (String text : texts) {
            Assert.assertEquals(text, lcd(text));
        }
    }

    @Test
    public void charactersTheFontLacks_areEscapedByCodePoint() {
        // Thai, Cyrillic, Hangul: outside the ranges the fonts list declares.
        Assert.assertEquals("\\u0E01\\u0416\\uAC00", lcd("\u0E01\u0416\uAC00"));
        Assert.assertEquals("smile \\U0001F600", lcd("smile \uD83D\uDE00"));
        // The console keeps them: it prints UTF-8.
        Assert.assertEquals("\u0E01\uD83D\uDE00", PayloadText.escape(Utf8.encode("\u0E01\uD83D\uDE00")));
    }

    @Test
    public void hanziOutsideTheFontsSet_areEscapedThoughInItsRange() {
        // U+9F98 and U+4E02 are in the CJK block the fonts list names, not among the 3,500 hanzi the font holds.
        Assert.assertTrue(GlyphRanges.has(0x9F98));
        Assert.assertFalse(font.has(0x9F98));
        Assert.assertEquals("\u4E2D\\u9F98\\u4E02", lcd("\u4E2D\u9F98\u4E02"));
    }

    @Test
    public void withoutTheCjkFont_everythingBeyondLatin1IsEscaped() {
        Assert.assertEquals("caf\u00E9 \\u4F60", PayloadText.escapeForLcd(Utf8.encode("caf\u00E9 \u4F60"),
                Integer.MAX_VALUE, GlyphSet.PRINTABLE_LATIN1));
    }

    @Test
    public void bytesShownOnLcd_countsTheEscapesWidth() {
        byte[] payload = Utf8.encode("\u0416\u0416");
        Assert.assertEquals("one escape of 6 characters fits in 6", 2, PayloadText.bytesShownOnLcd(payload, 6, font));
        Assert.assertEquals("\\u0416", PayloadText.escapeForLcd(payload, 11, font));
        Assert.assertEquals(4, PayloadText.bytesShownOnLcd(payload, 12, font));
        Assert.assertEquals(4, PayloadText.bytesShown(payload, 2));
    }

    @Test
    public void rangesAreTheFontsListsRanges() {
        Assert.assertTrue(GlyphRanges.has('A'));
        Assert.assertTrue(GlyphRanges.has(0x4E00));
        Assert.assertTrue(GlyphRanges.has(0x9FFF));
        Assert.assertFalse(GlyphRanges.has(0xA000));
        Assert.assertEquals("0x0-0x7f,0x80-0xff,0x2000-0x206f,0x3000-0x303f,0x4e00-0x9fff,0xff00-0xffef",
                GlyphRanges.describe());
    }

    @Test
    public void aTableOfTheWrongSize_isRefused() {
        try {
            GlyphSet.read(new java.io.ByteArrayInputStream(new byte[GlyphSet.tableBytes() - 1]));
            Assert.fail("a short table was taken");
        } catch (IOException expected) {
            Assert.assertTrue(expected.getMessage(), expected.getMessage().indexOf("not " + GlyphSet.tableBytes()) >= 0);
        }
    }
}
