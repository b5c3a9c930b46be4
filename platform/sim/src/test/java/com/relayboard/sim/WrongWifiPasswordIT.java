package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * A board that cannot join: first its SSID is not in range, then the access point has another
 * password. Each is explained (console, LCD notice, NeoPixel red), retried with backoff instead of
 * hammering the access point, and the password is never shown; the board joins as soon as the access
 * point accepts it.
 */
public class WrongWifiPasswordIT {

    private static final String WRONG_PASSWORD = "not-the-password";

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void unknownSsid_thenWrongPassword_areExplained_retriesBackOff_andThePasswordIsNeverShown()
            throws Exception {
        ConsoleCapture console = this.room.console();
        File png = this.room.lcdPng();
        Properties settings = new Properties();
        settings.setProperty("relayboard.wifi.password", WRONG_PASSWORD);
        // The room has another network only.
        this.room.board(new SimulatedBoard(settings, png).accessPoint("Other-AP", "relayboard", "WPA2"));
        RelayBoard board = this.room.start();
        int before = SimulatedAccessPoint.get().joinAttempts();
        Refusals.assertExplained(console, png, "WiFi", "no access point with SSID \"RelayBoard-AP\" found");
        assertTrue("a join per refusal, no more", SimulatedAccessPoint.get().joinAttempts() - before <= 4);

        // The board's access point appears, with another password than the board's.
        SimulatedAccessPoint.get().configure("RelayBoard-AP", "relayboard", "WPA2");
        Refusals.assertExplained(console, png, "WiFi", "authentication with access point \"RelayBoard-AP\" failed",
                2);
        assertEquals(LedIndicator.ERROR, com.relayboard.host.led.HostLeds.rgb());
        Refusals.assertNeverShown(WRONG_PASSWORD, console, png, null);

        // The router is reconfigured to the board's password: the board joins by itself.
        SimulatedAccessPoint.get().configure("RelayBoard-AP", WRONG_PASSWORD, "WPA2");
        Poll.within(60000, () -> board.wifiState() == WifiState.CONNECTED);
        assertEquals(WifiState.CONNECTED, board.wifiState());
        Refusals.assertNeverShown(WRONG_PASSWORD, console, png, null);
    }
}
