package com.relayboard.firmware.ui;

/**
 * What the board's light says. Driven by the loop thread: {@link #setSteady(int)} for the board's state,
 * {@link #flash(int, long)} for each message, {@link #step(long)} whenever {@link #nextChangeMs()} comes due.
 *
 * <p>On an RGB light (the NeoPixel) the state is a steady colour (amber while connecting, red after a failure, dim
 * green when all is well) and a message is a short flash in the colour of its relay rule.
 *
 * <p>A single-colour light (the ESP-WROVER-KIT has one red LED) can't show colours, so it blinks patterns:
 * <pre>
 *   connecting        slow blink      500 ms on, 500 ms off
 *   error, backing off fast blink     100 ms on, 100 ms off
 *   connected, idle   steady, dim
 *   message, rule N   N bright blinks (120 ms on, 120 ms off; N = 1, 2, or 3 for any other rule), then the state
 * </pre>
 * A message that arrives while another's blinks show waits for them to end, then a pause, so that the counts stay
 * readable (one blink then two is not three). Only one waits: when messages come faster than they can be blinked,
 * the latest one is shown.
 *
 * <p>The user's setting (the LED topic, see {@code led.LedControl}) changes two things: {@link #setUserSetting(int, int) the
 * level} scales the light of "connected, all well" and the message flashes (blinks), on either kind of light; the
 * colour replaces the dim green of "connected, all well" on an RGB light. The message flashes keep their own colours,
 * and "connecting" and "failed" keep their colours (patterns) and brightness at any level, even 0: a problem is never
 * hidden by a dimmed light, nor mistaken for the user's colour.
 */
public final class LedIndicator {

    /** Kept modest: a WS2812 at full power is blinding on a desk. */
    public static final int CONNECTING = 0x603000;
    public static final int ERROR = 0x800000;
    public static final int IDLE = 0x001800;
    /** Rule 1 (/test/topic1 by default) flashes blue, rule 2 magenta, others cyan. */
    public static final int RULE_1 = 0x0000A0;
    public static final int RULE_2 = 0x800080;
    public static final int OTHER_MESSAGE = 0x008080;
    /** How long a message flash lasts on an RGB light. */
    public static final long FLASH_MS = 250;

    /** Single-colour light: fully on, dimmed (idle), off. */
    public static final int MONO_ON = 0xFFFFFF;
    public static final int MONO_DIM = 0x202020;
    public static final int MONO_OFF = 0x000000;
    /** Half-period of the slow blink that says "connecting". */
    public static final long SLOW_BLINK_MS = 500;
    /** Half-period of the fast blink that says "failed, backing off". */
    public static final long FAST_BLINK_MS = 100;
    /** On time, and off time, of each blink that counts a message's rule. */
    public static final long MESSAGE_BLINK_MS = 120;

    private final Led led;
    private final boolean mono;
    private int steady = CONNECTING;
    /** Single-colour light: when the steady pattern started, so that blinks keep their rhythm. */
    private long steadySinceMs;
    private long lastStepMs;
    private long flashStartMs;
    private int flashColor;
    private long flashEndMs = -1;
    /** Single-colour light: the message waiting for the blinks showing to end, or -1. */
    private int pendingFlashColor = -1;
    private int shownColor = -1;
    /** The user's brightness, 0 (dark) to 100 (the colours as defined here). */
    private int levelPercent = 100;
    /** What the RGB light shows while connected and idle, before the level scales it. */
    private int idleColor = IDLE;
    /** Until then "connected, all well" still shows as connecting, or -1: see {@link #holdIdleUntil(long)}. */
    private long holdIdleUntilMs = -1;

    public LedIndicator(Led led) {
        this.led = led;
        this.mono = led.kind() == Led.MONO;
        render(0);
    }

    public static int colorForRule(int ruleNumber) {
        switch (ruleNumber) {
        case 1:
            return RULE_1;
        case 2:
            return RULE_2;
        default:
            return OTHER_MESSAGE;
        }
    }

    /** @return how many blinks a single-colour light gives for a message shown in {@code rgb} */
    public static int blinksFor(int rgb) {
        return rgb == RULE_1 ? 1 : rgb == RULE_2 ? 2 : 3;
    }

    /** @return whether the light shows one colour only: brightness, blinks, no colours */
    public boolean isSingleColour() {
        return this.mono;
    }

    /**
     * The user's setting, shown at once (one change of the light, not two).
     *
     * @param percent scales all light from now on: 0 is dark, 100 shows the colours as they are defined
     * @param idleRgb the colour of "connected, all well" on an RGB light, 0xRRGGBB, before the level scales it
     */
    public void setUserSetting(int percent, int idleRgb) {
        this.levelPercent = Math.max(0, Math.min(100, percent));
        this.idleColor = idleRgb & 0xFFFFFF;
        render(this.lastStepMs);
    }

    /**
     * Keeps showing "connecting" in place of "connected, all well" until {@code untilMs} or {@link #releaseIdle()},
     * whichever comes first: the user's retained setting may still be on its way, and the default green must not
     * flash up before it.
     */
    public void holdIdleUntil(long untilMs) {
        this.holdIdleUntilMs = untilMs;
        render(this.lastStepMs);
    }

    /** Ends {@link #holdIdleUntil(long)}: the setting is in. */
    public void releaseIdle() {
        if (this.holdIdleUntilMs >= 0) {
            this.holdIdleUntilMs = -1;
            render(this.lastStepMs);
        }
    }

    /** @return the state shown at {@code nowMs}: the steady one, or connecting while idle is held */
    private int shownSteady(long nowMs) {
        return this.steady == IDLE && this.holdIdleUntilMs >= 0 && nowMs < this.holdIdleUntilMs ? CONNECTING
                : this.steady;
    }

