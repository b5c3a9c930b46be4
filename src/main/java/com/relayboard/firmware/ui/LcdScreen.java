package com.relayboard.firmware.ui;

import com.relayboard.firmware.text.GlyphSet;
import com.relayboard.firmware.text.PayloadText;
import com.relayboard.firmware.util.Ring;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Font;
import ej.mwt.Desktop;

/**
 * The LCD: status lines for Wi-Fi and MQTT, a notice of up to three lines, the most recent messages (topic, then the
 * payload as text: escaped where it is not printable, cut with an ellipsis and its size where it is
 * too long), and the counters. Built with MWT; every update is handed to the MicroUI thread and
 * redraws only what changed.
 *
 * <p>Messages fill a ring of rows: a new message replaces the oldest one, in the row above the newest,
 * and a bright mark at the left edge moves to its row, so that a message costs the LCD its own two
 * lines, two narrow strips for the mark and the counter cells that changed (a scrolling list would
 * redraw every row). Reading down from the marked row, then on from the top, goes from newest to
 * oldest.
 *
 * <p>Messages and counters that arrive faster than the screen draws are coalesced: the UI thread shows
 * the latest (at most one screenful of messages) instead of queueing work for each.
 */
public final class LcdScreen implements BoardScreen {

    public static final int BACKGROUND = 0x000000;
    public static final int STATUS_BACKGROUND = 0x10204A;
    public static final int TEXT = 0xFFFFFF;
    public static final int OK_TEXT = 0x50FF50;
    public static final int BUSY_TEXT = 0xFFC040;
    public static final int ERROR_TEXT = 0xFF5050;
    public static final int TOPIC_TEXT = 0x60C0FF;
    public static final int COUNTER_TEXT = 0xC0C0C0;
    /** The mark at the left edge of the newest message's row. */
    public static final int NEWEST_MARK = 0xFFE000;
    /** Escaped text is prepared for at most this many characters: more never fits on a 320 px line. */
    private static final int MAX_PAYLOAD_CHARS = 200;
    private static final int COUNTERS = 4;
    /**
     * Lines for the notice: a reason together with what to do about it (a broker's refusal, a configuration
     * error with the key it meant) takes two or three of them.
     */
    public static final int NOTICE_LINES = 3;

    private final Font font;
    /** The characters {@link #font} has; the others are escaped. */
    private final GlyphSet glyphs;
    /** What is missing of the LCD's font, in one line, or null. */
    private final String fontProblem;
    private final TextLine wifiLine;
    private final TextLine mqttLine;
    private final TextLine[] noticeLines = new TextLine[NOTICE_LINES];
    private final MessageRow[] rows;
    private final CounterRow counterRow;
    /** The row showing the newest message, -1 before the first. Touched on the UI thread only. */
    private int newest = -1;

    /** One message waiting for the UI thread. */
    private static final class Pending {

        final String topic;
        final byte[] payload;
        /** The payload's real size, which its kept bytes may be short of. */
        final int length;

        Pending(String topic, byte[] payload, int length) {
            this.topic = topic;
            this.payload = payload;
            this.length = length;
        }
    }

    /*
     * Handed over from the loop thread to the UI thread. Lock: this screen's monitor, taken in addMessage and
     * showCounters (the loop) and draw (the UI thread) only. It must be a lock: the loop fills a ring that
     * forgets the oldest when full while the UI thread takes it, and whether a draw is queued is a check-then-act
     * between the two.
     */
    /** The messages waiting, at most one per row: the loop's side of the hand-over. */
    private Ring<Pending> pending;
    /**
     * The messages the UI thread took, drawn outside the lock: swapped with {@link #pending} under the lock (no
     * copy), and always empty again by the next swap, since only the UI thread draws.
     */
    private Ring<Pending> drawing;
    private final int[] pendingCounters = new int[COUNTERS];
    /** Whether {@link #pendingCounters} changed since the UI thread took them. */
    private boolean countersPending;
    /** Whether {@link #draw} is queued on the UI thread and has not taken what is pending yet. */
    private boolean drawPosted;
    /** The counters the UI thread took: its own, no lock. */
    private final int[] takenCounters = new int[COUNTERS];

