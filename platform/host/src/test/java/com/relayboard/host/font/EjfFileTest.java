package com.relayboard.host.font;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;

/** The .ejf as MicroEJ's own file lays it out, written and read back. */
public class EjfFileTest {

    private static EjfFile twoGlyphs() {
        Map<Integer, boolean[]> glyphs = new TreeMap<>();
        // 'A' 3 px wide, 4 rows; U+4E00 (一) 4 px wide.
        glyphs.put(0x41, new boolean[] { false, true, false, true, false, true, true, true, true, true, false, true });
        glyphs.put(0x4E00, new boolean[] { false, false, false, false, true, true, true, true, false, false, false,
                false, false, false, false, false });
        return new EjfFile("tiny", 7, 4, 3, 2, glyphs);
    }

    @Test
    public void entriesAreEachGlyphTwiceThenTheHeader_asInMicroEjsSystemFont() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(twoGlyphs().toBytes()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("Header")) {
                    String header = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(header, header.contains("<FontProperties Baseline=\"3\" Filter=\"\" Height=\"4\""
                            + " Name=\"tiny\" Space=\"2\" Style=\"p\" Width=\"-1\"><Identifier Value=\"7\"/>"));
                    assertTrue(header, header.contains("<Character Index=\"0x4e00\" LeftSpace=\"0\" RightSpace=\"0\"/>"));
                }
            }
        }
        assertEquals(List.of("0x41", "design_0x41", "0x4e00", "design_0x4e00", "Header"), names);
    }

    @Test
    public void whatIsWrittenReadsBackPixelForPixel_andTheSameGlyphsMakeTheSameBytes() throws IOException {
        EjfFile written = twoGlyphs();
        EjfFile read = EjfFile.read(new ByteArrayInputStream(written.toBytes()));
        assertEquals("tiny", read.name());
        assertEquals(4, read.height());
        assertEquals(3, read.baseline());
        assertEquals(7, read.identifier());
        assertEquals(written.glyphs().keySet(), read.glyphs().keySet());
        for (Map.Entry<Integer, boolean[]> glyph : written.glyphs().entrySet()) {
            assertArrayEquals(glyph.getValue(), read.glyphs().get(glyph.getKey()));
        }
        assertEquals(3, read.width(0x41));
        assertEquals(-1, read.width(0x42));
        assertArrayEquals(written.toBytes(), twoGlyphs().toBytes());
        assertEquals("1 bpp, each glyph padded to a byte", 2 + 2, written.oneBitPixelBytes());
    }

    @Test
    public void aFileWithoutHeader_isRefused() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("0x41"));
            zip.write(1);
        }
        try {
            EjfFile.read(new ByteArrayInputStream(bytes.toByteArray()));
            fail("an .ejf without Header was read");
        } catch (IOException expected) {
            assertEquals("not an .ejf file: no Header entry", expected.getMessage());
        }
    }

    /** The quick decoder reads what ImageIO reads, whatever row filters ImageIO's writer chose. */
    @Test
    public void glyphImagesDecodeAsImageIoDecodesThem() throws IOException {
        java.util.Random random = new java.util.Random(15);
        for (int type : new int[] { java.awt.image.BufferedImage.TYPE_3BYTE_BGR,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY, java.awt.image.BufferedImage.TYPE_INT_ARGB }) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(13, 16, type);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 13; x++) {
                    int grey = random.nextInt(256);
                    image.setRGB(x, y, 0xFF000000 | grey << 16 | grey << 8 | grey);
                }
            }
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            boolean[] ink = Png.ink(png.toByteArray(), 16);
            java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 13; x++) {
                    assertEquals("type " + type + " at " + x + "," + y, decoded.getRaster().getSample(x, y, 0) < 128,
                            ink[y * 13 + x]);
                }
            }
        }
    }
}
