package com.relayboard.firmware.led;

import com.relayboard.firmware.text.PayloadText;
import com.relayboard.firmware.text.Utf8;

/**
 * One message from the LED topic, read strictly: {@code {"level": 0..100}} (a number, or a string of digits as
 * seed 002's web page sends), {@code {"color": "#RRGGBB"}}, both keys in one object, {@code on} or {@code off}.
 * Anything else is {@link #REFUSED} with a reason that names what is wrong, and an empty payload (how a retained
 * message is cleared) is {@link #EMPTY}. Java 7 and no library: EDC has no regex and no JSON.
 */
public final class LedCommand {

    /** An empty payload: a retained command being cleared. Nothing to do, nothing to report. */
    public static final int EMPTY = 0;
    /** A level, a colour, or both: {@link #level()} and {@link #color()}, each {@link #NOT_GIVEN} when absent. */
    public static final int SET = 1;
    /** {@code on}: the light back at its last level above 0. */
    public static final int ON = 2;
    /** {@code off}: level 0. */
    public static final int OFF = 3;
    /** Not a command: {@link #refusal()} says why. */
    public static final int REFUSED = 4;

    public static final int NOT_GIVEN = -1;
    public static final int MIN_LEVEL_PERCENT = 0;
    public static final int MAX_LEVEL_PERCENT = 100;
    /** Payload text quoted in a refusal at most: the line must fit the console and the LCD's notice line. */
    static final int QUOTED_MAX_CHARS = 40;
    /** What a refusal of an unreadable payload says the board takes. */
    static final String EXPECTED = "expected {\"level\": 0..100, \"color\": \"#RRGGBB\"}, on or off";

    private final int kind;
    private final int level;
    private final int color;
    private final String refusal;

    private LedCommand(int kind, int level, int color, String refusal) {
        this.kind = kind;
        this.level = level;
        this.color = color;
        this.refusal = refusal;
    }

    /** @return {@link #EMPTY}, {@link #SET}, {@link #ON}, {@link #OFF} or {@link #REFUSED} */
    public int kind() {
        return this.kind;
    }

    /** @return the brightness asked for, in percent, or {@link #NOT_GIVEN} */
    public int level() {
        return this.level;
    }

    /** @return the colour asked for, 0xRRGGBB, or {@link #NOT_GIVEN} */
    public int color() {
        return this.color;
    }

    /** @return why the payload is not a command, or {@code null} when it is one */
    public String refusal() {
        return this.refusal;
    }

    /** @return the command in {@code payload}, or a refusal; never throws */
    public static LedCommand parse(byte[] payload) {
        if (payload.length == 0) {
            return new LedCommand(EMPTY, NOT_GIVEN, NOT_GIVEN, null);
        }
        if (!Utf8.isValid(payload)) {
            return refused("not UTF-8 text (" + EXPECTED + "): " + quote(payload));
        }
        String text = decode(payload).trim();
        if (text.length() == 0) {
            return new LedCommand(EMPTY, NOT_GIVEN, NOT_GIVEN, null);
        }
        if (text.equalsIgnoreCase("on")) {
            return new LedCommand(ON, NOT_GIVEN, NOT_GIVEN, null);
        }
        if (text.equalsIgnoreCase("off")) {
            return new LedCommand(OFF, NOT_GIVEN, NOT_GIVEN, null);
        }
        if (text.charAt(0) != '{') {
            return refused("not JSON (" + EXPECTED + "): " + quote(payload));
        }
        return new Reader(text, payload).readObject();
    }

    static LedCommand refused(String reason) {
        return new LedCommand(REFUSED, NOT_GIVEN, NOT_GIVEN, reason);
    }

    private static String quote(byte[] payload) {
        String shown = PayloadText.escape(payload, QUOTED_MAX_CHARS);
        boolean cut = PayloadText.bytesShown(payload, QUOTED_MAX_CHARS) < payload.length;
        return "\"" + shown + (cut ? "..." : "") + "\"";
    }

    /** Valid UTF-8 to UTF-16, with the same decoder that checked it. */
    private static String decode(byte[] payload) {
        StringBuilder text = new StringBuilder(payload.length);
        int i = 0;
        while (i < payload.length) {
            int decoded = Utf8.decodeAt(payload, i, payload.length);
            int codePoint = decoded >>> 3;
            if (codePoint >= 0x10000) {
                int offset = codePoint - 0x10000;
                text.append((char) (0xD800 + (offset >> 10))).append((char) (0xDC00 + (offset & 0x3FF)));
            } else {
                text.append((char) codePoint);
            }
            i += decoded & 7;
        }
        return text.toString();
    }

    /** A strict reader of the one JSON shape the board takes: a flat object of known keys. */
    private static final class Reader {

        private final String text;
        private final byte[] payload;
        private int at;
        private int level = NOT_GIVEN;
        private int color = NOT_GIVEN;

        Reader(String text, byte[] payload) {
            this.text = text;
            this.payload = payload;
        }

