package com.relayboard.host.font;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The LCD's font as the documented step makes it (platform/font/make-cjk-font.sh): from Debian's fonts-wqy-microhei,
 * the committed list of 3,500 hanzi and the fonts list. Prints the sizes platform/README.md's flash budget quotes.
 */
public class CjkFontGeneratorTest {

    static final Path ROOT = Paths.get("").toAbsolutePath().resolve("../..").normalize();
    static final Path TTC = Paths.get("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private static CjkFontGenerator.Result made;

    @BeforeClass
    public static void generate() throws IOException {
        assertTrue(TTC + " is installed (Debian's fonts-wqy-microhei, run-tests installs it)", Files.isRegularFile(TTC));
        made = CjkFontGenerator.generate(TTC, ROOT.resolve("platform/font/hanzi-tgh-level1.txt"),
                ROOT.resolve("src/main/resources/relayboard.fonts.list"));
        System.out.println("LCD font: " + made.font.glyphs().size() + " characters, " + made.font.oneBitPixelBytes()
                + " bytes of 1-bpp glyph pixels, glyph table " + made.glyphTable.length + " bytes, "
                + made.clippedPixels + " ink pixels cut");
    }

    @Test
    public void theFontHoldsThe3500HanziOfTheListAndNoOther() throws IOException {
        int hanzi = 0;
        for (int c : made.font.glyphs().keySet()) {
            if (c >= 0x4E00 && c <= 0x9FFF) {
                hanzi++;
            }
        }
        assertEquals(3500, hanzi);
        assertTrue(made.font.glyphs().containsKey(0x4F60)); // 你
        assertFalse(made.font.glyphs().containsKey(0x9F98)); // not in level 1
        assertTrue("Latin, punctuation and full-width forms too", made.font.glyphs().containsKey((int) 'A')
                && made.font.glyphs().containsKey(0x3002) && made.font.glyphs().containsKey(0xFF0C));
        assertEquals("fonts/relayboard_cjk_16px.ejf", made.fontPath);
    }

    @Test
    public void everyGlyphIsOneLineHigh_andTheIdeographsFitTheirCell() {
        for (Map.Entry<Integer, boolean[]> glyph : made.font.glyphs().entrySet()) {
            assertEquals(0, glyph.getValue().length % CjkFontGenerator.HEIGHT_PX);
        }
        assertEquals(CjkFontGenerator.HEIGHT_PX, made.font.height());
        assertTrue("ink cut at the cells' edges: " + made.clippedPixels, made.clippedPixels <= 8);
        assertEquals(14, made.font.width(0x4F60));
    }

    @Test
    public void theTableHasABitForEachCharacterOfTheFontInTheListsRanges() throws IOException {
        int[] ranges = CjkFontGenerator.ranges(
                CjkFontGenerator.fontsListEntry(ROOT.resolve("src/main/resources/relayboard.fonts.list"))[1]);
        int bit = 0;
        int set = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++, bit++) {
                boolean inTable = (made.glyphTable[bit >> 3] & (0x80 >>> (bit & 7))) != 0;
                assertEquals("U+" + Integer.toHexString(c), made.font.glyphs().containsKey(c), inTable);
                set += inTable ? 1 : 0;
            }
        }
        assertEquals((bit + 7) / 8, made.glyphTable.length);
        assertEquals(made.font.glyphs().size(), set);
    }

    @Test
    public void theSameInputsMakeTheSameBytes() throws IOException {
        CjkFontGenerator.Result again = CjkFontGenerator.generate(TTC, ROOT.resolve("platform/font/hanzi-tgh-level1.txt"),
                ROOT.resolve("src/main/resources/relayboard.fonts.list"));
        assertTrue(java.util.Arrays.equals(made.font.toBytes(), again.font.toBytes()));
        assertTrue(java.util.Arrays.equals(made.glyphTable, again.glyphTable));
    }

    @Test
    public void theFileReadsBackAsTheGlyphsItWasMadeFrom() throws IOException {
        EjfFile read = EjfFile.read(new java.io.ByteArrayInputStream(made.font.toBytes()));
        assertEquals(made.font.glyphs().keySet(), read.glyphs().keySet());
        for (Map.Entry<Integer, boolean[]> glyph : made.font.glyphs().entrySet()) {
            assertTrue("U+" + Integer.toHexString(glyph.getKey()),
                    java.util.Arrays.equals(glyph.getValue(), read.glyphs().get(glyph.getKey())));
        }
    }
}