    /**
     * @return {@code rgb} with each channel scaled to {@code percent}, rounded; a channel that was lit stays lit
     *         (at 1) at any level above 0, so that a low level never reads as off
     */
    public static int scale(int rgb, int percent) {
        int scaled = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (rgb >> shift) & 0xFF;
            int value = (channel * percent + 50) / 100;
            if (value == 0 && channel > 0 && percent > 0) {
                value = 1;
            }
            scaled |= value << shift;
        }
        return scaled;
    }

    /** Shows the board's state, after any message flash that is showing. */
    public void setSteady(int rgb) {
        if (rgb == this.steady) {
            return;
        }
        this.steady = rgb;
        this.steadySinceMs = this.lastStepMs;
        if (this.flashEndMs < 0) {
            render(this.lastStepMs);
        }
    }

    /** Shows a message: a flash of {@code rgb}, or on a single-colour light the blinks of its rule. */
    public void flash(int rgb, long nowMs) {
        this.lastStepMs = nowMs;
        if (this.mono && this.flashEndMs >= 0) {
            this.pendingFlashColor = rgb;
            return;
        }
        startFlash(rgb, nowMs);
        render(nowMs);
    }

    private void startFlash(int rgb, long nowMs) {
        this.flashStartMs = nowMs;
        this.flashColor = rgb;
        this.flashEndMs = nowMs + (this.mono ? blinksFor(rgb) * 2 * MESSAGE_BLINK_MS : FLASH_MS);
    }

    /** Shows what is due at {@code nowMs}: the end of a flash, the next blink. */
    public void step(long nowMs) {
        this.lastStepMs = nowMs;
        if (this.holdIdleUntilMs >= 0 && nowMs >= this.holdIdleUntilMs) {
            this.holdIdleUntilMs = -1;
        }
        if (this.flashEndMs >= 0 && nowMs >= this.flashEndMs) {
            this.flashEndMs = -1;
            if (this.pendingFlashColor >= 0) {
                int next = this.pendingFlashColor;
                this.pendingFlashColor = -1;
                // The pause between two messages' blinks is twice the one between blinks.
                startFlash(next, nowMs + 2 * MESSAGE_BLINK_MS);
            } else if (this.mono) {
                // The state's blinking resumes from its start, so a pattern is never cut into a stray blink.
                this.steadySinceMs = nowMs;
            }
        }
        render(nowMs);
    }

    /** @return when {@link #step(long)} has something new to show, or -1 when nothing will change by itself */
    public long nextChangeMs() {
        if (this.flashEndMs >= 0) {
            if (!this.mono) {
                return this.flashEndMs;
            }
            if (this.lastStepMs < this.flashStartMs) {
                return this.flashStartMs;
            }
            return nextEdgeMs(this.flashStartMs, MESSAGE_BLINK_MS);
        }
        long halfPeriodMs = blinkHalfPeriodMs();
        long edgeMs = halfPeriodMs > 0 ? nextEdgeMs(this.steadySinceMs, halfPeriodMs) : -1;
        if (this.holdIdleUntilMs >= 0 && (edgeMs < 0 || this.holdIdleUntilMs < edgeMs)) {
            return this.holdIdleUntilMs;
        }
        return edgeMs;
    }

    /** @return the first on/off edge after the last step, of a blink that started at {@code startMs} */
    private long nextEdgeMs(long startMs, long halfPeriodMs) {
        long sinceStart = Math.max(0, this.lastStepMs - startMs);
        return startMs + (sinceStart / halfPeriodMs + 1) * halfPeriodMs;
    }

    /** @return whether a blink that started (on) at {@code startMs} is on at {@code nowMs} */
    private static boolean blinkOn(long startMs, long halfPeriodMs, long nowMs) {
        return Math.max(0, nowMs - startMs) / halfPeriodMs % 2 == 0;
    }

    private void render(long nowMs) {
        if (!this.mono) {
            int state = shownSteady(nowMs);
            show(this.flashEndMs >= 0 ? this.flashColor : state == IDLE ? this.idleColor : state,
                    this.flashEndMs >= 0 || state == IDLE);
            return;
        }
        if (this.flashEndMs >= 0) {
            if (nowMs < this.flashStartMs) {
                show(MONO_OFF, true);
                return;
            }
            show(blinkOn(this.flashStartMs, MESSAGE_BLINK_MS, nowMs) ? MONO_ON : MONO_OFF, true);
            return;
        }
        long halfPeriodMs = blinkHalfPeriodMs();
        if (halfPeriodMs > 0) {
            show(blinkOn(this.steadySinceMs, halfPeriodMs, nowMs) ? MONO_ON : MONO_OFF, false);
        } else {
            int state = shownSteady(nowMs);
            show(state == IDLE ? MONO_DIM : state == MONO_OFF ? MONO_OFF : MONO_ON, state == IDLE);
        }
    }

    /** Passes only changes on: the loop steps often, and each LED write is an I/O on the device. */
    /** @param userLight whether this is the light the user's level scales (idle, messages), not a problem or a wait */
    private void show(int unscaled, boolean userLight) {
        int rgb = userLight ? scale(unscaled, this.levelPercent) : unscaled;
        if (rgb != this.shownColor) {
            this.shownColor = rgb;
            this.led.show(rgb);
        }
    }

    /** @return the half-period of the single-colour light's steady pattern, or 0 for a steady light */
    private long blinkHalfPeriodMs() {
        if (!this.mono) {
            return 0;
        }
        int state = shownSteady(this.lastStepMs);
        return state == CONNECTING ? SLOW_BLINK_MS : state == ERROR ? FAST_BLINK_MS : 0;
    }
}
