package ej.microui.display;

import com.relayboard.host.display.HostFont;

/**
 * A font. The host has one, the default font: a monospaced font about 15 pixels high, drawn without anti-aliasing
 * like the 1-bpp fonts of the board.
 */
public class Font {

    private static final Font DEFAULT = new Font(HostFont.defaultFont());

    private final HostFont host;

    Font(HostFont host) {
        this.host = host;
    }

    /** @return the default font */
    public static Font getDefaultFont() {
        return DEFAULT;
    }

    /**
     * @param string a string
     * @return its width in pixels
     * @throws NullPointerException if {@code string} is null
     */
    public int stringWidth(String string) {
        return this.host.stringWidth(string);
    }

    /**
     * @param s      a string
     * @param offset index of the first character
     * @param length number of characters
     * @return the width in pixels of those characters
     * @throws StringIndexOutOfBoundsException if the range is not inside {@code s}
     */
    public int substringWidth(String s, int offset, int length) {
        if (offset < 0 || length < 0 || offset > s.length() - length) {
            throw new StringIndexOutOfBoundsException("offset " + offset + ", length " + length + ", string length "
                    + s.length());
        }
        return this.host.stringWidth(s.substring(offset, offset + length));
    }

    /**
     * @param c a character
     * @return its width in pixels
     */
    public int charWidth(char c) {
        return this.host.charWidth(c);
    }

    /** @return the height of a line of text, in pixels */
    public int getHeight() {
        return this.host.height();
    }

    /** @return distance in pixels from the top of a line to its baseline */
    public int getBaselinePosition() {
        return this.host.baseline();
    }

    /** @return a name for the font */
    public String getDescriptor() {
        return this.host.descriptor();
    }

    HostFont host() {
        return this.host;
    }
}
