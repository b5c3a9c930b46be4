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

        BufferedImage lcd = show(kept, HUNDRED_KB);

        assertNotNull("the LCD shows the message's real size, (102400 B)", find(lcd, "(102400 B)"));
        assertNull("the LCD does not show the size of the kept bytes", find(lcd, "(4096 B)"));
    }

    @Test
    public void aShortMessageKeptWhole_showsNoSize() {
        BufferedImage lcd = show("short".getBytes(StandardCharsets.UTF_8), 5);

        assertNotNull("the LCD shows the message", find(lcd, "short"));
        assertNull("and no size: it is shown whole", find(lcd, "(5 B)"));
    }

    /** Hands the screen a message as the loop does, and returns the LCD once it is drawn. */
    private static BufferedImage show(byte[] kept, int payloadLength) {
        screen.addMessage("/test/topic1", kept, payloadLength);
        assertTrue("the UI thread settles", HostDisplay.get().waitForIdle(IDLE_TIMEOUT_MS));
        return HostDisplay.get().snapshot();
    }

    /** @return where {@code text} stands on {@code lcd} in the message text's colours, or null */
    private static int[] find(BufferedImage lcd, String text) {
        return LcdImages.find(lcd, HostDisplay.renderText(LcdFont.PATH, text, LcdScreen.TEXT, LcdScreen.BACKGROUND));
    }
}
