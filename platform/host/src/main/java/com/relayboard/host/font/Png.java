package com.relayboard.host.font;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the glyph images of an {@code .ejf} quickly: 8-bit grey, RGB or RGBA, not interlaced, as MicroEJ's file and
 * {@link EjfFile} write them. ImageIO takes seconds for the LCD font's thousands of small images, which every
 * simulator start would pay.
 */
final class Png {

    private Png() {
    }

    /**
     * @return the image's ink, row-major ({@code true} where the first channel is below 128: black on white), or
     *         {@code null} when the image is not of a kind decoded here (the caller then uses ImageIO)
     * @throws java.io.IOException if the image is not {@code height} pixels high
     */
    static boolean[] ink(byte[] png, int height) throws java.io.IOException {
        if (png.length < 8 || (png[1] & 0xFF) != 'P' || (png[2] & 0xFF) != 'N' || (png[3] & 0xFF) != 'G') {
            return null;
        }
        int width = -1;
        int channels = -1;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int at = 8; at + 8 <= png.length;) {
            int length = int32(png, at);
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int data = at + 8;
            if (length < 0 || data + length > png.length) {
                return null;
            }
            if (type.equals("IHDR")) {
                width = int32(png, data);
                int imageHeight = int32(png, data + 4);
                int depth = png[data + 8] & 0xFF;
                int colour = png[data + 9] & 0xFF;
                int interlace = png[data + 12] & 0xFF;
                if (imageHeight != height) {
                    throw new java.io.IOException("a glyph image is " + imageHeight + " pixels high, not " + height);
                }
                channels = colour == 0 ? 1 : colour == 2 ? 3 : colour == 6 ? 4 : -1;
                if (depth != 8 || channels < 0 || interlace != 0) {
                    return null;
                }
            } else if (type.equals("IDAT")) {
                idat.write(png, data, length);
            }
            at = data + length + 4;
        }
        if (width <= 0 || channels <= 0) {
            return null;
        }
        int stride = width * channels;
        byte[] raw = new byte[(stride + 1) * height];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(idat.toByteArray());
            int filled = 0;
            while (filled < raw.length && !inflater.finished()) {
                int n = inflater.inflate(raw, filled, raw.length - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                filled += n;
            }
            if (filled < raw.length) {
                return null;
            }
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
        boolean[] ink = new boolean[width * height];
        byte[] previous = new byte[stride];
        byte[] row = new byte[stride];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (stride + 1)] & 0xFF;
            System.arraycopy(raw, y * (stride + 1) + 1, row, 0, stride);
            for (int i = 0; i < stride; i++) {
                int left = i >= channels ? row[i - channels] & 0xFF : 0;
                int up = previous[i] & 0xFF;
                int upLeft = i >= channels ? previous[i - channels] & 0xFF : 0;
                int value = row[i] & 0xFF;
                switch (filter) {
                case 0:
                    break;
                case 1:
                    value += left;
                    break;
                case 2:
                    value += up;
                    break;
                case 3:
                    value += (left + up) >>> 1;
                    break;
                case 4:
                    value += paeth(left, up, upLeft);
                    break;
                default:
                    return null;
                }
                row[i] = (byte) value;
            }
            for (int x = 0; x < width; x++) {
                ink[y * width + x] = (row[x * channels] & 0xFF) < 128;
            }
            byte[] swap = previous;
            previous = row;
            row = swap;
        }
        return ink;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }
}
