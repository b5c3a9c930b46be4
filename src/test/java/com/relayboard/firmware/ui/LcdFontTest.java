package com.relayboard.firmware.ui;

import org.junit.Assert;
import org.junit.BeforeClass;
import org.junit.Test;

import com.relayboard.firmware.text.GlyphSet;

import ej.microui.MicroUI;
import ej.microui.display.Font;

/**
 * The LCD loads the CJK font the fonts list declares by its path, and its table; when either is missing it says so in
 * one line and falls back to the default font with everything beyond Latin-1 escaped (on the board, and on the host,
 * whose Font.getFont fails the same way).
 */
public class LcdFontTest {

    @BeforeClass
    public static void startMicroUi() {
        MicroUI.start();
    }

    @Test
    public void theDeclaredFontAndItsTable_load() {
        LcdFont lcd = LcdFont.load();
        Assert.assertNull(lcd.problem(), lcd.problem());
        Assert.assertNotSame(Font.getDefaultFont(), lcd.font());
        Assert.assertTrue("the font has \u4F60", lcd.glyphs().has(0x4F60));
        Assert.assertTrue("the 3,500 hanzi and more: " + lcd.glyphs().size(), lcd.glyphs().size() > 3500);
    }

    @Test
    public void aMissingFont_fallsBackToTheDefaultFontAndSaysSo() {
        LcdFont lcd = LcdFont.load("/fonts/not_there.ejf", LcdFont.GLYPHS);
        Assert.assertSame(Font.getDefaultFont(), lcd.font());
        Assert.assertSame(GlyphSet.PRINTABLE_LATIN1, lcd.glyphs());
        Assert.assertNotNull(lcd.problem());
        Assert.assertTrue(lcd.problem(), lcd.problem().startsWith("LCD: font /fonts/not_there.ejf not loaded ("));
        Assert.assertTrue(lcd.problem(), lcd.problem().endsWith("): the default font, non-Latin text escaped"));
    }

    @Test
    public void aMissingTable_keepsTheFontButEscapesBeyondLatin1() {
        LcdFont lcd = LcdFont.load(LcdFont.PATH, "/fonts/not_there.glyphs");
        Assert.assertNotSame(Font.getDefaultFont(), lcd.font());
        Assert.assertSame(GlyphSet.PRINTABLE_LATIN1, lcd.glyphs());
        Assert.assertEquals("LCD: /fonts/not_there.glyphs not found (list it in a *.resources.list): non-Latin text"
                + " escaped", lcd.problem());
    }
}
