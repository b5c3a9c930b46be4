package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.swing.SwingUtilities;

import org.junit.Test;

import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * The front panel's parts, headless (Swing's lightweight components need no screen): the Wi-Fi buttons follow the
 * access point whatever moved it, the console wraps long lines, and the light is as bright as the LED looks.
 */
public class FrontPanelPartsTest {

    private static final long TIMEOUT_MS = 10000;

    @Test
    public void wifiButtons_followTheAccessPoint_whenTheWifiCommandMovesIt_andCanBringItBack() throws Exception {
        SimulatedBoard simulated = new SimulatedBoard(new Properties(), null);
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        FrontPanel.WifiButtons buttons = onSwing(FrontPanel.WifiButtons::new);
        SwingUtilities.invokeAndWait(() -> buttons.follow(simulated, console));
        awaitSwing("in range: only WiFi down is enabled", () -> buttons.down.isEnabled() && !buttons.up.isEnabled());

        // Typed on standard input, not clicked.
        Simulator.readCommands(new ByteArrayInputStream("wifi down\n".getBytes(StandardCharsets.UTF_8)), console,
                simulated);
        awaitSwing("out of range: only WiFi up is enabled", () -> !buttons.down.isEnabled() && buttons.up.isEnabled());

        SwingUtilities.invokeAndWait(buttons.up::doClick);
        assertTrue("WiFi up brought the access point back", SimulatedAccessPoint.get().isInRange());
        awaitSwing("in range again", () -> buttons.down.isEnabled() && !buttons.up.isEnabled());
    }

    @Test
    public void console_wrapsALongLine_atTheWindowsEdge() throws Exception {
        FrontPanel.ConsoleView view = onSwing(FrontPanel.ConsoleView::new);
        StringBuilder line = new StringBuilder("New message (topic=\"/test/topic1\", message=\"");
        for (int i = 0; i < 40; i++) {
            line.append("word").append(i).append(' ');
        }
        line.append("\")\n");
        SwingUtilities.invokeAndWait(() -> {
            view.setSize(400, 300);
            view.append(line.toString());
            view.doLayout();
            view.getViewport().doLayout();
        });
        int lineHeight = view.text.getFontMetrics(view.text.getFont()).getHeight();
        assertEquals("the text is as wide as the console, not wider", view.getViewport().getExtentSize().width,
                view.text.getWidth());
        assertTrue("the line takes several rows: " + view.text.getPreferredSize(),
                view.text.getPreferredSize().height >= 3 * lineHeight);
    }

    @Test
    public void dimGreen_looksDim_andAFlashLooksBright() {
        Color idle = FrontPanel.litColor(LedIndicator.IDLE);
        assertEquals("green, nothing else", 0, idle.getRed() + idle.getBlue());
        assertTrue("dim but visible: " + idle, idle.getGreen() > 40 && idle.getGreen() < 128);
        Color flash = FrontPanel.litColor(LedIndicator.RULE_1);
        assertTrue("a rule's flash is brighter than idle: " + flash, flash.getBlue() > 2 * idle.getGreen());
        assertEquals(Color.WHITE, FrontPanel.litColor(0xFFFFFF));
        assertEquals(FrontPanel.LIGHT_OFF_COLOR, FrontPanel.litColor(0));
    }

    private static <T> T onSwing(Supplier<T> make) throws Exception {
        Object[] made = new Object[1];
        SwingUtilities.invokeAndWait(() -> made[0] = make.get());
        @SuppressWarnings("unchecked")
        T result = (T) made[0];
        return result;
    }

    private static void awaitSwing(String what, BooleanSupplier condition) throws Exception {
        AtomicBoolean met = new AtomicBoolean();
        Poll.until(TIMEOUT_MS, () -> {
            SwingUtilities.invokeAndWait(() -> met.set(condition.getAsBoolean()));
            return met.get();
        }, () -> what + " within " + TIMEOUT_MS + " ms");
    }
}
