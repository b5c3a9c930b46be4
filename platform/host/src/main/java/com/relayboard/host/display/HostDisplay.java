package com.relayboard.host.display;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import javax.imageio.ImageIO;

/**
 * What the desktop simulator and the tests see of the board's LCD: the pixels it shows, its flushes, and a way to wait
 * for the UI to settle. Works headless.
 */
public final class HostDisplay {

    private static final HostDisplay INSTANCE = new HostDisplay();

    private HostDisplay() {
    }

    /** @return the LCD of this JVM's board */
    public static HostDisplay get() {
        return INSTANCE;
    }

    /** @return a copy of the front buffer (what the panel shows), 320x240, TYPE_INT_RGB */
    public BufferedImage snapshot() {
        return Lcd.get().snapshot();
    }

    /**
     * Writes what the panel shows as a PNG. Readers never see a half-written file: the image goes to a temporary file
     * in the same folder, which is then renamed over the target.
     *
     * @param target the PNG file
     * @throws IOException if the file cannot be written
     */
    public void writePng(File target) throws IOException {
        Path destination = target.toPath().toAbsolutePath();
        Path folder = destination.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + destination.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(snapshot(), "png", temp.toFile())) {
                throw new IOException("no PNG writer in this JVM");
            }
            shareReadable(temp);
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private to their owner; the published PNG is meant to be read by other tools. */
    private static void shareReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default permissions apply.
        }
    }

    /**
     * @param listener told, on the UI thread, about each flush and its region
     */
    public void addFlushListener(FlushListener listener) {
        Lcd.get().addFlushListener(listener);
    }

    /**
     * @param listener a listener added before; unknown listeners are ignored
     */
    public void removeFlushListener(FlushListener listener) {
        Lcd.get().removeFlushListener(listener);
    }

    /** @return how many flushes updated the panel since the JVM started (flushes of nothing are not counted) */
    public long flushCount() {
        return Lcd.get().flushCount();
    }

    /**
     * @return the sum of the areas, in pixels, of all flushed regions: the "pixels redrawn" figure benchmarks compare
     */
    public long pixelsFlushed() {
        return Lcd.get().pixelsFlushed();
    }

    /**
     * Renders text with the default font exactly as {@code Painter.drawString} draws it on the panel: same glyph
     * pixels, and both colours converted to what the RGB565 panel shows. The image is the text box: stringWidth x
     * height (at least 1 pixel wide, for the empty string).
     *
     * @param text          the text
     * @param rgbColor      text colour, 0xRRGGBB
     * @param backgroundRgb background colour, 0xRRGGBB
     * @return a TYPE_INT_RGB image of the text box
     */
    public static BufferedImage renderText(String text, int rgbColor, int backgroundRgb) {
        return renderText(HostFont.defaultFont(), text, rgbColor, backgroundRgb);
    }

    /**
     * As {@link #renderText(String, int, int)}, in the font of the {@code .ejf} file at {@code fontPath} on the
     * classpath (what {@code Font.getFont(fontPath)} draws with), e.g. the LCD's CJK font.
     *
     * @throws IllegalArgumentException if there is no such font or it cannot be read
     */
    public static BufferedImage renderText(String fontPath, String text, int rgbColor, int backgroundRgb) {
        FontFace font;
        synchronized (FILE_FONTS) {
            font = FILE_FONTS.get(fontPath);
            if (font == null) {
                try (java.io.InputStream in = HostDisplay.class.getResourceAsStream(fontPath)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no font " + fontPath + " on the classpath");
                    }
                    font = new EjfFace(fontPath, com.relayboard.host.font.EjfFile.read(in));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("font " + fontPath + " cannot be read: " + e.getMessage(), e);
                }
                FILE_FONTS.put(fontPath, font);
            }
        }
        return renderText(font, text, rgbColor, backgroundRgb);
    }

    /** Fonts read by {@link #renderText(String, String, int, int)}: a test renders many texts in the same one. */
    private static final java.util.Map<String, FontFace> FILE_FONTS = new java.util.HashMap<String, FontFace>();

    private static BufferedImage renderText(FontFace font, String text, int rgbColor, int backgroundRgb) {
        int width = Math.max(1, font.stringWidth(text));
        int height = font.height();
        PixelBuffer box = new PixelBuffer(width, height);
        box.fill(0, 0, width, height, Rgb565.toDisplayColor(backgroundRgb));
        font.draw(box, text, 0, 0, Rgb565.toDisplayColor(rgbColor), 0, 0, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(box.array(), 0, target, 0, target.length);
        return image;
    }

    /**
     * Waits until the MicroUI thread has no queued work and finished its last item.
     *
     * @param timeoutMs longest wait, in milliseconds
     * @return true when idle; false on timeout (or when called from the UI thread)
     */
    public boolean waitForIdle(long timeoutMs) {
        return UiLoop.awaitIdle(timeoutMs);
    }
}
