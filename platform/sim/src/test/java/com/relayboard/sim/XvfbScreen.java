package com.relayboard.sim;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X screen (Debian's Xvfb) for tests of windows, and screenshots of it taken from outside the program
 * under test: Xvfb keeps its framebuffer in a file ({@code -fbdir}, XWD format), read here pixel for pixel.
 */
final class XvfbScreen implements AutoCloseable {

    static final int WIDTH_PX = 1280;
    static final int HEIGHT_PX = 800;

    private final Process xvfb;
    private final File framebuffer;
    private final int display;

    private XvfbScreen(Process xvfb, File framebuffer, int display) {
        this.xvfb = xvfb;
        this.framebuffer = framebuffer;
        this.display = display;
    }

    /** Starts Xvfb on a display number it picks itself, 24-bit colour. */
    static XvfbScreen start() throws IOException {
        File dir = Files.createTempDirectory("xvfb").toFile();
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", WIDTH_PX + "x" + HEIGHT_PX + "x24",
                    "-fbdir", dir.getAbsolutePath(), "-nolisten", "tcp")
                    .redirectError(new File(dir, "xvfb.log")).start();
        } catch (IOException e) {
            throw new IOException("cannot start Xvfb: install Debian's xvfb package (.ci/run does)", e);
        }
        // -displayfd 1: Xvfb prints the display number it took once it is ready for clients.
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not start: " + new String(
                    Files.readAllBytes(new File(dir, "xvfb.log").toPath()), StandardCharsets.UTF_8));
        }
        return new XvfbScreen(xvfb, new File(dir, "Xvfb_screen0"), Integer.parseInt(line.trim()));
    }

    /** @return the value of {@code DISPLAY} for programs that should show on this screen */
    String display() {
        return ":" + this.display;
    }

    /** @return what the screen shows now */
    BufferedImage screenshot() throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(this.framebuffer.toPath())).order(ByteOrder.BIG_ENDIAN);
        // XWD header: 25 big-endian 32-bit fields, then the window name up to headerSize, then the colour map.
        int headerSize = file.getInt(0);
        int width = file.getInt(4 * 4);
        int height = file.getInt(5 * 4);
        int byteOrder = file.getInt(7 * 4);
        int bitsPerPixel = file.getInt(11 * 4);
        int bytesPerLine = file.getInt(12 * 4);
        int redMask = file.getInt(14 * 4);
        int greenMask = file.getInt(15 * 4);
        int blueMask = file.getInt(16 * 4);
        int colours = file.getInt(19 * 4);
        if (bitsPerPixel != 32 || redMask != 0xFF0000 || greenMask != 0xFF00 || blueMask != 0xFF) {
            throw new IOException("unexpected framebuffer format: " + bitsPerPixel + " bpp, masks "
                    + Integer.toHexString(redMask) + "/" + Integer.toHexString(greenMask) + "/"
                    + Integer.toHexString(blueMask));
        }
        ByteBuffer pixels = file.duplicate().order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int start = headerSize + colours * 12;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, pixels.getInt(start + y * bytesPerLine + x * 4) & 0xFFFFFF);
            }
        }
        return image;
    }

    @Override
    public void close() throws InterruptedException {
        this.xvfb.destroy();
        if (!this.xvfb.waitFor(10, TimeUnit.SECONDS)) {
            this.xvfb.destroyForcibly();
        }
    }
}
