package com.relayboard.firmware.ui;

/**
 * What the NeoPixel says: a steady colour for the board's state (amber while connecting, red after a
 * failure, dim green when all is well) and a short flash for each message, in the colour of the
 * relay rule it fell under. Driven by the loop thread.
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
    /** How long a message flash lasts. */
    public static final long FLASH_MS = 250;

    private final Led led;
    private int steady = CONNECTING;
    private long flashEndMs = -1;

    public LedIndicator(Led led) {
        this.led = led;
        led.show(this.steady);
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

    public void setSteady(int rgb) {
        this.steady = rgb;
        if (this.flashEndMs < 0) {
            this.led.show(rgb);
        }
    }

    public void flash(int rgb, long nowMs) {
        this.flashEndMs = nowMs + FLASH_MS;
        this.led.show(rgb);
    }

    /** Ends a flash that has lasted long enough. */
    public void step(long nowMs) {
        if (this.flashEndMs >= 0 && nowMs >= this.flashEndMs) {
            this.flashEndMs = -1;
            this.led.show(this.steady);
        }
    }

    /** @return when the flash ends, or -1 when none is showing */
    public long flashEndMs() {
        return this.flashEndMs;
    }
}
