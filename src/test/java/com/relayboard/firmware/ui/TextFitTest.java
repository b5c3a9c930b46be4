package com.relayboard.firmware.ui;

import org.junit.Assert;
import org.junit.BeforeClass;
import org.junit.Test;

import ej.microui.MicroUI;
import ej.microui.display.Font;

public class TextFitTest {

    private static final String EMOJI = "\uD83D\uDE00";

    /** On the device and MicroEJ's simulator, fonts are usable once MicroUI runs. */
    @BeforeClass
    public static void startMicroUi() {
        MicroUI.start();
    }

    private static boolean isHighSurrogate(char c) {
        return c >= 0xD800 && c <= 0xDBFF;
    }

    @Test
    public void fittingText_isUnchanged() {
        Font font = Font.getDefaultFont();
        String text = "/test/topic1";
        Assert.assertEquals(text, TextFit.fit(text, font, font.stringWidth(text), "", false));
        Assert.assertEquals(text, TextFit.fit(text, font, 1000, " (12 B)", false));
        Assert.assertEquals("", TextFit.fit("", font, 10, "", false));
    }

    @Test
    public void longText_endsWithEllipsisAndTailAndFitsTheWidth() {
        Font font = Font.getDefaultFont();
        String text = "hello (relay1) (relay2) and a lot more text than a 320 pixel line can show at once";
        String tail = " (84 B)";
        for (int width = font.stringWidth("..." + tail); width < font.stringWidth(text); width += 7) {
            String fitted = TextFit.fit(text, font, width, tail, false);
            Assert.assertTrue(fitted, fitted.endsWith(TextFit.ELLIPSIS + tail));
            Assert.assertTrue(fitted + " is " + font.stringWidth(fitted) + " px for " + width,
                    font.stringWidth(fitted) <= width);
            String kept = fitted.substring(0, fitted.length() - (TextFit.ELLIPSIS + tail).length());
            Assert.assertTrue(fitted, text.startsWith(kept));
            // The longest prefix that fits: one more character would not.
            String longer = text.substring(0, kept.length() + 1) + TextFit.ELLIPSIS + tail;
            Assert.assertTrue(fitted + " could keep more", font.stringWidth(longer) > width);
        }
    }

    @Test
    public void forcedCut_marksAnIncompleteTextEvenIfItFits() {
        Font font = Font.getDefaultFont();
        String fitted = TextFit.fit("abc", font, 1000, " (5000 B)", true);
        Assert.assertEquals("abc... (5000 B)", fitted);
    }

    @Test
    public void surrogatePairs_areNeverSplit() {
        Font font = Font.getDefaultFont();
        StringBuilder text = new StringBuilder("ab");
        for (int i = 0; i < 30; i++) {
            text.append(EMOJI).append('x');
        }
        String full = text.toString();
        for (int width = 1; width < font.stringWidth(full); width++) {
            String fitted = TextFit.fit(full, font, width, "", false);
            String kept = fitted.substring(0, fitted.length() - TextFit.ELLIPSIS.length());
            Assert.assertTrue(full.startsWith(kept));
            if (kept.length() > 0) {
                Assert.assertFalse("split a surrogate pair at width " + width,
                        isHighSurrogate(kept.charAt(kept.length() - 1)));
            }
        }
    }

    @Test
    public void wrap_breaksAtSpaces_eachLineFits_andLosesNoWord() {
        Font font = Font.getDefaultFont();
        String text = "Configuration error: unknown key relayboard.mqtt.cleansession"
                + " (did you mean relayboard.mqtt.cleanSession?)";
        int width = font.stringWidth("Configuration error: unknown key relayboard.mqtt");
        String[] lines = TextFit.wrap(text, font, width, 3);
        Assert.assertEquals("Configuration error: unknown key", lines[0]);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Assert.assertTrue(lines[i], font.stringWidth(lines[i]) <= width);
            joined.append(i > 0 ? " " : "").append(lines[i]);
        }
        Assert.assertEquals(text, joined.toString());
    }

    @Test
    public void wrap_cutsAWordLongerThanALine_andTheLastLineWithTheEllipsis() {
        Font font = Font.getDefaultFont();
        int width = font.stringWidth("aaaaa");
        String[] lines = TextFit.wrap("aaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbb", font, width, 3);
        Assert.assertEquals(3, lines.length);
        Assert.assertEquals("aaaaa", lines[0]);
        Assert.assertEquals("aaaaa", lines[1]);
        Assert.assertTrue(lines[2], lines[2].endsWith(TextFit.ELLIPSIS));
        Assert.assertTrue(lines[2], font.stringWidth(lines[2]) <= width);
    }

    @Test
    public void wrap_ofShortOrEmptyText_isOneLineOrNone() {
        Font font = Font.getDefaultFont();
        Assert.assertEquals(1, TextFit.wrap("broker refused", font, 300, 3).length);
        Assert.assertEquals(0, TextFit.wrap("", font, 300, 3).length);
    }
}
