package com.relayboard.sim;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.Test;

import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.host.display.HostDisplay;

import ej.microui.MicroUI;

/**
 * The LCD draws Chinese from the font the fonts list declares (the generated .ejf on the classpath, as the board draws
 * the font the SDK makes from it), not from the desktop's fonts; a hanzi the font lacks is escaped.
 */
public class LcdCjkFontTest {

    private static final long IDLE_TIMEOUT_MS = 10000;

    @Test
    public void chineseIsDrawnFromTheEjfFontAndAMissingHanziIsEscaped() {
        MicroUI.start();
        LcdScreen screen = LcdScreen.show();
        assertNotNull("the host platform has a display", screen);
        assertNull("the LCD's font and its table load", screen.fontProblem());
        // U+9F98 is in the CJK block the fonts list names, but not among the 3,500 hanzi the font holds.
        byte[] payload = "\u4F60\u597D\uFF0C\u4E16\u754C \u9F98".getBytes(StandardCharsets.UTF_8);
        screen.addMessage("/test/topic1", payload, payload.length);
        assertTrue("the UI thread settles", HostDisplay.get().waitForIdle(IDLE_TIMEOUT_MS));
        BufferedImage lcd = HostDisplay.get().snapshot();
        assertNotNull("the LCD shows the message in the .ejf font's glyphs, the missing hanzi escaped",
                LcdImages.find(lcd, HostDisplay.renderText(LcdFont.PATH, "\u4F60\u597D\uFF0C\u4E16\u754C \\u9F98",
                        LcdScreen.TEXT, LcdScreen.BACKGROUND)));
        // In the same snapshot, the desktop's rendering of the same words is not there: the file's glyphs are drawn.
        assertNull("the desktop font's rendering is not what the LCD shows", LcdImages.find(lcd,
                HostDisplay.renderText("\u4F60\u597D", LcdScreen.TEXT, LcdScreen.BACKGROUND)));
    }
}
