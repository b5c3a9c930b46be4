package com.relayboard.firmware;

import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.path.MessageReport;
import com.relayboard.firmware.path.RelayCounters;
import com.relayboard.firmware.text.PayloadText;
import com.relayboard.firmware.time.TimeState;
import com.relayboard.firmware.time.TimeSyncListener;
import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.firmware.util.Ring;

/**
 * Shows the board's state to the person watching it: console lines, the LCD, the LED and the
 * counters. Runs on the loop thread only, after the message path has acted; nothing here can hold a
 * message back.
 *
 * <p>The console gets a line for every message. The LCD gets new messages and counters at most every
 * {@link #SCREEN_INTERVAL_MS}, and then at most {@link #SCREEN_MESSAGES_MAX} messages, the newest: under
 * a burst it shows the latest messages ten times a second, instead of drawing (on the board: sending over
 * SPI) a row for each of a thousand messages a second, which no LCD can do and no one can read. A
 * message and its relayed copy, a moment apart, are both shown.
 */
final class StatusPresenter implements LifecycleListener, TimeSyncListener {

    /** Payload text on the console is cut after this many characters: the UART runs at 115,200 baud. */
    static final int CONSOLE_MAX_PAYLOAD_CHARS = 1024;
    /** The characters of a {@code New message} line besides its topic and payload. */
    private static final int NEW_MESSAGE_CHARS = 34;
    /** The LCD takes new messages, and new counters, at most this often. */
    static final long SCREEN_INTERVAL_MS = 100;
    /** Messages the LCD takes at once at most: the newest, as many as it has rows. */
    static final int SCREEN_MESSAGES_MAX = 4;

    private final SerialConsole console;
    private final BoardScreen screen;
    private final LedIndicator led;
    private final RelayCounters counters;
    private int[] countersShown = new int[4];
    /** The newest messages not yet on the LCD, oldest first, in a ring. */
    private final Ring<MessageReport> screenPending = new Ring<MessageReport>(SCREEN_MESSAGES_MAX);
    /** When the LCD last got a message, or {@code Long.MIN_VALUE / 2} before the first. */
    private long messageShownMs = Long.MIN_VALUE / 2;
    private long countersShownMs = Long.MIN_VALUE / 2;
    private WifiState wifiState = WifiState.IDLE;
    private MqttState mqttState = MqttState.WAITING_FOR_NETWORK;
    private volatile String wifiStatus = "WiFi IDLE";
    private volatile String mqttStatus = "MQTT WAITING_FOR_NETWORK";

    StatusPresenter(SerialConsole console, BoardScreen screen, LedIndicator led, RelayCounters counters) {
        this.console = console;
        this.screen = screen;
        this.led = led;
        this.counters = counters;
    }

    /** The first picture, before the lifecycles start. */
    void showStart() {
        this.screen.showWifi(this.wifiStatus, BoardScreen.BUSY);
        this.screen.showMqtt(this.mqttStatus, BoardScreen.BUSY);
        this.screen.showCounters(0, 0, 0, 0);
    }

    /** @return e.g. {@code WiFi CONNECTED 127.0.0.1}; read from any thread */
    String wifiStatus() {
        return this.wifiStatus;
    }

    /** @return e.g. {@code MQTT CONNECTED tcp://...}; read from any thread */
    String mqttStatus() {
        return this.mqttStatus;
    }

    /** Shows what the message path did with one message. */
    void show(MessageReport report, long nowMs) {
        if (report.kind() != MessageReport.Kind.NOT_PUBLISHED) {
            // Under a burst most lines are skipped: building the line (escaping up to 1 KiB) only to skip it
            // would cost the loop more than showing the message.
            if (this.console.hasRoomForMessage(NEW_MESSAGE_CHARS + report.topic().length()
                    + Math.min(report.payloadLength(), CONSOLE_MAX_PAYLOAD_CHARS))) {
                this.console.printlnMessage("New message (topic=\"" + PayloadText.escapeTopic(report.topic(), Integer.MAX_VALUE)
                        + "\", message=\"" + consoleText(report) + "\")");
            } else {
                this.console.skip(1);
            }
            if (this.screenPending.isFull()) {
                // The oldest waiting one would scroll off before anyone saw it.
                this.screenPending.poll();
            }
            this.screenPending.offer(report);
            showPendingMessages(nowMs);
            this.led.flash(LedIndicator.colorForRule(report.ruleNumber()), nowMs);
        }
        if (report.kind() == MessageReport.Kind.DROPPED) {
            notice("Dropped message on " + report.topic() + ": " + report.reason());
        } else if (report.kind() == MessageReport.Kind.NOT_PUBLISHED) {
            notice("Dropped relayed message to " + report.topic() + " " + report.reason());
        }
    }

    /** Reports the loop could not take (a burst): their console lines are counted as skipped. */
    void missed(int reports) {
        if (reports > 0) {
            this.console.skip(reports);
        }
    }

