package com.relayboard.firmware.ui;

import java.io.IOException;
import java.io.InputStream;

import com.relayboard.firmware.text.GlyphSet;

import ej.microui.display.Font;

/**
 * The LCD's font: the CJK font {@code relayboard.fonts.list} declares, loaded by its path with {@code Font.getFont}
 * (as MicroEJ's examples load theirs), and the table of the characters it holds
 * ({@code relayboard.resources.list}). When either is missing, the LCD still works: with the VEE Port's default font
 * and every character beyond printable Latin-1 escaped, and {@link #problem()} says so in one line.
 */
public final class LcdFont {

    /** The font's path: the FontPath of {@code relayboard.fonts.list}, from the classpath's root. */
    public static final String PATH = "/fonts/relayboard_cjk_16px.ejf";
    /** Its table of characters, made beside it by platform/font (see {@link GlyphSet}). */
    public static final String GLYPHS = "/fonts/relayboard_cjk_16px.glyphs";

    private final Font font;
    private final GlyphSet glyphs;
    private final String problem;

    private LcdFont(Font font, GlyphSet glyphs, String problem) {
        this.font = font;
        this.glyphs = glyphs;
        this.problem = problem;
    }

    /** Loads the font and its table; never throws. MicroUI must be started. */
    public static LcdFont load() {
        return load(PATH, GLYPHS);
    }

    /** As {@link #load()}, from other paths (tests: a font or table that is not there). */
    static LcdFont load(String fontPath, String glyphsPath) {
        Font font;
        try {
            font = Font.getFont(fontPath);
        } catch (RuntimeException e) {
            // MicroUI reports a font it cannot load with an unchecked MicroUIException (docs MicroUI errors.rst).
            return new LcdFont(Font.getDefaultFont(), GlyphSet.PRINTABLE_LATIN1, "LCD: font " + fontPath
                    + " not loaded (" + reasonOf(e) + "): the default font, non-Latin text escaped");
        }
        InputStream in = LcdFont.class.getResourceAsStream(glyphsPath);
        if (in == null) {
            return new LcdFont(font, GlyphSet.PRINTABLE_LATIN1, "LCD: " + glyphsPath
                    + " not found (list it in a *.resources.list): non-Latin text escaped");
        }
        try {
            return new LcdFont(font, GlyphSet.read(in), null);
        } catch (IOException e) {
            return new LcdFont(font, GlyphSet.PRINTABLE_LATIN1, "LCD: " + glyphsPath + " not usable (" + e.getMessage()
                    + "): non-Latin text escaped");
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // Read already; nothing to release.
            }
        }
    }

    private static String reasonOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getName() : message;
    }

    /** @return the font the LCD draws with */
    public Font font() {
        return this.font;
    }

    /** @return the characters {@link #font()} has: the LCD escapes the others */
    public GlyphSet glyphs() {
        return this.glyphs;
    }

    /** @return one line saying what is missing and what the LCD does instead, or {@code null} when nothing is */
    public String problem() {
        return this.problem;
    }
}
