package com.relayboard.host.font;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A MicroEJ Font Designer file ({@code .ejf}), the input of the SDK's font generator named by a {@code *.fonts.list}.
 *
 * <p>MicroEJ does not document the format; this is the layout of the font MicroEJ ships with the ESP-WROVER-KIT VEE
 * Port 2.2.1 ({@code ESP32-WROVER-Xtensa-FreeRTOS-configuration/microui/resources/fonts/microej_system_font.ejf}),
 * read as it is (docs/api-evidence.md, "The LCD's font"): a ZIP archive holding
 * <ul>
 * <li>one entry a character, named by its code point in lower-case hex ({@code 0x41}): a PNG image as high as the
 * font and as wide as the character's advance, black (0) where the glyph has ink and white (255) elsewhere, 8-bit
 * RGB;</li>
 * <li>the same image again as {@code design_0x41} (the Font Designer's working copy);</li>
 * <li>a last entry {@code Header}: XML {@code <FontGenerator>} with {@code <Informations Vendor Version>},
 * {@code <FontProperties Baseline Filter Height Name Space Style Width>} holding an {@code <Identifier Value>}, and
 * {@code <FontCharacterProperties>} listing each {@code <Character Index LeftSpace RightSpace>}.</li>
 * </ul>
 * The MicroEJ file's {@code Width="-1"} (proportional), {@code Style="p"} (plain), {@code Filter=""} and its
 * {@code LeftSpace}/{@code RightSpace} of 0 are kept. {@code Space}: inferred to be the width of the space character
 * in pixels; this font carries a glyph for U+0020 anyway, so the value does not decide how a space looks.
 */
public final class EjfFile {

    /** Entry times are fixed so that the same glyphs make the same bytes. */
    private static final long ENTRY_TIME_MS = 1577836800000L; // 2020-01-01T00:00:00Z
    private static final String HEADER = "Header";
    private static final String DESIGN_PREFIX = "design_";

    private final String name;
    private final int identifier;
    private final int height;
    private final int baseline;
    private final int spaceWidth;
    /** Each character's pixels, row-major, {@code true} where it has ink; its width is {@code length / height}. */
    private final TreeMap<Integer, boolean[]> glyphs;

    /**
     * @param name the font's name (the Header's {@code Name})
     * @param identifier the Header's {@code Identifier}: MicroEJ's font identifier, a small positive number
     * @param height line height in pixels: every glyph image is this high
     * @param baseline rows from the top of the line to the baseline
     * @param spaceWidth width of the space character in pixels
     * @param glyphs each character's pixels, row-major, {@code height} rows
     */
    public EjfFile(String name, int identifier, int height, int baseline, int spaceWidth, Map<Integer, boolean[]> glyphs) {
        this.name = name;
        this.identifier = identifier;
        this.height = height;
        this.baseline = baseline;
        this.spaceWidth = spaceWidth;
        this.glyphs = new TreeMap<>(glyphs);
        for (Map.Entry<Integer, boolean[]> glyph : this.glyphs.entrySet()) {
            if (glyph.getValue().length % height != 0) {
                throw new IllegalArgumentException("glyph 0x" + Integer.toHexString(glyph.getKey()) + " is not "
                        + height + " rows high");
            }
        }
    }

    public String name() {
        return this.name;
    }

    public int identifier() {
        return this.identifier;
    }

    public int height() {
        return this.height;
    }

    public int baseline() {
        return this.baseline;
    }

    public int spaceWidth() {
        return this.spaceWidth;
    }

    /** @return the characters, in code point order, with their pixels (row-major, {@link #height()} rows) */
    public Map<Integer, boolean[]> glyphs() {
        return Collections.unmodifiableMap(this.glyphs);
    }

    /** @return the width in pixels of a character's image, or -1 when the font lacks it */
    public int width(int codePoint) {
        boolean[] pixels = this.glyphs.get(codePoint);
        return pixels == null ? -1 : pixels.length / this.height;
    }

    /**
     * The bytes of the glyph images at 1 bit per pixel, each image padded to whole bytes: what the glyphs alone take
     * in a 1-bpp font, before any index or header the generator adds.
     */
    public long oneBitPixelBytes() {
        long bytes = 0;
        for (boolean[] pixels : this.glyphs.values()) {
            bytes += (pixels.length + 7) / 8;
        }
        return bytes;
    }

    /** Writes the file: glyph images (each twice, as MicroEJ's file has them), then the Header. */
    public void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(9);
        for (Map.Entry<Integer, boolean[]> glyph : this.glyphs.entrySet()) {
            byte[] png = png(glyph.getValue());
            String index = index(glyph.getKey());
            put(zip, index, png);
            put(zip, DESIGN_PREFIX + index, png);
        }
        put(zip, HEADER, header().getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    /** @return the file as bytes */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes);
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ENTRY_TIME_MS);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static String index(int codePoint) {
        return "0x" + Integer.toHexString(codePoint);
    }

    private String header() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><FontGenerator>")
                .append("<Informations Vendor=\"IS2T\" Version=\"0.8\"/>")
                .append("<FontProperties Baseline=\"").append(this.baseline).append("\" Filter=\"\" Height=\"")
                .append(this.height).append("\" Name=\"").append(this.name).append("\" Space=\"")
                .append(this.spaceWidth).append("\" Style=\"p\" Width=\"-1\"><Identifier Value=\"")
                .append(this.identifier).append("\"/></FontProperties><FontCharacterProperties>");
        for (Integer codePoint : this.glyphs.keySet()) {
            xml.append("<Character Index=\"").append(index(codePoint)).append("\" LeftSpace=\"0\" RightSpace=\"0\"/>");
        }
        return xml.append("</FontCharacterProperties></FontGenerator>").toString();
    }

    private byte[] png(boolean[] pixels) throws IOException {
        int width = pixels.length / this.height;
        BufferedImage image = new BufferedImage(Math.max(1, width), this.height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < this.height; y++) {
            for (int x = 0; x < Math.max(1, width); x++) {
                boolean ink = x < width && pixels[y * width + x];
                image.setRGB(x, y, ink ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** The slow way, for a PNG {@link Png} does not decode itself. */
    private static boolean[] inkByImageIo(byte[] png, int height, String index) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null || image.getHeight() != height) {
            throw new IOException("the image of " + index + " is not a PNG " + height + " pixels high");
        }
        int width = image.getWidth();
        boolean[] pixels = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (image.getRGB(x, y) & 0xFF) < 128;
            }
        }
        return pixels;
    }

    /**
     * Reads an {@code .ejf} file.
     *
     * @throws IOException if it cannot be read or is not an {@code .ejf} as described above
     */
    public static EjfFile read(InputStream in) throws IOException {
        Map<Integer, byte[]> images = new TreeMap<>();
        byte[] header = null;
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String entryName = entry.getName();
            byte[] data = zip.readAllBytes();
            if (entryName.equals(HEADER)) {
                header = data;
            } else if (entryName.startsWith("0x")) {
                images.put(Integer.parseInt(entryName.substring(2), 16), data);
            }
        }
        if (header == null) {
            throw new IOException("not an .ejf file: no Header entry");
        }
        Element properties;
        NodeList characters;
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(header));
            properties = (Element) document.getElementsByTagName("FontProperties").item(0);
            characters = document.getElementsByTagName("Character");
            if (properties == null) {
                throw new IOException("not an .ejf Header: no FontProperties");
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("not an .ejf Header: " + e.getMessage(), e);
        }
        int height = Integer.parseInt(properties.getAttribute("Height"));
        Element identifierElement = (Element) properties.getElementsByTagName("Identifier").item(0);
        int identifier = identifierElement == null ? 0 : Integer.parseInt(identifierElement.getAttribute("Value"));
        Map<Integer, boolean[]> glyphs = new TreeMap<>();
        for (int i = 0; i < characters.getLength(); i++) {
            String index = ((Element) characters.item(i)).getAttribute("Index");
            int codePoint = Integer.parseInt(index.substring(2), 16);
            byte[] png = images.get(codePoint);
            if (png == null) {
                throw new IOException("the Header lists " + index + ", which has no image");
            }
            boolean[] pixels = Png.ink(png, height);
            if (pixels == null) {
                pixels = inkByImageIo(png, height, index);
            }
            glyphs.put(codePoint, pixels);
        }
        return new EjfFile(properties.getAttribute("Name"), identifier, height,
                Integer.parseInt(properties.getAttribute("Baseline")), Integer.parseInt(properties.getAttribute("Space")),
                glyphs);
    }
}
