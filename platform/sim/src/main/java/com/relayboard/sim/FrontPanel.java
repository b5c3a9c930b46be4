package com.relayboard.sim;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;

import com.relayboard.host.BoardProfile;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.led.HostLeds;

/**
 * The simulator's window, laid out like the board on a desk: the LCD at its pixel size times a scale, the status
 * light as a lit circle in its current colour, the serial console beside them, and buttons that take the access
 * point out of range and back. A board without display shows the light and the console only.
 */
final class FrontPanel {

    /** The LCD at its real pixel size; {@code --scale} enlarges it. */
    static final int DEFAULT_SCALE = 1;
    /** Diameter of the status light on screen. */
    static final int LIGHT_DIAMETER_PX = 40;
    /** The board's colour around its parts. */
    static final Color BOARD_COLOR = new Color(0x1E, 0x4D, 0x2B);
    /** What an unlit light looks like. */
    static final Color LIGHT_OFF_COLOR = new Color(0x30, 0x30, 0x30);
    /** The console keeps this many characters; older lines scroll away as on a serial terminal. */
    private static final int CONSOLE_LIMIT_CHARS = 200_000;

    private final BoardProfile profile;
    private final int scale;
    private final PrintStream console;
    private JLabel lightLabel;
    private JFrame frame;
    private JTextArea consoleText;
    private JButton wifiDown;
    private JButton wifiUp;

    private FrontPanel(BoardProfile profile, int scale, PrintStream terminal) {
        this.profile = profile;
        this.scale = scale;
        this.console = new PrintStream(new TeeOutput(terminal), true, StandardCharsets.UTF_8);
    }

    /**
     * Opens the window and waits until it is shown.
     *
     * @param terminal where the console's lines go as well (the terminal the simulator was started from)
     */
    static FrontPanel open(BoardProfile profile, int scale, PrintStream terminal) {
        FrontPanel panel = new FrontPanel(profile, scale, terminal);
        try {
            SwingUtilities.invokeAndWait(panel::build);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the front panel", e.getCause());
        }
        return panel;
    }

    /** @return the board's serial console: what is printed here shows in the window and on the terminal */
    PrintStream console() {
        return this.console;
    }

    /** Wires the Wi-Fi buttons to the running board's access point. */
    void attach(SimulatedBoard simulated) {
        SwingUtilities.invokeLater(() -> {
            this.wifiDown.addActionListener(e -> {
                simulated.setWifi(false);
                this.console.println("[simulator] access point out of range: the board's Wi-Fi link is down");
                this.wifiDown.setEnabled(false);
                this.wifiUp.setEnabled(true);
            });
            this.wifiUp.addActionListener(e -> {
                simulated.setWifi(true);
                this.console.println("[simulator] access point back in range");
                this.wifiDown.setEnabled(true);
                this.wifiUp.setEnabled(false);
            });
            this.wifiDown.setEnabled(true);
        });
        // The user's LED setting (from the LED topic) next to the light, whenever the light changes.
        HostLeds.addListener(rgb -> SwingUtilities.invokeLater(() -> {
            if (simulated.board() != null) {
                this.lightLabel.setText(lightName() + " | " + simulated.board().ledSetting());
            }
        }));
    }

    private String lightName() {
        return this.profile.ledCount() >= 3 ? "NeoPixel (LEDs 0, 1, 2 = R, G, B)" : "LED 0 (red): blink patterns";
    }

    private void build() {
        this.frame = new JFrame("RelayBoard: " + this.profile.title());
        this.frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);

        JPanel board = new JPanel();
        board.setLayout(new BoxLayout(board, BoxLayout.Y_AXIS));
        board.setBackground(BOARD_COLOR);
        board.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        if (this.profile.hasDisplay()) {
            board.add(new LcdView(this.scale));
            board.add(spacer(12));
        }
        JPanel lightRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        lightRow.setOpaque(false);
        lightRow.setAlignmentX(JComponent.LEFT_ALIGNMENT);
        lightRow.add(new LightView());
        this.lightLabel = new JLabel(lightName());
        this.lightLabel.setForeground(Color.WHITE);
        lightRow.add(this.lightLabel);
        board.add(lightRow);
        board.add(spacer(12));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.setOpaque(false);
        buttons.setAlignmentX(JComponent.LEFT_ALIGNMENT);
        this.wifiDown = new JButton("WiFi down");
        this.wifiUp = new JButton("WiFi up");
        this.wifiDown.setEnabled(false);
        this.wifiUp.setEnabled(false);
        buttons.add(this.wifiDown);
        buttons.add(this.wifiUp);
        board.add(buttons);

