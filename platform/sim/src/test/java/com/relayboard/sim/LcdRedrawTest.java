package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.BeforeClass;
import org.junit.Test;

import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.display.Rgb565;

import ej.microui.MicroUI;

/**
 * What a relayed message costs the LCD, counted by the host display's flush accounting: the firmware's
 * real screen on the host's 320x240 panel, fed what the board feeds it for each relayed message (the
 * message, the counters when it is taken, the counters again when its relay is published).
 */
public class LcdRedrawTest {

    private static final int SCREEN_PIXELS = 320 * 240;
    private static final long IDLE_TIMEOUT_MS = 10000;
    /** Enough messages for the ring of rows to wrap around twice. */
    private static final int MESSAGES = 12;

    private static LcdScreen screen;
    /** Where the first message's payload stood: the top message row. */
    private static int topPayloadY = -1;
    private static HostDisplay display;

    @BeforeClass
    public static void showScreen() {
        MicroUI.start();
        screen = LcdScreen.show();
        assertNotNull("the host platform has a display", screen);
        display = HostDisplay.get();
        screen.showWifi("WiFi CONNECTED 127.0.0.1", BoardScreen.OK);
        screen.showMqtt("MQTT CONNECTED tcp://127.0.0.1:1883", BoardScreen.OK);
        screen.showCounters(0, 0, 0, 0);
        settle();
    }

    @Test
    public void aRelayedMessageRedrawsAtMostAQuarterOfTheScreenAndTheNewestIsMarked() {
        int received = 0;
        int relayed = 0;
        String previous = null;
        for (int i = 1; i <= MESSAGES; i++) {
            String topic = i % 2 == 1 ? "/test/topic1" : "/test/topic2";
            String payload = "msg-" + i + "-end" + (i % 2 == 1 ? "" : " (relay1)");
            long before = display.pixelsFlushed();

            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            screen.addMessage(topic, bytes, bytes.length);
            received++;
            screen.showCounters(received, relayed, 0, 1);
            // The publish is acknowledged later: the counters change a second time, in a render of their own.
            settle();
            relayed++;
            screen.showCounters(received, relayed, 0, 0);
            settle();

            long pixels = display.pixelsFlushed() - before;
            assertTrue("message " + i + " redrew " + pixels + " pixels, more than a quarter of the screen ("
                    + SCREEN_PIXELS / 4 + ")", pixels <= SCREEN_PIXELS / 4);
            assertNewestIsMarked(topic, payload, previous);
            previous = payload;
        }
    }

    @Test
    public void aStatusChangeRedrawsOneLine() {
        long before = display.pixelsFlushed();
        screen.showMqtt("MQTT BACKOFF the broker closed the connection", BoardScreen.ERROR);
        settle();
        long pixels = display.pixelsFlushed() - before;
        assertTrue("a status line redrew " + pixels + " pixels", pixels > 0 && pixels <= 320 * 20);
    }

    /**
     * The newest message is on the screen, its topic right above its payload, and the mark runs down
     * the left edge of that row and of no other.
     */
    private static void assertNewestIsMarked(String topic, String payload, String previous) {
        BufferedImage lcd = display.snapshot();
        BufferedImage payloadText = HostDisplay.renderText(LcdFont.PATH, payload, LcdScreen.TEXT, LcdScreen.BACKGROUND);
        int[] at = LcdImages.find(lcd, payloadText);
        assertNotNull("the LCD shows \"" + payload + "\"", at);
        BufferedImage topicText = HostDisplay.renderText(LcdFont.PATH, topic, LcdScreen.TOPIC_TEXT, LcdScreen.BACKGROUND);
        int lineStep = -1;
        for (int up = payloadText.getHeight(); up <= 2 * payloadText.getHeight() && lineStep < 0; up++) {
            if (at[1] - up >= 0 && sameAt(lcd, topicText, at[0], at[1] - up)) {
                lineStep = up;
            }
        }
        assertTrue("the topic " + topic + " stands right above \"" + payload + "\"", lineStep > 0);
        int mark = Rgb565.toDisplayColor(LcdScreen.NEWEST_MARK) & 0xFFFFFF;
        int top = -1;
        int bottom = -1;
        int marked = 0;
        for (int y = 0; y < lcd.getHeight(); y++) {
            if ((lcd.getRGB(0, y) & 0xFFFFFF) == mark) {
                top = top < 0 ? y : top;
                bottom = y;
                marked++;
            }
        }
        assertTrue("a mark is shown", marked > 0);
        assertEquals("the mark is one bar", bottom - top + 1, marked);
        assertTrue("the mark (y " + top + " to " + bottom + ") spans the newest message's topic and payload (y "
                + (at[1] - lineStep) + " to " + (at[1] + payloadText.getHeight() - 1) + ")",
                top <= at[1] - lineStep && bottom >= at[1] + payloadText.getHeight() - 1);
        assertTrue("the mark covers one row only", marked <= 2 * lineStep + 2);
        if (topPayloadY < 0) {
            topPayloadY = at[1]; // the first message goes to the top row
        }
        if (previous != null) {
            // Read down from the mark (then on from the top): the message before is the next one read.
            int[] before = LcdImages.find(lcd, HostDisplay.renderText(LcdFont.PATH, previous, LcdScreen.TEXT, LcdScreen.BACKGROUND));
            assertNotNull("the LCD still shows \"" + previous + "\"", before);
            assertTrue("the first message was shown in the top row", topPayloadY >= 0);
            assertTrue("\"" + previous + "\" (y " + before[1] + ") is the row below \"" + payload + "\" (y " + at[1]
                    + "), or the top row when the newest is the bottom one",
                    before[1] == at[1] + 2 * lineStep || (before[1] == topPayloadY && at[1] > before[1]));
        }
    }

    private static boolean sameAt(BufferedImage image, BufferedImage needle, int x, int y) {
        for (int j = 0; j < needle.getHeight(); j++) {
            for (int i = 0; i < needle.getWidth(); i++) {
                if ((image.getRGB(x + i, y + j) & 0xFFFFFF) != (needle.getRGB(i, j) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void settle() {
        assertTrue("the UI thread settles", display.waitForIdle(IDLE_TIMEOUT_MS));
    }
}
