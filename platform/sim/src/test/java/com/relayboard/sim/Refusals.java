package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.imageio.ImageIO;

import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.led.HostLeds;

/**
 * Checks that a refusal is explained the way the board promises: one console line with the reason,
 * the reason on the LCD's notice, the NeoPixel in the error colour, and retries that back off
 * (each wait longer than the one before) instead of hammering.
 */
final class Refusals {

    /** Backoff 1 s, 2 s, 4 s (+/-25 %): three refusals take about 7 s; later ones up to 30 s each. */
    private static final long REFUSALS_TIMEOUT_MS = 60000;

    private Refusals() {
    }

    /**
     * @param lifecycle
     *            {@code WiFi} or {@code MQTT}
     * @param reason
     *            the reason as the console line must give it
     * @return the retry delays, in ms, of the refusals after the call
     */
    static long[] assertExplained(ConsoleCapture console, File png, String lifecycle, String reason)
            throws InterruptedException {
        return assertExplained(console, png, lifecycle, reason, 3);
    }

    /**
     * As {@link #assertExplained(ConsoleCapture, File, String, String)}, over {@code refusals} (2 or 3)
     * refusals: a board that has backed off long already waits up to 30 s between them.
     */
    static long[] assertExplained(ConsoleCapture console, File png, String lifecycle, String reason, int refusals)
            throws InterruptedException {
        String prefix = lifecycle + ": BACKOFF " + reason + "; retry in ";
        int before = console.count(prefix);
        console.awaitLineContaining(prefix, AbstractRelayIT.TIMEOUT_MS);
        // On the LCD: the notice, in the error colour, as far as its lines hold it.
        LcdImages.awaitNotice(png, lifecycle + ": " + reason, LcdScreen.ERROR_TEXT, AbstractRelayIT.TIMEOUT_MS);
        awaitLed(LedIndicator.ERROR);

        Poll.until(REFUSALS_TIMEOUT_MS, () -> console.count(prefix) >= before + refusals,
                () -> "fewer than " + refusals + " refusals \"" + reason + "\" in " + REFUSALS_TIMEOUT_MS + " ms:\n"
                        + console.text());
        List<Long> delays = new ArrayList<>();
        for (String line : console.lines()) {
            int at = line.indexOf(prefix);
            if (at >= 0) {
                String delay = line.substring(at + prefix.length()).replace(" s", "");
                delays.add(Math.round(Double.parseDouble(delay) * 1000));
            }
        }
        List<Long> seen = delays.subList(before, before + refusals);
        // Each wait is longer than the last: doublings with +/-25 % jitter never overlap (below the cap).
        for (int i = 1; i < seen.size(); i++) {
            assertTrue("retry delays must grow: " + seen, seen.get(i - 1) < seen.get(i));
        }
        // Still the error colour with each refusal. Awaited, not read once: the line comes through the console's
        // writer thread, and a short backoff may already have turned the light to "connecting" for the next try.
        awaitLed(LedIndicator.ERROR);
        long[] result = new long[seen.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = seen.get(i);
        }
        return result;
    }

    /**
     * Boots a board in {@code room} with {@code settings}, which it must refuse at start with {@code line}: once on the console,
     * whole on the LCD, and the light in the error colour.
     */
    static void assertRefusedAtStart(BoardRoom room, Properties settings, String line) throws Exception {
        ConsoleCapture console = room.console();
        File png = room.lcdPng();
        room.board(settings);
        assertNull("the board must refuse to start", room.start());
        console.awaitLine(line, AbstractRelayIT.TIMEOUT_MS);
        assertEquals("one line, not a stack trace", 1, console.count("Configuration error"));
        LcdImages.awaitWholeNotice(png, line, LcdScreen.ERROR_TEXT, AbstractRelayIT.TIMEOUT_MS);
        assertEquals(LedIndicator.ERROR, HostLeds.rgb());
    }

    /** Waits for the board's light to show {@code rgb}. */
    static void awaitLed(int rgb) throws InterruptedException {
        Poll.until(AbstractRelayIT.TIMEOUT_MS, () -> HostLeds.rgb() == rgb,
                () -> "the NeoPixel never showed " + Integer.toHexString(rgb) + "; it shows "
                        + Integer.toHexString(HostLeds.rgb()) + " (changes: " + HostLeds.history() + ")");
    }

    /**
     * Fails if {@code secret} was printed on the console, or is drawn on the LCD in any of the board's
     * text colours, or is in {@code log} (a broker log, or null).
     */
    static void assertNeverShown(String secret, ConsoleCapture console, File png, String log) throws IOException {
        assertFalse("the password was printed on the console", console.text().contains(secret));
        if (log != null) {
            assertFalse("the password is in the broker's log", log.contains(secret));
        }
        BufferedImage lcd = ImageIO.read(png);
        for (int color : new int[] { LcdScreen.TEXT, LcdScreen.ERROR_TEXT, LcdScreen.OK_TEXT, LcdScreen.BUSY_TEXT,
                LcdScreen.TOPIC_TEXT, LcdScreen.COUNTER_TEXT }) {
            for (int background : new int[] { LcdScreen.BACKGROUND, LcdScreen.STATUS_BACKGROUND }) {
                assertNull("the password is drawn on the LCD",
                        LcdImages.find(lcd, HostDisplay.renderText(LcdFont.PATH, secret, color, background)));
            }
        }
    }
}
