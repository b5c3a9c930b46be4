package com.relayboard.sim;

import java.util.Arrays;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.ui.LcdScreen;

/**
 * A message larger than what the board keeps of it to show (4 KiB) gives its whole size on the LCD, as on the
 * console: the whole board, on the embedded broker, with {@code relayboard.mqtt.maxPayloadBytes} raised so that a
 * 100 KiB message is relayed rather than dropped.
 */
public class LcdMessageSizeIT {

    private static final int HUNDRED_KB = 100 * 1024;

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void aHundredKilobyteMessage_showsItsWholeSizeOnTheLcdAndTheConsole() throws Exception {
        ConsoleCapture console = this.room.console();
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.maxPayloadBytes", Integer.toString(2 * HUNDRED_KB));
        this.room.startConnected(settings);
        byte[] payload = new byte[HUNDRED_KB];
        Arrays.fill(payload, (byte) 'a');

        DesktopClients.publish(this.room.simulated.embeddedBrokerPort(), "/test/topic1", payload);

        console.awaitLineContaining("... (" + HUNDRED_KB + " bytes)", BoardRoom.TIMEOUT_MS);
        LcdImages.awaitText(this.room.lcdPng(), "(" + HUNDRED_KB + " B)", LcdScreen.TEXT, LcdScreen.BACKGROUND,
                BoardRoom.TIMEOUT_MS);
    }
}
