package ej.microui.display;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.relayboard.host.display.EjfFace;
import com.relayboard.host.display.FontFace;
import com.relayboard.host.display.HostFont;
import com.relayboard.host.font.EjfFile;

import ej.microui.MicroUIException;

/**
 * A font. The default font is the host's stand-in for the VEE Port's ({@link HostFont}); {@link #getFont(String)}
 * loads a font from its {@code .ejf} file on the classpath and draws it from that file's glyphs, as the board draws
 * the font the SDK made from it, so that a character the file lacks is missing on the host too.
 */
public class Font {

    private static final Font DEFAULT = new Font(HostFont.defaultFont());
    private static final Map<String, Font> LOADED = new HashMap<String, Font>();

    private final FontFace host;

    Font(FontFace host) {
        this.host = host;
    }

    /** @return the default font */
    public static Font getDefaultFont() {
        return DEFAULT;
    }

    /**
     * The font at {@code path}, from the classpath's root, e.g. {@code /fonts/relayboard_cjk_16px.ejf}. On the board
     * only a font a {@code *.fonts.list} declares is there; on the host the {@code .ejf} file itself is read.
     *
     * @param path the font file's path
     * @return the font
     * @throws MicroUIException if there is no such font, or it cannot be read (the board throws this, unchecked)
     * @throws NullPointerException if {@code path} is null
     */
    public static Font getFont(String path) {
        if (path == null) {
            throw new NullPointerException();
        }
        synchronized (LOADED) {
            Font loaded = LOADED.get(path);
            if (loaded != null) {
                return loaded;
            }
            InputStream in = Font.class.getResourceAsStream(path);
            if (in == null) {
                throw new MicroUIException("MicroUI: no font " + path + " (not on the classpath)");
            }
            Font font;
            try {
                font = new Font(new EjfFace(path, EjfFile.read(in)));
            } catch (IOException | RuntimeException e) {
                throw new MicroUIException("MicroUI: font " + path + " cannot be read: " + e.getMessage());
            } finally {
                try {
                    in.close();
                } catch (IOException e) {
                    // Read already.
                }
            }
            LOADED.put(path, font);
            return font;
        }
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

    FontFace host() {
        return this.host;
    }
}
