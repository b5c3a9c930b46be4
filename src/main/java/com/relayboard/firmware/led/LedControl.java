package com.relayboard.firmware.led;


import com.relayboard.firmware.path.Commands;
import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.Console;
import com.relayboard.firmware.ui.LedIndicator;

/**
 * The user's control of the board's light, from the LED topic: the commands the client's callback leaves in the
 * board's {@link PendingCommands} (any thread), applied on the loop thread ({@link #applyPending()}) to the
 * {@link LedIndicator}; keeps the setting applied, which the board publishes retained as {@link #stateJson()}.
 *
 * <p>A refused command leaves the light and the setting as they were, and says why in one line on the console and
 * the screen's notice line. An empty payload (a retained command being cleared) changes nothing and says nothing.
 * On a single-colour light the level is its brightness and a colour is refused.
 */
public final class LedControl {

    /** Commands kept while the loop is busy: a backlog after an outage keeps its newest commands. */
    public static final int PENDING_CAPACITY = 16;
    /** Until told otherwise the light is at full level, in the board's own idle green. */
    public static final int DEFAULT_LEVEL_PERCENT = 100;
    /** The one colour of the ESP-WROVER-KIT's LED, reported as the setting's colour there. */
    public static final int SINGLE_LED_COLOR = 0xFF0000;
    static final String REFUSED_PREFIX = "LED command refused: ";
    /**
     * After a connect, how long the light waits for a retained command before it shows "connected" in the default
     * setting. The retained message comes right after the subscription's acknowledgement; the client library may
     * hand it over some time later on a loaded machine.
     */
    public static final long RETAINED_COMMAND_WAIT_MS = 1000;

    /**
     * Where LED commands wait for the loop: the client's callback thread offers them ({@link Commands}, never
     * blocks), the loop takes them. It keeps at most {@link #PENDING_CAPACITY}, forgetting the oldest when full (the
     * newest decides the light). On the board it is the loop's event hand-over, under that one's lock.
     */
    public interface PendingCommands extends Commands {

        /** @return the oldest command not taken yet, or {@code null}; on the loop thread */
        byte[] pollCommand();
    }

    private final LedIndicator indicator;
    private final Console console;
    private final BoardScreen screen;
    /** Commands not yet applied. No lock here: the hand-over takes its own. */
    private final PendingCommands pending;
    /** Written by the loop; volatile for readers on other threads (the simulator's front panel). */
    private volatile LedSetting setting;
    /** What {@code on} brings back: the last level above 0. The loop's own: no lock. */
    private int onLevelPercent = DEFAULT_LEVEL_PERCENT;

    public LedControl(LedIndicator indicator, Console console, BoardScreen screen, PendingCommands pending) {
        this.indicator = indicator;
        this.pending = pending;
        this.console = console;
        this.screen = screen;
        this.setting = new LedSetting(DEFAULT_LEVEL_PERCENT,
                indicator.isSingleColour() ? SINGLE_LED_COLOR : LedIndicator.IDLE);
    }

    /**
     * The board is connected (subscribed to the LED topic): the light keeps showing "connecting" until a command
     * comes, or {@link #RETAINED_COMMAND_WAIT_MS} passes. Runs on the loop thread.
     */
    public void connected(long nowMs) {
        this.indicator.holdIdleUntil(nowMs + RETAINED_COMMAND_WAIT_MS);
    }

    /** @return the setting applied now */
    public LedSetting setting() {
        return this.setting;
    }

    /** @return {@code {"level":N,"color":"#RRGGBB"}}, UTF-8: the setting applied, as published */
    public byte[] stateJson() {
        return this.setting.toJson().getBytes();
    }

    /**
     * Applies every command offered so far, in order. Runs on the loop thread.
     *
     * @return whether the setting changed: the board then publishes {@link #stateJson()}
     */
    public boolean applyPending() {
        LedSetting before = this.setting;
        byte[] payload;
        while ((payload = this.pending.pollCommand()) != null) {
            apply(LedCommand.parse(payload));
            // Whatever it said, the retained command (if any) is in: nothing more to wait for.
            this.indicator.releaseIdle();
        }
        return !this.setting.equals(before);
    }

    /** Applies one command; a refusal is reported and changes nothing. */
    void apply(LedCommand command) {
        int level = this.setting.levelPercent();
        int color = this.setting.color();
        switch (command.kind()) {
        case LedCommand.EMPTY:
            return;
        case LedCommand.REFUSED:
            refuse(command.refusal());
            return;
        case LedCommand.ON:
            level = level > 0 ? level : this.onLevelPercent;
            break;
        case LedCommand.OFF:
            level = 0;
            break;
        default:
            if (command.color() != LedCommand.NOT_GIVEN && this.indicator.isSingleColour()) {
                refuse("this board's light is one red LED: it takes \"level\", not \"color\"");
                return;
            }
            if (command.level() != LedCommand.NOT_GIVEN) {
                level = command.level();
            }
            if (command.color() != LedCommand.NOT_GIVEN) {
                color = command.color();
            }
            break;
        }
        LedSetting next = new LedSetting(level, color);
        if (next.equals(this.setting)) {
            return;
        }
        if (level > 0) {
            this.onLevelPercent = level;
        }
        this.setting = next;
        this.indicator.setUserSetting(level, this.indicator.isSingleColour() ? LedIndicator.IDLE : color);
        this.console.println("LED: " + next);
    }

    private void refuse(String reason) {
        String line = REFUSED_PREFIX + reason;
        this.console.println(line);
        this.screen.showNotice(line, true);
    }
}
