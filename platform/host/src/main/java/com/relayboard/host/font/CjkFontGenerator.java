package com.relayboard.host.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the LCD's font from a Debian font: the {@code .ejf} a {@code *.fonts.list} names (see {@link EjfFile}), and
 * beside it the table of the characters it holds ({@code .glyphs}), which the firmware reads to escape the others.
 *
 * <p>Which characters: within the ranges the fonts list gives, every character the source font draws, except that in
 * the CJK Unified Ideographs block (U+4E00-U+9FFF) only the hanzi of the given list are taken (the 3,500 of level 1 of
 * the Table of General Standard Chinese Characters: the block's 20,992 do not fit the ESP-WROVER-KIT's app partition,
 * platform/README.md). Controls and format characters are left out. Each glyph is rasterized without anti-aliasing
 * (1 bit per pixel, as the list asks) into a cell {@link #HEIGHT_PX} high with the baseline {@link #BASELINE_PX} rows
 * down, as wide as the character's advance.
 *
 * <p>The {@code .glyphs} table: for each range of the fonts list, in its order, one bit a character from the first to
 * the last (1: the font has it), most significant bit first, the ranges' bits one after the other, the last byte
 * padded with zeros.
 *
 * <p>Command line: {@code --ttc FILE --hanzi FILE --fonts-list FILE --resources DIR} (platform/font/make-cjk-font.sh).
 */
public final class CjkFontGenerator {

    /** Line height of the LCD font, in pixels. */
    public static final int HEIGHT_PX = 16;
    /** Rows from the top of the line to the baseline: 3 rows are left for descenders. */
    public static final int BASELINE_PX = 13;
    /** Size the source font is drawn at, in pixels (1 pt = 1 px here): an ideograph is 14 px wide and fits 16 rows. */
    public static final float SIZE_PX = 14f;
    /** The face of the TrueType collection used: the monospaced one, as on the host's desktop LCD before. */
    public static final String FACE = "WenQuanYi Micro Hei Mono";
    /** The Header's font identifier: any small number not used by the VEE Port's system font (34). */
    public static final int IDENTIFIER = 80;
    private static final int CJK_FIRST = 0x4E00;
    private static final int CJK_LAST = 0x9FFF;

    /** What one run made. */
    public static final class Result {
        public final EjfFile font;
        public final byte[] glyphTable;
        /** Pixels of ink that fell outside their cell and were cut, over all glyphs. */
        public final long clippedPixels;
        public final String fontPath;

        Result(EjfFile font, byte[] glyphTable, long clippedPixels, String fontPath) {
            this.font = font;
            this.glyphTable = glyphTable;
            this.clippedPixels = clippedPixels;
            this.fontPath = fontPath;
        }
    }

    private CjkFontGenerator() {
    }

    /**
     * Makes the font and its table.
     *
     * @param ttc the TrueType collection (Debian's fonts-wqy-microhei)
     * @param hanziList one {@code U+XXXX} a line ({@code #} comments)
     * @param fontsList the {@code *.fonts.list} with one {@code FontPath:Ranges:BitsPerPixel} line
     */
    public static Result generate(Path ttc, Path hanziList, Path fontsList) throws IOException {
        String[] entry = fontsListEntry(fontsList);
        int[] ranges = ranges(entry[1]);
        Set<Integer> hanzi = hanzi(hanziList);
        Font font = face(ttc).deriveFont(SIZE_PX);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = graphics(scratch);
        FontMetrics metrics = g.getFontMetrics(font);
        g.dispose();
        Map<Integer, boolean[]> glyphs = new TreeMap<>();
        long clipped = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++) {
                boolean ideograph = c >= CJK_FIRST && c <= CJK_LAST;
                if ((ideograph && !hanzi.contains(c)) || !drawable(c) || !font.canDisplay(c)) {
                    continue;
                }
                int advance = metrics.charWidth(c);
                if (advance <= 0) {
                    continue;
                }
                long[] cut = new long[1];
                glyphs.put(c, rasterize(font, c, advance, cut));
                clipped += cut[0];
            }
        }
        for (int c : hanzi) {
            if (!glyphs.containsKey(c)) {
                throw new IOException("the source font has no glyph for U+" + Integer.toHexString(c).toUpperCase()
                        + " of " + hanziList + ", or it is outside the fonts list's ranges");
            }
        }
        String name = Paths.get(entry[0]).getFileName().toString().replaceFirst("\\.ejf$", "");
        EjfFile ejf = new EjfFile(name, IDENTIFIER, HEIGHT_PX, BASELINE_PX, metrics.charWidth(' '), glyphs);
        return new Result(ejf, glyphTable(ranges, glyphs.keySet()), clipped, entry[0]);
    }

    /** The table of {@code characters} over {@code ranges}, as described in the class comment. */
    public static byte[] glyphTable(int[] ranges, Set<Integer> characters) {
        int bits = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            bits += ranges[r + 1] - ranges[r] + 1;
        }
        byte[] table = new byte[(bits + 7) / 8];
        int bit = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++, bit++) {
                if (characters.contains(c)) {
                    table[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
                }
            }
        }
        return table;
    }

    /** @return the fonts list's one entry, split as FontPath, Ranges, BitsPerPixel */
    public static String[] fontsListEntry(Path fontsList) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(fontsList, StandardCharsets.UTF_8)) {
            if (!line.trim().isEmpty() && !line.trim().startsWith("#")) {
                entries.add(line.trim());
            }
        }
        String[] parts = entries.size() == 1 ? entries.get(0).split(":") : new String[0];
        if (parts.length != 3) {
            throw new IOException(fontsList + ": expected one line FontPath:Ranges:BitsPerPixel, got " + entries);
        }
        if (!parts[2].equals("1")) {
            throw new IOException(fontsList + ": this generator makes 1-bpp fonts, the list asks " + parts[2]);
        }
        return parts;
    }

    /** @return the bounds of {@code 0x0-0x7f,0x80-0xff,...}, inclusive, in pairs */
    public static int[] ranges(String text) {
        String[] parts = text.split(",");
        int[] ranges = new int[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            String[] bounds = parts[i].split("-");
            ranges[2 * i] = Integer.decode(bounds[0].trim());
            ranges[2 * i + 1] = Integer.decode(bounds[bounds.length - 1].trim());
        }
        return ranges;
    }

    private static Set<Integer> hanzi(Path list) throws IOException {
        Set<Integer> hanzi = new LinkedHashSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String text = line.trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!text.startsWith("U+")) {
                throw new IOException(list + ": expected U+XXXX, got " + text);
            }
            hanzi.add(Integer.parseInt(text.substring(2), 16));
        }
        return hanzi;
    }

    private static Font face(Path ttc) throws IOException {
        try {
            for (Font font : Font.createFonts(ttc.toFile())) {
                if (font.getFontName().equals(FACE)) {
                    return font;
                }
            }
        } catch (FontFormatException e) {
            throw new IOException(ttc + " is not a TrueType collection: " + e.getMessage(), e);
        }
        throw new IOException(ttc + " has no face " + FACE);
    }

    /** Visible characters and the space; no controls, format characters, separators other than space, surrogates. */
    private static boolean drawable(int c) {
        switch (Character.getType(c)) {
        case Character.CONTROL:
        case Character.FORMAT:
        case Character.LINE_SEPARATOR:
        case Character.PARAGRAPH_SEPARATOR:
        case Character.UNASSIGNED:
        case Character.SURROGATE:
        case Character.PRIVATE_USE:
            return false;
        case Character.SPACE_SEPARATOR:
            return c == ' ' || c == 0x3000; // the others are spacing we would draw as blanks of made-up widths
        default:
            return true;
        }
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        return g;
    }

    /** The glyph in its cell; ink that falls outside is counted in {@code clipped[0]}. */
    private static boolean[] rasterize(Font font, int c, int advance, long[] clipped) {
        int margin = 8;
        int width = advance + 2 * margin;
        int height = HEIGHT_PX + 2 * margin;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = graphics(canvas);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(font);
        g.drawString(new String(Character.toChars(c)), margin, margin + BASELINE_PX);
        g.dispose();
        Raster raster = canvas.getRaster();
        boolean[] cell = new boolean[advance * HEIGHT_PX];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (raster.getSample(x, y, 0) == 0) {
                    continue;
                }
                int cx = x - margin;
                int cy = y - margin;
                if (cx >= 0 && cx < advance && cy >= 0 && cy < HEIGHT_PX) {
                    cell[cy * advance + cx] = true;
                } else {
                    clipped[0]++;
                }
            }
        }
        return cell;
    }

    /** Writes the {@code .ejf} at its FontPath under {@code resources}, and the {@code .glyphs} table beside it. */
    public static void write(Result result, Path resources) throws IOException {
        Path ejf = resources.resolve(result.fontPath.startsWith("/") ? result.fontPath.substring(1) : result.fontPath);
        Files.createDirectories(ejf.getParent());
        try (OutputStream out = Files.newOutputStream(ejf)) {
            result.font.write(out);
        }
        Files.write(glyphTablePath(ejf), result.glyphTable);
    }

    /** @return where the table of the font at {@code ejf} goes: the same name, {@code .glyphs} */
    public static Path glyphTablePath(Path ejf) {
        return ejf.resolveSibling(ejf.getFileName().toString().replaceFirst("\\.ejf$", "") + ".glyphs");
    }

    /** Command line, see the class comment; prints what it made and its sizes. */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : new String[] { "--ttc", "--hanzi", "--fonts-list", "--resources" }) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required
                        + "; usage: CjkFontGenerator --ttc FILE --hanzi FILE --fonts-list FILE --resources DIR");
            }
        }
        Result result = generate(Paths.get(options.get("--ttc")), Paths.get(options.get("--hanzi")),
                Paths.get(options.get("--fonts-list")));
        Path resources = Paths.get(options.get("--resources"));
        write(result, resources);
        Path ejf = resources.resolve(result.fontPath);
        System.out.println(ejf + ": " + result.font.glyphs().size() + " characters, " + HEIGHT_PX + " px, 1 bpp; "
                + result.font.oneBitPixelBytes() + " bytes of glyph pixels; file " + new File(ejf.toString()).length()
                + " bytes; " + result.clippedPixels + " pixels of ink cut at the cell's edge");
        System.out.println(glyphTablePath(ejf) + ": " + result.glyphTable.length + " bytes");
    }
}
