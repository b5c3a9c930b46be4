package com.relayboard.sim;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.BeforeClass;
import org.junit.Test;

import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.host.display.HostDisplay;

import ej.microui.MicroUI;

/**
 * The LCD gives a long message's real size, not the size of what the board kept of it to show: a report keeps the
 * first 4,096 bytes of a payload ({@code relay.MessageReport.MAX_PAYLOAD_BYTES}), and the screen is handed those
 * with the payload's length, as the loop hands them.
 */
public class LcdMessageSizeTest {

    private static final long IDLE_TIMEOUT_MS = 10000;
    /** What a report keeps of a payload. */
    private static final int KEPT_BYTES = 4096;
    private static final int HUNDRED_KB = 100 * 1024;

    private static LcdScreen screen;

    @BeforeClass
    public static void showScreen() {
        MicroUI.start();
        screen = LcdScreen.show();
        assertNotNull("the host platform has a display", screen);
    }

    @Test
    public void aHundredKilobyteMessage_showsItsRealSize() {
        byte[] kept = new byte[KEPT_BYTES];
        Arrays.fill(kept, (byte) 'a');

        screen.addMessage("/test/topic1", kept, HUNDRED_KB);

        assertTrue("the UI thread settles", HostDisplay.get().waitForIdle(IDLE_TIMEOUT_MS));
        BufferedImage lcd = HostDisplay.get().snapshot();
        assertNotNull("the LCD shows the message's real size, (102400 B)", LcdImages.find(lcd,
                HostDisplay.renderText(LcdFont.PATH, "(102400 B)", LcdScreen.TEXT, LcdScreen.BACKGROUND)));
        assertNull("the LCD does not show the size of the kept bytes", LcdImages.find(lcd,
                HostDisplay.renderText(LcdFont.PATH, "(4096 B)", LcdScreen.TEXT, LcdScreen.BACKGROUND)));
    }

    @Test
    public void aShortMessageKeptWhole_showsNoSize() {

        screen.addMessage("/test/topic1", "short".getBytes(StandardCharsets.UTF_8), 5);

        assertTrue("the UI thread settles", HostDisplay.get().waitForIdle(IDLE_TIMEOUT_MS));
        BufferedImage lcd = HostDisplay.get().snapshot();
        assertNotNull("the LCD shows the message", LcdImages.find(lcd,
                HostDisplay.renderText(LcdFont.PATH, "short", LcdScreen.TEXT, LcdScreen.BACKGROUND)));
        assertNull("and no size: it is shown whole", LcdImages.find(lcd,
                HostDisplay.renderText(LcdFont.PATH, "(5 B)", LcdScreen.TEXT, LcdScreen.BACKGROUND)));
    }
}
