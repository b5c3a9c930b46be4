package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.Properties;

import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.firmware.ui.TextFit;
import com.relayboard.host.led.HostLeds;
import com.relayboard.host.net.SimulatedAccessPoint;

import ej.microui.display.Font;

/**
 * A board configured with another password than the room's access point: it says why it cannot
 * join, backs off instead of hammering the access point, never shows the password, and joins as soon
 * as the access point accepts it.
 */
public class WrongWifiPasswordIT {

    private static final String WRONG_PASSWORD = "not-the-password";

    @Test
    public void wrongPassword_isExplained_retriesBackOff_andThePasswordIsNeverShown() throws Exception {
        ConsoleCapture console = ConsoleCapture.install();
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        Properties settings = new Properties();
        settings.setProperty("relayboard.wifi.password", WRONG_PASSWORD);
        SimulatedBoard simulated = new SimulatedBoard(settings, png);
        try {
            RelayBoard board = simulated.start();
            String reason = "authentication with access point \"RelayBoard-AP\" failed";
            console.awaitLineContaining("WiFi: BACKOFF " + reason, AbstractRelayIT.TIMEOUT_MS);
            String notice = TextFit.fit("WiFi: " + reason, Font.getDefaultFont(), 320 - 8, "", false);
            LcdImages.awaitText(png, notice.length() > 30 ? notice.substring(0, 30) : notice, LcdScreen.ERROR_TEXT,
                    LcdScreen.BACKGROUND, AbstractRelayIT.TIMEOUT_MS);

            // Backoff, not a busy loop: over 6 s, joins at about 0, 1, 3 s (+/-25 %) and maybe 7 s.
            int before = SimulatedAccessPoint.get().joinAttempts();
            Thread.sleep(6000);
            int attempts = SimulatedAccessPoint.get().joinAttempts() - before;
            assertTrue("join attempts in 6 s: " + attempts, attempts >= 1 && attempts <= 4);
            assertEquals(LedIndicator.ERROR, HostLeds.rgb());
            assertFalse("the Wi-Fi password was shown", console.text().contains(WRONG_PASSWORD));

            // The router is reconfigured to the board's password: the board joins by itself.
            SimulatedAccessPoint.get().configure("RelayBoard-AP", WRONG_PASSWORD, "WPA2");
            long deadline = System.currentTimeMillis() + 60000;
            while (board.wifiState() != WifiState.CONNECTED && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(WifiState.CONNECTED, board.wifiState());
            assertFalse("the Wi-Fi password was shown", console.text().contains(WRONG_PASSWORD));
        } finally {
            simulated.stop();
        }
    }
}