    private final Runnable draw = new Runnable() {
        @Override
        public void run() {
            LcdScreen.this.draw();
        }
    };

    private LcdScreen(LcdFont lcdFont, int messageRows) {
        Font font = lcdFont.font();
        this.font = font;
        this.glyphs = lcdFont.glyphs();
        this.fontProblem = lcdFont.problem();
        this.wifiLine = new TextLine(font, STATUS_BACKGROUND, BUSY_TEXT);
        this.mqttLine = new TextLine(font, STATUS_BACKGROUND, BUSY_TEXT);
        for (int i = 0; i < NOTICE_LINES; i++) {
            this.noticeLines[i] = new TextLine(font, BACKGROUND, ERROR_TEXT);
        }
        this.rows = new MessageRow[messageRows];
        for (int i = 0; i < messageRows; i++) {
            this.rows[i] = new MessageRow(font, BACKGROUND, TOPIC_TEXT, TEXT, NEWEST_MARK);
        }
        this.counterRow = new CounterRow(font, STATUS_BACKGROUND, COUNTER_TEXT);
        this.pending = new Ring<Pending>(messageRows);
        this.drawing = new Ring<Pending>(messageRows);
    }

    /**
     * Builds the screen and shows it on the display. MicroUI must be started.
     *
     * @return the screen, or {@code null} when the board has no display
     */
    public static LcdScreen show() {
        Display display;
        try {
            display = Display.getDisplay();
        } catch (RuntimeException e) {
            // A VEE Port built without a display (the ESP32-S3-DevKitC-1's) has none to give.
            return null;
        }
        if (display == null || display.getWidth() <= 0 || display.getHeight() <= 0) {
            return null;
        }
        LcdFont lcdFont = LcdFont.load();
        int lineHeight = TextLine.height(lcdFont.font());
        // Two lines of status, the notice's, one of counters; the rest holds messages, two lines each.
        // The root container fills the display with the background; lines cover their own rows.
        int messageRows = Math.max(1, (display.getHeight() / lineHeight - 3 - NOTICE_LINES) / 2);
        LcdScreen screen = new LcdScreen(lcdFont, messageRows);
        LineStack stack = new LineStack();
        stack.add(screen.wifiLine);
        stack.add(screen.mqttLine);
        for (TextLine line : screen.noticeLines) {
            stack.add(line);
        }
        for (MessageRow row : screen.rows) {
            stack.add(row);
        }
        stack.add(screen.counterRow);
        Desktop desktop = new Desktop();
        desktop.setWidget(stack);
        desktop.requestShow();
        return screen;
    }

    /**
     * @return one line saying what is missing of the LCD's font and what the LCD shows instead (the default font,
     *         text escaped), or {@code null} when the CJK font and its table loaded
     */
    public String fontProblem() {
        return this.fontProblem;
    }

    @Override
    public void showWifi(final String text, final int severity) {
        setLater(this.wifiLine, text, colorOf(severity));
    }

    @Override
    public void showMqtt(String text, int severity) {
        setLater(this.mqttLine, text, colorOf(severity));
    }

    @Override
    public void showNotice(final String text, boolean error) {
        final int color = error ? ERROR_TEXT : BUSY_TEXT;
        MicroUI.callSerially(new Runnable() {
            @Override
            public void run() {
                TextLine[] lines = LcdScreen.this.noticeLines;
                String[] wrapped = TextFit.wrap(text, LcdScreen.this.font, lines[0].textWidth(), lines.length);
                for (int i = 0; i < lines.length; i++) {
                    lines[i].set(i < wrapped.length ? wrapped[i] : "", color);
                }
            }
        });
    }

    @Override
    public void addMessage(String topic, byte[] payload, int payloadLength) {
        synchronized (this) {
            if (this.pending.isFull()) {
                // More messages than rows are waiting: the oldest would be overwritten on the screen anyway.
                this.pending.poll();
            }
            this.pending.offer(new Pending(topic, payload, payloadLength));
            if (this.drawPosted) {
                return;
            }
            this.drawPosted = true;
        }
        MicroUI.callSerially(this.draw);
    }

