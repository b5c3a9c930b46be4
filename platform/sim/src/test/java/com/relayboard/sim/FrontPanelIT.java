package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.Test;

import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.display.HostDisplay;

/**
 * The front panel as a maker without a board sees it: the simulator started from its jar in a real window on a
 * virtual X screen, a relay through it with Debian's mosquitto clients, then a screenshot of the screen taken from
 * outside the simulator. The LCD area shows the relayed message; the light shows the connected colour.
 */
public class FrontPanelIT {

    private static final long TIMEOUT_MS = 60000;

    @Test
    public void afterARelay_theWindowShowsTheMessageOnTheLcd_andTheLightInTheIdleColour() throws Exception {
        File shots = Files.createTempDirectory("front-panel").toFile();
        try (XvfbScreen screen = XvfbScreen.start();
                SimulatorProcess simulator = SimulatorProcess.start(List.of("-Djava.awt.headless=false"),
                        Map.of("DISPLAY", screen.display()), List.of("--board", "lcd-neopixel", "--scale", "1",
                                "--lcd-png", new File(shots, "lcd.png").getAbsolutePath()),
                        TIMEOUT_MS)) {
            String brokerLine = simulator.awaitLine("Embedded MQTT broker (HiveMQ CE) on 127.0.0.1:");
            int port = Integer.parseInt(brokerLine.substring(brokerLine.lastIndexOf(':') + 1).trim());
            simulator.awaitLine("MQTT: CONNECTED");

            DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
            topic3.awaitSubscribed(TIMEOUT_MS);
            DesktopClients.publish(port, "/test/topic1", "hello panel");
            assertEquals(List.of("hello panel (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));

            BufferedImage relayed = HostDisplay.renderText(LcdFont.PATH, "hello panel (relay1)", LcdScreen.TEXT,
                    LcdScreen.BACKGROUND);
            Color idle = FrontPanel.litColor(LedIndicator.IDLE);
            BufferedImage[] taken = new BufferedImage[1];
            int[][] found = new int[1][];
            Rectangle[] lit = new Rectangle[1];
            // A screenshot every 200 ms; the assertions below say what never showed.
            Thread.sleep(200);
            Poll.withinEvery(200, TIMEOUT_MS, () -> {
                taken[0] = screen.screenshot();
                found[0] = LcdImages.find(taken[0], relayed);
                lit[0] = disc(taken[0], idle.getRGB() & 0xFFFFFF);
                return found[0] != null && lit[0] != null;
            });
            BufferedImage shot = taken[0];
            int[] text = found[0];
            Rectangle light = lit[0];
            File png = new File(shots, "screen.png");
            ImageIO.write(shot, "png", png);

            assertNotNull("the window's LCD shows the relayed message (screenshot: " + png + ")", text);
            assertNotNull("the light is a disc in the idle colour " + idle + " (screenshot: " + png + ")", light);
            assertTrue("the light is the panel's size: " + light,
                    Math.abs(light.width - FrontPanel.LIGHT_DIAMETER_PX) <= 2
                            && Math.abs(light.height - FrontPanel.LIGHT_DIAMETER_PX) <= 2);
            assertTrue("the light sits below the LCD, not on it: light " + light + ", text at " + text[1],
                    light.y > text[1]);
            // The console beside them shows the same message.
            assertTrue("the console printed the relay", String.join("\n", simulator.lines())
                    .contains("New message (topic=\"/test/topic2\", message=\"hello panel (relay1)\")"));
            assertNull("no Swing error on the console", simulator.find("Exception"));

            simulator.send("quit");
            assertTrue("the simulator quits", simulator.awaitExit());
        }
    }

    /** @return the bounds of the pixels exactly {@code rgb}, if they fill a disc's share of them; else null */
    private static Rectangle disc(BufferedImage image, int rgb) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (count == 0) {
            return null;
        }
        Rectangle bounds = new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
        double discShare = Math.PI / 4;
        double share = count / (double) (bounds.width * bounds.height);
        return Math.abs(share - discShare) < 0.08 && bounds.width >= 10 ? bounds : null;
    }
}
