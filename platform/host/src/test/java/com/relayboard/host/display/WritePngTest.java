package com.relayboard.host.display;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ej.microui.MicroUI;
import ej.microui.display.Display;
import ej.microui.display.Font;
import ej.microui.display.Painter;

/** The simulator publishes the LCD as a PNG; it must hold exactly the pixels the panel shows. */
public class WritePngTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void pngHoldsTheFrontBuffer() throws Throwable {
        MicroUI.start();
        Canvas canvas = new Canvas();
        Display.getDisplay().requestShow(canvas);
        Screens.awaitIdle();
        canvas.draw(g -> {
            for (int i = 0; i < 16; i++) {
                g.setColor(i * 0x111111 ^ 0x00A050);
                Painter.fillRectangle(g, i * 20, 0, 20, 240);
            }
            g.setColor(0xFFFFFF);
            Painter.drawString(g, "LCD 320x240 RGB565", Font.getDefaultFont(), 8, 8);
            Painter.fillCircle(g, 200, 100, 60);
        });

        File png = new File(this.folder.getRoot(), "lcd.png");
        HostDisplay.get().writePng(png);
        assertPngEqualsSnapshot(png);

        // Overwriting an existing file works, and no temporary file is left behind.
        canvas.draw(g -> {
            g.setColor(0x3366FF);
            Painter.fillRectangle(g, 100, 100, 50, 50);
        });
        HostDisplay.get().writePng(png);
        assertPngEqualsSnapshot(png);
        assertArrayEquals(new String[] { "lcd.png" }, this.folder.getRoot().list());
    }

    private static void assertPngEqualsSnapshot(File png) throws Exception {
        BufferedImage expected = HostDisplay.get().snapshot();
        BufferedImage actual = ImageIO.read(png);
        assertEquals(320, actual.getWidth());
        assertEquals(240, actual.getHeight());
        Screens.assertRegion(expected, actual, 0, 0);
    }
}
