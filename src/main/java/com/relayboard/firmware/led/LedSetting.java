package com.relayboard.firmware.led;

/** The light the user asked for: a level and a colour, as the board applied them. Immutable. */
public final class LedSetting {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final int levelPercent;
    private final int color;

    /**
     * @param levelPercent 0 (off) to 100
     * @param color 0xRRGGBB
     */
    public LedSetting(int levelPercent, int color) {
        this.levelPercent = levelPercent;
        this.color = color & 0xFFFFFF;
    }

    public int levelPercent() {
        return this.levelPercent;
    }

    /** @return 0xRRGGBB */
    public int color() {
        return this.color;
    }

    /** @return {@code #RRGGBB} */
    public String colorText() {
        StringBuilder text = new StringBuilder(7).append('#');
        for (int shift = 20; shift >= 0; shift -= 4) {
            text.append(HEX[(this.color >> shift) & 0xF]);
        }
        return text.toString();
    }

    /** @return what the board publishes, retained, on its LED state topic: {@code {"level":N,"color":"#RRGGBB"}} */
    public String toJson() {
        return "{\"level\":" + this.levelPercent + ",\"color\":\"" + colorText() + "\"}";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LedSetting)) {
            return false;
        }
        LedSetting setting = (LedSetting) other;
        return setting.levelPercent == this.levelPercent && setting.color == this.color;
    }

    @Override
    public int hashCode() {
        return this.levelPercent * 31 + this.color;
    }

    /** @return {@code level 30 %, color #FF8000}, for the console */
    @Override
    public String toString() {
        return "level " + this.levelPercent + " %, color " + colorText();
    }
}
