package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * Chinese on the host's LCD: the glyphs of {@code 你好，世界} pixel for pixel against a rendering checked by eye
 * (test resource {@code fonts/nihao-shijie.txt}; its comment lines start with //), so that boxes, a fallback font or a changed baseline all fail.
 */
public class CjkRenderingTest {

    private static final String NIHAO_SHIJIE = "\u4F60\u597D\uFF0C\u4E16\u754C";

    @Test
    public void nihaoShijie_isDrawnInTheCjkFont_asTheKnownRendering() throws IOException {
        HostFont font = HostFont.defaultFont();
        assertNotNull("no " + HostFont.CJK_FAMILY + " font: install Debian's fonts-wqy-microhei", font.cjkFamily());
        List<String> expected = golden();
        int width = font.stringWidth(NIHAO_SHIJIE);
        int height = font.height();
        PixelBuffer pixels = new PixelBuffer(width, height);
        font.draw(pixels, NIHAO_SHIJIE, 0, 0, 0xFFFFFF, 0, 0, width, height);
        List<String> actual = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            StringBuilder row = new StringBuilder();
            for (int x = 0; x < width; x++) {
                row.append(pixels.get(x, y) != 0 ? '#' : '.');
            }
            actual.add(row.toString());
        }
        assertEquals("the glyphs of " + NIHAO_SHIJIE + " (# lit)", String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    public void mixedText_isAsWideAsItsLatinAndCjkRuns() {
        HostFont font = HostFont.defaultFont();
        assertEquals(font.stringWidth("A") + font.stringWidth("\u4F60"), font.stringWidth("A\u4F60"));
    }

    private static List<String> golden() throws IOException {
        try (InputStream in = CjkRenderingTest.class.getResourceAsStream("/fonts/nihao-shijie.txt")) {
            assertNotNull("test resource fonts/nihao-shijie.txt", in);
            List<String> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("//") && !line.isEmpty()) {
                    rows.add(line);
                }
            }
            return rows;
        }
    }
}