    @Override
    public void showCounters(int received, int relayed, int dropped, int queued) {
        synchronized (this) {
            this.pendingCounters[CounterRow.RECEIVED] = received;
            this.pendingCounters[CounterRow.RELAYED] = relayed;
            this.pendingCounters[CounterRow.DROPPED] = dropped;
            this.pendingCounters[CounterRow.QUEUED] = queued;
            this.countersPending = true;
            if (this.drawPosted) {
                return;
            }
            this.drawPosted = true;
        }
        MicroUI.callSerially(this.draw);
    }

    /** UI thread: shows what is pending, messages then counters. */
    private void draw() {
        boolean counters;
        synchronized (this) {
            Ring<Pending> taken = this.pending;
            this.pending = this.drawing;
            this.drawing = taken;
            counters = this.countersPending;
            if (counters) {
                System.arraycopy(this.pendingCounters, 0, this.takenCounters, 0, COUNTERS);
                this.countersPending = false;
            }
            this.drawPosted = false;
        }
        drawMessages();
        if (counters) {
            drawCounters();
        }
    }

    /** UI thread: shows the messages taken, oldest first, each in place of the oldest row, then moves the mark. */
    private void drawMessages() {
        if (this.drawing.size() == 0) {
            return; // Only the counters changed: the mark stays, and is not redrawn.
        }
        int previous = this.newest;
        Pending message;
        while ((message = this.drawing.poll()) != null) {
            // The ring runs upwards: reading down from the mark goes from newer to older, as a list would.
            this.newest = this.newest < 0 ? 0 : (this.newest + this.rows.length - 1) % this.rows.length;
            MessageRow row = this.rows[this.newest];
            row.topic.set(fitTopic(message.topic), TOPIC_TEXT);
            row.payload.set(fitPayload(message.payload, message.length), TEXT);
        }
        if (previous >= 0 && previous != this.newest) {
            this.rows[previous].mark.set(false);
        }
        if (this.newest >= 0) {
            this.rows[this.newest].mark.set(true);
        }
    }

    /** UI thread: shows the counters taken; only the cells whose text changed are redrawn. */
    private void drawCounters() {
        int received = this.takenCounters[CounterRow.RECEIVED];
        int relayed = this.takenCounters[CounterRow.RELAYED];
        int dropped = this.takenCounters[CounterRow.DROPPED];
        int queued = this.takenCounters[CounterRow.QUEUED];
        // Once anything was dropped, the whole line turns amber, so that it catches the eye.
        int color = dropped > 0 ? BUSY_TEXT : COUNTER_TEXT;
        this.counterRow.set(CounterRow.RECEIVED, received, color);
        this.counterRow.set(CounterRow.RELAYED, relayed, color);
        this.counterRow.set(CounterRow.DROPPED, dropped, color);
        this.counterRow.set(CounterRow.QUEUED, queued, color);
    }

    private String fitTopic(String topic) {
        return TextFit.fit(PayloadText.escapeTopicForLcd(topic, MAX_PAYLOAD_CHARS, this.glyphs), this.font,
                this.rows[0].topic.textWidth(), "", false);
    }

    /**
     * @param payloadLength
     *            the payload's real size, shown when the text is cut: a report keeps only the first bytes of a
     *            large payload, so {@code payload.length} would understate it
     */
    private String fitPayload(byte[] payload, int payloadLength) {
        String text = PayloadText.escapeForLcd(payload, MAX_PAYLOAD_CHARS, this.glyphs);
        boolean complete = payload.length == payloadLength
                && PayloadText.bytesShownOnLcd(payload, MAX_PAYLOAD_CHARS, this.glyphs) == payload.length;
        return TextFit.fit(text, this.font, this.rows[0].payload.textWidth(), " (" + payloadLength + " B)",
                !complete);
    }

    private static void setLater(final TextLine line, final String text, final int color) {
        MicroUI.callSerially(new Runnable() {
            @Override
            public void run() {
                line.set(text, color);
            }
        });
    }

    private static int colorOf(int severity) {
        switch (severity) {
        case OK:
            return OK_TEXT;
        case ERROR:
            return ERROR_TEXT;
        default:
            return BUSY_TEXT;
        }
    }
}
