package com.relayboard.sim;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.image.BufferedImage;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import com.relayboard.host.display.HostDisplay;

/** A plain window showing the LCD at twice its size, repainted on every flush. */
final class LcdWindow {

    private static final int SCALE = 2;

    private LcdWindow() {
    }

    static void open() {
        final HostDisplay display = HostDisplay.get();
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame("RelayBoard LCD");
            JPanel panel = new JPanel() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void paintComponent(Graphics g) {
                    super.paintComponent(g);
                    BufferedImage frameImage = display.snapshot();
                    g.drawImage(frameImage, 0, 0, frameImage.getWidth() * SCALE, frameImage.getHeight() * SCALE, null);
                }
            };
            BufferedImage first = display.snapshot();
            panel.setPreferredSize(new Dimension(first.getWidth() * SCALE, first.getHeight() * SCALE));
            frame.add(panel);
            frame.pack();
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            frame.setVisible(true);
            display.addFlushListener((x, y, width, height) -> panel.repaint());
        });
    }
}