        LedCommand readObject() {
            this.at = 1; // past '{'
            skipSpace();
            if (peek() == '}') {
                this.at++;
                return end(true);
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    return broken("a key in double quotes");
                }
                String key = readString();
                if (key == null) {
                    return broken("the end of a key");
                }
                skipSpace();
                if (peek() != ':') {
                    return broken("':' after \"" + key + "\"");
                }
                this.at++;
                skipSpace();
                LedCommand refusal = readValue(key);
                if (refusal != null) {
                    return refusal;
                }
                skipSpace();
                char next = peek();
                this.at++;
                if (next == '}') {
                    return end(false);
                }
                if (next != ',') {
                    this.at--;
                    return broken("',' or '}'");
                }
            }
        }

        private LedCommand end(boolean empty) {
            skipSpace();
            if (this.at < this.text.length()) {
                return broken("nothing after the closing '}'");
            }
            if (empty) {
                return refused("the object names neither \"level\" nor \"color\" (" + EXPECTED + ")");
            }
            return new LedCommand(SET, this.level, this.color, null);
        }

        /** @return a refusal, or null once the value is read and kept */
        private LedCommand readValue(String key) {
            boolean isLevel = key.equals("level");
            if (!isLevel && !key.equals("color")) {
                return refused("unknown key \"" + PayloadText.escapeTopic(key, QUOTED_MAX_CHARS)
                        + "\" (known: \"level\", \"color\")");
            }
            if (isLevel ? this.level != NOT_GIVEN : this.color != NOT_GIVEN) {
                return refused("\"" + key + "\" is given twice");
            }
            String raw;
            boolean quoted = peek() == '"';
            if (quoted) {
                raw = readString();
                if (raw == null) {
                    return broken("the end of the value of \"" + key + "\"");
                }
            } else {
                int start = this.at;
                while (this.at < this.text.length() && "-+.0123456789eE".indexOf(this.text.charAt(this.at)) >= 0) {
                    this.at++;
                }
                raw = this.text.substring(start, this.at);
                if (raw.length() == 0) {
                    // true, null, an array...: a value, but not one this board takes.
                    return isLevel ? refused("\"level\" must be a whole number from 0 to 100")
                            : refused("\"color\" must be a string \"#RRGGBB\"");
                }
            }
            if (isLevel) {
                int value = parseLevel(raw);
                if (value == NOT_GIVEN) {
                    String shown = PayloadText.escapeTopic(raw, QUOTED_MAX_CHARS);
                    return refused("\"level\" must be a whole number from 0 to 100, not "
                            + (quoted ? "\"" + shown + "\"" : shown));
                }
                this.level = value;
            } else {
                int value = quoted ? parseColor(raw) : NOT_GIVEN;
                if (value == NOT_GIVEN) {
                    String shown = PayloadText.escapeTopic(raw, QUOTED_MAX_CHARS);
                    return refused("\"color\" must be \"#RRGGBB\" (six hex digits), not "
                            + (quoted ? "\"" + shown + "\"" : shown));
                }
                this.color = value;
            }
            return null;
        }

        /** @return the string's value, with JSON's escapes resolved, or null when it is not closed or broken */
        private String readString() {
            StringBuilder value = new StringBuilder();
            this.at++; // past the opening quote
            while (this.at < this.text.length()) {
                char c = this.text.charAt(this.at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    return null; // JSON wants control characters escaped
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (this.at >= this.text.length()) {
                    return null;
                }
                char escape = this.text.charAt(this.at++);
                int index = "\"\\/bfnrt".indexOf(escape);
                if (index >= 0) {
                    value.append("\"\\/\b\f\n\r\t".charAt(index));
                } else if (escape == 'u' && this.at + 4 <= this.text.length()) {
                    int code = hex(this.text, this.at, 4);
                    if (code < 0) {
                        return null;
                    }
                    value.append((char) code);
                    this.at += 4;
                } else {
                    return null;
                }
            }
            return null;
        }

        private LedCommand broken(String expected) {
            return refused("not valid JSON: expected " + expected + " at character " + (this.at + 1) + " of "
                    + quote(this.payload));
        }

        private char peek() {
            return this.at < this.text.length() ? this.text.charAt(this.at) : '\0';
        }

        private void skipSpace() {
            while (this.at < this.text.length()) {
                char c = this.text.charAt(this.at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                this.at++;
            }
        }
    }

    /** @return 0 to 100 from plain digits (at most three, so no overflow), else {@link #NOT_GIVEN} */
    static int parseLevel(String digits) {
        if (digits.length() == 0 || digits.length() > 3) {
            return NOT_GIVEN;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_GIVEN;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_LEVEL_PERCENT ? value : NOT_GIVEN;
    }

    /** @return 0xRRGGBB from {@code #RRGGBB} (either case), else {@link #NOT_GIVEN} */
    static int parseColor(String text) {
        if (text.length() != 7 || text.charAt(0) != '#') {
            return NOT_GIVEN;
        }
        int value = hex(text, 1, 6);
        return value < 0 ? NOT_GIVEN : value;
    }

    /** @return the value of {@code count} hex digits at {@code start}, or -1 if one is not a hex digit */
    private static int hex(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
