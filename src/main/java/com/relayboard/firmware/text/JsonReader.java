package com.relayboard.firmware.text;

/**
 * A small pull reader of JSON (RFC 8259) over UTF-8 bytes, for the board's commands: the caller walks the shape it
 * expects ({@link #beginObject()}, {@link #nextKey()}, {@link #beginArray()}, {@link #hasNextElement()},
 * {@link #readString()}) and anything else is refused with one line that says what was expected and at which
 * byte. It keeps no tree: the memory it takes is the strings it returns. No regex, no {@code String.format}: EDC
 * has neither.
 */
public final class JsonReader {

    private final byte[] json;
    private int at;
    /** Whether the object or array just entered has had a member: the next one needs a comma first. */
    private boolean first;

    public JsonReader(byte[] json) {
        this.json = json;
    }

    /** Reads {@code {}; then {@link #nextKey()} until it returns {@code null}. */
    public void beginObject() throws JsonException {
        expect('{', "an object ({)");
        this.first = true;
    }

    /** @return the next key of the object being read, or {@code null} at its end (the {@code }} is read) */
    public String nextKey() throws JsonException {
        skipSpace();
        if (peek() == '}') {
            this.at++;
            this.first = false;
            return null;
        }
        if (!this.first) {
            expect(',', "a comma or }");
            skipSpace();
        }
        this.first = false;
        if (peek() != '"') {
            throw fail("a key in quotes");
        }
        String key = readString();
        expect(':', "a colon after the key \"" + key + "\"");
        return key;
    }

    /** Reads {@code [}; then {@link #hasNextElement()} before each element. */
    public void beginArray() throws JsonException {
        expect('[', "an array ([)");
        this.first = true;
    }

    /** @return whether another element follows; {@code false} at the array's end (the {@code ]} is read) */
    public boolean hasNextElement() throws JsonException {
        skipSpace();
        if (peek() == ']') {
            this.at++;
            this.first = false;
            return false;
        }
        if (!this.first) {
            expect(',', "a comma or ]");
        }
        this.first = false;
        return true;
    }

    /** @return whether the next value is a string (after spaces) */
    public boolean atString() {
        skipSpace();
        return peek() == '"';
    }

    /** @return the string value that comes next, its escapes undone */
    public String readString() throws JsonException {
        expect('"', "a string in quotes");
        StringBuilder text = new StringBuilder();
        while (true) {
            if (this.at >= this.json.length) {
                throw fail("the end of the string (\")");
            }
            int b = this.json[this.at] & 0xFF;
            if (b == '"') {
                this.at++;
                return text.toString();
            }
            if (b < 0x20) {
                throw fail("no control character in a string (\\n, \\t, ... must be escaped)");
            }
            if (b == '\\') {
                this.at++;
                readEscape(text);
            } else if (b < 0x80) {
                text.append((char) b);
                this.at++;
            } else {
                int decoded = Utf8.decodeAt(this.json, this.at, this.json.length);
                if (decoded == Utf8.INVALID) {
                    throw fail("UTF-8 text");
                }
                appendCodePoint(text, decoded >>> 3);
                this.at += decoded & 7;
            }
        }
    }

    /** Reads what follows a backslash. */
    private void readEscape(StringBuilder text) throws JsonException {
        if (this.at >= this.json.length) {
            throw fail("an escape after \\");
        }
        char c = (char) (this.json[this.at++] & 0xFF);
        switch (c) {
        case '"':
        case '\\':
        case '/':
            text.append(c);
            break;
        case 'b':
            text.append('\b');
            break;
        case 'f':
            text.append('\f');
            break;
        case 'n':
            text.append('\n');
            break;
        case 'r':
            text.append('\r');
            break;
        case 't':
            text.append('\t');
            break;
        case 'u':
            text.append((char) readHex4());
            break;
        default:
            this.at--;
            throw fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private int readHex4() throws JsonException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = this.at < this.json.length ? Character.digit((char) (this.json[this.at] & 0xFF), 16) : -1;
            if (digit < 0) {
                throw fail("four hexadecimal digits after \\u");
            }
            value = value * 16 + digit;
            this.at++;
        }
        return value;
    }

    /** Refuses anything but spaces after the value read. */
    public void end() throws JsonException {
        skipSpace();
        if (this.at < this.json.length) {
            throw fail("nothing after the end");
        }
    }

    /** @return the byte offset the reader is at, for messages */
    public int offset() {
        return this.at;
    }

    private void expect(char c, String what) throws JsonException {
        skipSpace();
        if (peek() != c) {
            throw fail(what);
        }
        this.at++;
    }

    /** @return the next byte, or -1 at the end */
    private int peek() {
        return this.at < this.json.length ? this.json[this.at] & 0xFF : -1;
    }

    private void skipSpace() {
        while (this.at < this.json.length) {
            int b = this.json[this.at];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return;
            }
            this.at++;
        }
    }

    private JsonException fail(String expected) {
        if (this.at >= this.json.length) {
            return new JsonException("not JSON: expected " + expected + " at byte " + this.at + ", found the end");
        }
        int b = this.json[this.at] & 0xFF;
        String found = b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : "byte 0x" + Integer.toHexString(b);
        return new JsonException("not JSON: expected " + expected + " at byte " + this.at + ", found " + found);
    }

    private static void appendCodePoint(StringBuilder text, int codePoint) {
        if (codePoint < 0x10000) {
            text.append((char) codePoint);
        } else {
            int offset = codePoint - 0x10000;
            text.append((char) (0xD800 + (offset >>> 10))).append((char) (0xDC00 + (offset & 0x3FF)));
        }
    }

    /** @return {@code text} as a JSON string, in quotes, with {@code "}, {@code \} and control characters escaped */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder().append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                quoted.append("\\u00").append(hex.length() < 2 ? "0" : "").append(hex);
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