        this.consoleText = new JTextArea(24, 72);
        this.consoleText.setEditable(false);
        this.consoleText.setBackground(Color.BLACK);
        this.consoleText.setForeground(new Color(0xD0, 0xD0, 0xD0));
        this.consoleText.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        JScrollPane consoleScroll = new JScrollPane(this.consoleText);
        consoleScroll.setBorder(BorderFactory.createTitledBorder("Serial console (115200 8N1)"));

        JPanel content = new JPanel(new BorderLayout());
        content.add(board, BorderLayout.WEST);
        content.add(consoleScroll, BorderLayout.CENTER);
        this.frame.setContentPane(content);
        this.frame.pack();
        this.frame.setLocation(0, 0);
        this.frame.setVisible(true);
    }

    private static JComponent spacer(int height) {
        JPanel spacer = new JPanel();
        spacer.setOpaque(false);
        spacer.setAlignmentX(JComponent.LEFT_ALIGNMENT);
        spacer.setPreferredSize(new Dimension(1, height));
        spacer.setMaximumSize(new Dimension(Integer.MAX_VALUE, height));
        return spacer;
    }

    private void append(String text) {
        try {
            this.consoleText.append(text);
            int excess = this.consoleText.getDocument().getLength() - CONSOLE_LIMIT_CHARS;
            if (excess > 0) {
                this.consoleText.getDocument().remove(0, excess);
            }
            this.consoleText.setCaretPosition(this.consoleText.getDocument().getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return how the light looks lit in {@code rgb}: its hue at full brightness. A WS2812 driven at 0x001800 is
     *         plainly green on a desk, while that value on a monitor is near black.
     */
    static Color litColor(int rgb) {
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        int max = Math.max(red, Math.max(green, blue));
        if (max == 0) {
            return LIGHT_OFF_COLOR;
        }
        return new Color(red * 255 / max, green * 255 / max, blue * 255 / max);
    }

    /** The LCD, repainted on every flush of the host display. */
    private static final class LcdView extends JComponent {

        private static final long serialVersionUID = 1L;
        private final int scale;

        LcdView(int scale) {
            this.scale = scale;
            BufferedImage first = HostDisplay.get().snapshot();
            Dimension size = new Dimension(first.getWidth() * scale, first.getHeight() * scale);
            setPreferredSize(size);
            setMaximumSize(size);
            setAlignmentX(LEFT_ALIGNMENT);
            HostDisplay.get().addFlushListener((x, y, width, height) -> repaint(x * this.scale, y * this.scale,
                    width * this.scale, height * this.scale));
        }

        @Override
        protected void paintComponent(Graphics g) {
            BufferedImage image = HostDisplay.get().snapshot();
            // Nearest neighbour: each LCD pixel is a sharp square, as on the panel.
            ((Graphics2D) g).setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, 0, 0, image.getWidth() * this.scale, image.getHeight() * this.scale, null);
        }
    }

    /** The status light: a circle in the colour the LEDs make. */
    private static final class LightView extends JComponent {

        private static final long serialVersionUID = 1L;

        LightView() {
            Dimension size = new Dimension(LIGHT_DIAMETER_PX + 4, LIGHT_DIAMETER_PX + 4);
            setPreferredSize(size);
            setMinimumSize(size);
            HostLeds.addListener(rgb -> repaint());
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g;
            g2.setColor(litColor(HostLeds.rgb()));
            // Not antialiased: the disc's colour is exact to its edge, which the screenshot test relies on.
            g2.fillOval(2, 2, LIGHT_DIAMETER_PX, LIGHT_DIAMETER_PX);
            g2.setColor(Color.BLACK);
            g2.setStroke(new BasicStroke(1));
            g2.drawOval(1, 1, LIGHT_DIAMETER_PX + 1, LIGHT_DIAMETER_PX + 1);
        }
    }

    /** Writes to the terminal, and line by line to the window's console. */
    private final class TeeOutput extends OutputStream {

        private final PrintStream terminal;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        TeeOutput(PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public synchronized void write(int b) {
            this.terminal.write(b);
            collect(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            this.terminal.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                collect(bytes[i]);
            }
        }

        private void collect(int b) {
            this.line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void flush() {
            this.terminal.flush();
        }

        private void flushLine() {
            String text = new String(this.line.toByteArray(), StandardCharsets.UTF_8);
            this.line.reset();
            SwingUtilities.invokeLater(() -> append(text));
        }
    }
}
