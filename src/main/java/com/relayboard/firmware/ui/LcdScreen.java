package com.relayboard.firmware.ui;

import com.relayboard.firmware.text.PayloadText;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Font;
import ej.mwt.Desktop;

/**
 * The LCD: status lines for Wi-Fi and MQTT, a notice line, the most recent messages (topic, then the
 * payload as text: escaped where it is not printable, cut with an ellipsis and its size where it is
 * too long), and the counters. Built with MWT; every update is handed to the MicroUI thread and
 * redraws only the lines whose text changed.
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
    /** Escaped text is prepared for at most this many characters: more never fits on a 320 px line. */
    private static final int MAX_PAYLOAD_CHARS = 200;

    private final Font font;
    private final TextLine wifiLine;
    private final TextLine mqttLine;
    private final TextLine noticeLine;
    private final TextLine[] topicLines;
    private final TextLine[] payloadLines;
    private final TextLine counterLine;
    /** Newest message first; each holds {topic, payload} as shown. Touched on the UI thread only. */
    private final String[][] shown;

    private LcdScreen(Font font, int messageRows) {
        this.font = font;
        this.wifiLine = new TextLine(font, STATUS_BACKGROUND, BUSY_TEXT);
        this.mqttLine = new TextLine(font, STATUS_BACKGROUND, BUSY_TEXT);
        this.noticeLine = new TextLine(font, BACKGROUND, ERROR_TEXT);
        this.topicLines = new TextLine[messageRows];
        this.payloadLines = new TextLine[messageRows];
        this.shown = new String[messageRows][];
        this.counterLine = new TextLine(font, STATUS_BACKGROUND, COUNTER_TEXT);
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
        Font font = Font.getDefaultFont();
        int lineHeight = TextLine.height(font);
        // Two lines of status, one notice, one of counters; the rest holds messages, two lines each.
        // The root container fills the display with the background; lines cover their own rows.
        int messageRows = Math.max(1, (display.getHeight() / lineHeight - 4) / 2);
        LcdScreen screen = new LcdScreen(font, messageRows);
        LineStack stack = new LineStack();
        stack.add(screen.wifiLine);
        stack.add(screen.mqttLine);
        stack.add(screen.noticeLine);
        for (int i = 0; i < messageRows; i++) {
            screen.topicLines[i] = new TextLine(font, BACKGROUND, TOPIC_TEXT);
            screen.payloadLines[i] = new TextLine(font, BACKGROUND, TEXT);
            stack.add(screen.topicLines[i]);
            stack.add(screen.payloadLines[i]);
        }
        stack.add(screen.counterLine);
        Desktop desktop = new Desktop();
        desktop.setWidget(stack);
        desktop.requestShow();
        return screen;
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
    public void showNotice(String text, boolean error) {
        setLater(this.noticeLine, text, error ? ERROR_TEXT : BUSY_TEXT);
    }

    @Override
    public void addMessage(final String topic, final byte[] payload) {
        MicroUI.callSerially(new Runnable() {
            @Override
            public void run() {
                String[][] rows = LcdScreen.this.shown;
                System.arraycopy(rows, 0, rows, 1, rows.length - 1);
                rows[0] = new String[] { fitTopic(topic), fitPayload(payload) };
                for (int i = 0; i < rows.length; i++) {
                    if (rows[i] != null) {
                        LcdScreen.this.topicLines[i].set(rows[i][0], TOPIC_TEXT);
                        LcdScreen.this.payloadLines[i].set(rows[i][1], TEXT);
                    }
                }
            }
        });
    }

    @Override
    public void showCounters(int received, int relayed, int dropped, int queued) {
        setLater(this.counterLine,
                "rx " + received + "  relayed " + relayed + "  dropped " + dropped + "  queued " + queued,
                dropped > 0 ? BUSY_TEXT : COUNTER_TEXT);
    }

    private String fitTopic(String topic) {
        return TextFit.fit(PayloadText.escapeTopic(topic, MAX_PAYLOAD_CHARS), this.font,
                this.topicLines[0].textWidth(), "", false);
    }

    private String fitPayload(byte[] payload) {
        String text = PayloadText.escape(payload, MAX_PAYLOAD_CHARS);
        boolean complete = PayloadText.bytesShown(payload, MAX_PAYLOAD_CHARS) == payload.length;
        return TextFit.fit(text, this.font, this.payloadLines[0].textWidth(), " (" + payload.length + " B)",
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
