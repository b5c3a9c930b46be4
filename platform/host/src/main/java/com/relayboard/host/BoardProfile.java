package com.relayboard.host;

/**
 * The boards the desktop platform can be: what MicroUI finds on each (a display or none, how many LEDs), as the
 * VEE Port of that board declares it. Chosen once per JVM with {@link HostPlatform#selectBoard(BoardProfile)}, before
 * the firmware starts.
 */
public enum BoardProfile {

    /**
     * The default: a 320x240 RGB565 LCD and the WS2812 NeoPixel as three LEDs (red, green, blue), as on the
     * ESP32-S3-DevKitC-1 port, with the display of the ESP-WROVER-KIT port.
     */
    LCD_NEOPIXEL("lcd-neopixel", "ESP32 with a 320x240 LCD and a NeoPixel", true, 3),
    /**
     * ESP-WROVER-KIT V4.1 (VEE Port 2.2.1): 320x240 RGB565 LCD, one MicroUI LED, the red one of its RGB LED (the green
     * and blue pins are taken by the SD card and the logger).
     */
    WROVER_KIT("wrover-kit", "ESP-WROVER-KIT V4.1", true, 1),
    /**
     * ESP32-S3-DevKitC-1 (VEE Port 2.5.0): no display; the on-board WS2812 NeoPixel as MicroUI LEDs 0, 1, 2 (red,
     * green, blue).
     */
    S3_DEVKITC("s3-devkitc", "ESP32-S3-DevKitC-1", false, 3);

    private final String id;
    private final String title;
    private final boolean display;
    private final int leds;

    BoardProfile(String id, String title, boolean display, int leds) {
        this.id = id;
        this.title = title;
        this.display = display;
        this.leds = leds;
    }

    /** @return the name the simulator's {@code --board} takes */
    public String id() {
        return this.id;
    }

    /** @return the board's name, for people */
    public String title() {
        return this.title;
    }

    public boolean hasDisplay() {
        return this.display;
    }

    /** @return how many MicroUI LEDs the board's VEE Port has */
    public int ledCount() {
        return this.leds;
    }

    /**
     * @param id a {@link #id()}
     * @return the profile
     * @throws IllegalArgumentException naming the known ids, if there is no such profile
     */
    public static BoardProfile byId(String id) {
        StringBuilder known = new StringBuilder();
        for (BoardProfile profile : values()) {
            if (profile.id.equals(id)) {
                return profile;
            }
            known.append(known.length() == 0 ? "" : ", ").append(profile.id);
        }
        throw new IllegalArgumentException("unknown board '" + id + "' (known: " + known + ")");
    }
}
