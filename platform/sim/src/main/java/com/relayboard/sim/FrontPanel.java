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
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
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
import javax.swing.Timer;
import javax.swing.text.BadLocationException;

import com.relayboard.host.BoardProfile;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.led.HostLeds;
import com.relayboard.host.net.SimulatedAccessPoint;

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
    static final int CONSOLE_LIMIT_CHARS = 200_000;

    private final BoardProfile profile;
    private final int scale;
    private final PrintStream console;
    private JLabel lightLabel;
    private JFrame frame;
    private ConsoleView consoleView;
    private WifiButtons wifiButtons;

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

    /**
     * Wires the Wi-Fi buttons to the board's access point. A board that refused its configuration is halted: its
     * buttons stay off, and closing the window ends the simulator with the refusal's exit status.
     */
    void attach(SimulatedBoard simulated) {
        SwingUtilities.invokeLater(() -> {
            if (simulated.board() == null) {
                this.frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
                this.frame.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosing(WindowEvent e) {
                        System.exit(Simulator.EXIT_REFUSED);
                    }
                });
                return;
            }
            this.wifiButtons.follow(simulated, this.console);
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
        this.wifiButtons = new WifiButtons();
        board.add(this.wifiButtons);

        this.consoleView = new ConsoleView();

        JPanel content = new JPanel(new BorderLayout());
        content.add(board, BorderLayout.WEST);
        content.add(this.consoleView, BorderLayout.CENTER);
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

    /**
     * @return how the light looks lit in {@code rgb}: its hue, as bright as the eye sees the LED. The eye's
     *         response to an LED's drive is roughly its square root, so a WS2812 driven at 0x001800 ("dim
     *         green") is plainly green on a desk, yet dim; that value on a monitor would be near black.
     */
    static Color litColor(int rgb) {
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        int max = Math.max(red, Math.max(green, blue));
        if (max == 0) {
            return LIGHT_OFF_COLOR;
        }
        double seen = 255 * Math.sqrt(max / 255.0);
        return new Color((int) Math.round(red * seen / max), (int) Math.round(green * seen / max),
                (int) Math.round(blue * seen / max));
    }

    /**
     * The buttons that take the access point out of range and back. They follow the access point, whatever moved
     * it (a button, the {@code wifi} command on standard input): only the one that changes something is enabled.
     */
    static final class WifiButtons extends JPanel {

        private static final long serialVersionUID = 1L;
        /** How often the buttons look at the access point: quick enough to seem immediate to a hand. */
        static final int FOLLOW_INTERVAL_MS = 200;

        final JButton down = new JButton("WiFi down");
        final JButton up = new JButton("WiFi up");

        WifiButtons() {
            super(new FlowLayout(FlowLayout.LEFT, 8, 0));
            setOpaque(false);
            setAlignmentX(JComponent.LEFT_ALIGNMENT);
            this.down.setEnabled(false);
            this.up.setEnabled(false);
            add(this.down);
            add(this.up);
        }

        /** Starts driving {@code simulated}'s access point and following it. Call on the Swing thread. */
        void follow(SimulatedBoard simulated, PrintStream console) {
            this.down.addActionListener(e -> {
                simulated.setWifi(false);
                console.println("[simulator] access point out of range: the board's Wi-Fi link is down");
                showInRange(false);
            });
            this.up.addActionListener(e -> {
                simulated.setWifi(true);
                console.println("[simulator] access point back in range");
                showInRange(true);
            });
            showInRange(SimulatedAccessPoint.get().isInRange());
            new Timer(FOLLOW_INTERVAL_MS, e -> showInRange(SimulatedAccessPoint.get().isInRange())).start();
        }

        private void showInRange(boolean inRange) {
            this.down.setEnabled(inRange);
            this.up.setEnabled(!inRange);
        }
    }

    /** The serial console: long lines wrap at the window's edge, as a terminal's do, rather than hiding past it. */
    static final class ConsoleView extends JScrollPane {

        private static final long serialVersionUID = 1L;

        final JTextArea text = new JTextArea(24, 72);

        ConsoleView() {
            this.text.setEditable(false);
            this.text.setLineWrap(true);
            this.text.setWrapStyleWord(true);
            this.text.setBackground(Color.BLACK);
            this.text.setForeground(new Color(0xD0, 0xD0, 0xD0));
            this.text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            setViewportView(this.text);
            setHorizontalScrollBarPolicy(HORIZONTAL_SCROLLBAR_NEVER);
            setBorder(BorderFactory.createTitledBorder("Serial console (115200 8N1)"));
        }

        /** Adds {@code line} at the end, keeps the last {@link #CONSOLE_LIMIT_CHARS} and shows the end. */
        void append(String line) {
            try {
                this.text.append(line);
                int excess = this.text.getDocument().getLength() - CONSOLE_LIMIT_CHARS;
                if (excess > 0) {
                    this.text.getDocument().remove(0, excess);
                }
                this.text.setCaretPosition(this.text.getDocument().getLength());
            } catch (BadLocationException e) {
                throw new IllegalStateException(e);
            }
        }
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
            SwingUtilities.invokeLater(() -> FrontPanel.this.consoleView.append(text));
        }
    }
}