    /** Shows the message waiting for the LCD, and the counters if they changed, when it is time. */
    void refreshScreen(long nowMs) {
        showPendingMessages(nowMs);
        if (nowMs - this.countersShownMs < SCREEN_INTERVAL_MS) {
            return;
        }
        int[] now = this.counters.snapshot();
        if (now[0] != this.countersShown[0] || now[1] != this.countersShown[1] || now[2] != this.countersShown[2]
                || now[3] != this.countersShown[3]) {
            this.countersShown = now;
            this.countersShownMs = nowMs;
            this.screen.showCounters(now[0], now[1], now[2], now[3]);
        }
    }

    /** Lets the console say the message lines it skipped, when that is due (see {@link SerialConsole#step}). */
    void refreshConsole(long nowMs) {
        this.console.step(nowMs);
    }

    /** @return when {@link #refreshConsole(long)} next has something to do, in clock milliseconds, or never */
    long nextConsoleMs(long nowMs) {
        return this.console.nextActionMs(nowMs);
    }

    /**
     * @return when {@link #refreshScreen(long)} next has something to show, in clock milliseconds, or
     *         {@link Long#MAX_VALUE}; the counters are also looked at on every wake of the loop
     */
    long nextScreenMs() {
        return this.screenPending.isEmpty() ? Long.MAX_VALUE : this.messageShownMs + SCREEN_INTERVAL_MS;
    }

    private void showPendingMessages(long nowMs) {
        if (this.screenPending.isEmpty() || nowMs - this.messageShownMs < SCREEN_INTERVAL_MS) {
            return;
        }
        this.messageShownMs = nowMs;
        MessageReport pending;
        while ((pending = this.screenPending.poll()) != null) {
            this.screen.addMessage(pending.topic(), pending.payload(), pending.payloadLength());
        }
    }

    void publishRetrying(String topic, String reason) {
        this.console.println("Publish to " + topic + " failed (" + reason
                + "); it stays queued and is sent again after the reconnect");
    }

    /** One line on the console and the LCD's notice line. */
    void notice(String text) {
        this.console.println(text);
        this.screen.showNotice(text, true);
    }

    private static String consoleText(MessageReport report) {
        byte[] payload = report.payload();
        String text = PayloadText.escape(payload, CONSOLE_MAX_PAYLOAD_CHARS);
        if (payload.length < report.payloadLength()
                || PayloadText.bytesShown(payload, CONSOLE_MAX_PAYLOAD_CHARS) < payload.length) {
            text += "... (" + report.payloadLength() + " bytes)";
        }
        return text;
    }

    // LifecycleListener: called on the loop thread by the lifecycles themselves.

    @Override
    public void wifiChanged(WifiState state, String detail) {
        this.wifiState = state;
        this.wifiStatus = reportStateChange("WiFi", state.name(), detail, state == WifiState.BACKOFF);
        this.screen.showWifi(this.wifiStatus, severity(state == WifiState.CONNECTED, state == WifiState.BACKOFF));
    }

    @Override
    public void mqttChanged(MqttState state, String detail) {
        this.mqttState = state;
        boolean connected = state == MqttState.CONNECTED;
        this.mqttStatus = reportStateChange("MQTT", state.name(), detail, state == MqttState.BACKOFF);
        this.screen.showMqtt(this.mqttStatus, severity(connected, state == MqttState.BACKOFF));
        if (connected) {
            // Whatever went wrong before, the board is fully up again.
            this.screen.showNotice("", false);
        }
    }

    /**
     * The clock's changes: a line on the console; on the LCD's notice line, a failure (an {@code ssl://} board
     * waits for the clock, and the user must see why), and a success while the broker is not connected yet.
     */
    @Override
    public void timeChanged(TimeState state, String detail) {
        String line = "Time: " + state.name() + " " + detail;
        this.console.println(line);
        if (state == TimeState.FAILED) {
            this.screen.showNotice(line, true);
        } else if (state == TimeState.SYNCED && this.mqttState != MqttState.CONNECTED) {
            this.screen.showNotice(line, false);
        }
    }

    /**
     * Prints one console line for a lifecycle's state change, puts a failure's reason on the notice line
     * and sets the LED's steady colour.
     *
     * @return the status text, e.g. {@code WiFi CONNECTED 127.0.0.1}
     */
    private String reportStateChange(String lifecycle, String state, String detail, boolean failed) {
        this.console.println(lifecycle + ": " + state + " " + detail);
        if (failed) {
            this.screen.showNotice(lifecycle + ": " + detail, true);
        }
        updateSteadyLed();
        return lifecycle + " " + state + " " + detail;
    }

    private static int severity(boolean up, boolean failed) {
        return up ? BoardScreen.OK : failed ? BoardScreen.ERROR : BoardScreen.BUSY;
    }

    private void updateSteadyLed() {
        int color;
        if (this.mqttState == MqttState.CONNECTED) {
            color = LedIndicator.IDLE;
        } else if (this.wifiState == WifiState.BACKOFF || this.mqttState == MqttState.BACKOFF) {
            color = LedIndicator.ERROR;
        } else {
            color = LedIndicator.CONNECTING;
        }
        this.led.setSteady(color);
    }
}
