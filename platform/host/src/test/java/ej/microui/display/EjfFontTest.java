package ej.microui.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

import org.junit.BeforeClass;
import org.junit.Test;

import com.relayboard.host.display.PixelBuffer;
import com.relayboard.host.font.EjfFile;

import ej.microui.MicroUIException;


/**
 * {@code Font.getFont(path)} on the host: reads the {@code .ejf} on the classpath and draws its glyphs pixel for
 * pixel; a path with no font fails with MicroUIException, as on the board.
 */
public class EjfFontTest {

    private static final String PATH = "/fonts/ejf-font-test.ejf";

    @BeforeClass
    public static void writeATinyFontOnTheClasspath() throws IOException, URISyntaxException {
        Path classes = Paths.get(EjfFontTest.class.getResource("/").toURI());
        Map<Integer, boolean[]> glyphs = new TreeMap<>();
        glyphs.put(0x21, new boolean[] { true, false, true, false, false, false }); // '!': 2 px wide, 3 rows
        glyphs.put(0x4E00, new boolean[] { false, false, false, true, true, true, false, false, false }); // 3 px
        Path file = classes.resolve(PATH.substring(1));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new EjfFile("ejf-font-test", 5, 3, 2, 1, glyphs).write(out);
        }
    }

    @Test
    public void aFontIsDrawnFromItsFilesGlyphs_andALackingCharacterAsTheFirstGlyph() {
        Font font = Font.getFont(PATH);
        assertSame(font, Font.getFont(PATH));
        assertEquals(3, font.getHeight());
        assertEquals(2, font.getBaselinePosition());
        assertEquals(3, font.charWidth('\u4E00'));
        assertEquals("a lacking character is the first glyph, '!'", 2, font.charWidth('Z'));
        assertEquals(2 + 3 + 2, font.stringWidth("!\u4E00Z"));
        PixelBuffer pixels = new PixelBuffer(7, 3);
        font.host().draw(pixels, "!\u4E00Z", 0, 0, 1, 0, 0, 7, 3);
        StringBuilder drawn = new StringBuilder();
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 7; x++) {
                drawn.append(pixels.get(x, y) != 0 ? '#' : '.');
            }
            drawn.append('/');
        }
        assertEquals("#....#./" + "#.####./" + "......./", drawn.toString());
    }

    @Test
    public void aPathWithNoFont_failsWithMicroUiException() {
        try {
            Font.getFont("/fonts/not_there.ejf");
            fail("a font that is not there was loaded");
        } catch (MicroUIException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("/fonts/not_there.ejf"));
        }
    }
}
