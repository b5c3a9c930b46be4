package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.led.HostLeds;

/**
 * The relay as a user pairs it: the real firmware on the host platform, a real broker, and Debian's
 * mosquitto_pub and mosquitto_sub on the desktop side. Subclasses pick the broker. Each test class
 * runs in its own JVM, one board per JVM as on the device.
 *
 * <p>The board, its console and the test's brokers are {@link #ROOM}'s: it closes them after the class. A test class
 * that boots this board without extending this one names the same room as its own {@code @ClassRule}.
 */
public abstract class AbstractRelayIT {

    static final long TIMEOUT_MS = BoardRoom.TIMEOUT_MS;
    static final int SUB_TIMEOUT_S = 30;

    /** The one board of this JVM and what surrounds it, closed after the test class. */
    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    static ConsoleCapture console;
    static SimulatedBoard simulated;
    static RelayBoard board;
    static File lcdPng;
    static int brokerPort;

    static BoardProfile profile = BoardProfile.LCD_NEOPIXEL;

    /** Boots the default board against {@code brokerUri} (null: the simulator's embedded broker). */
    static void bootBoard(String brokerUri) throws Exception {
        bootBoard(brokerUri, BoardProfile.LCD_NEOPIXEL);
    }

    /** Boots {@code boardProfile} against {@code brokerUri} (null: the simulator's embedded broker). */
    static void bootBoard(String brokerUri, BoardProfile boardProfile) throws Exception {
        profile = boardProfile;
        console = ROOM.console();
        lcdPng = ROOM.lcdPng();
        Properties settings = new Properties();
        if (brokerUri != null) {
            settings.setProperty("relayboard.mqtt.broker", brokerUri);
        }
        simulated = ROOM.board(ROOM.boardOf(settings, boardProfile));
        board = ROOM.start();
        brokerPort = Integer.parseInt(simulated.brokerUri().substring(simulated.brokerUri().lastIndexOf(':') + 1));
        awaitConnected();
    }

    static void awaitConnected() throws InterruptedException {
        awaitConnected(board, console, TIMEOUT_MS);
    }

    /** Waits for {@code relayBoard} to be connected to its broker; fails with its console if it is not in time. */
    static void awaitConnected(RelayBoard relayBoard, ConsoleCapture capture, long timeoutMs)
            throws InterruptedException {
        BoardRoom.awaitConnected(relayBoard, capture, timeoutMs);
    }

    @Test
    public void helloFromMosquittoPub_comesOutOfTopic3_withBothRelaySuffixes() throws Exception {
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(brokerPort, "/test/topic3", 1, SUB_TIMEOUT_S, null);
        topic3.awaitSubscribed(TIMEOUT_MS);

        if (profile.ledCount() < 3) {
            // Count from a quiet light: blinks of an earlier test's messages may still be showing.
            Refusals.awaitLed((LedIndicator.MONO_DIM >> 16) << 16);
        }
        int ledChangesBefore = HostLeds.history().size();
        DesktopClients.publish(brokerPort, "/test/topic1", "hello");

        assertEquals(List.of("hello (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
        console.awaitLine("New message (topic=\"/test/topic1\", message=\"hello\")", TIMEOUT_MS);
        console.awaitLine("New message (topic=\"/test/topic2\", message=\"hello (relay1)\")", TIMEOUT_MS);
        if (profile.hasDisplay()) {
            // The LCD shows the relayed message, pixel for pixel in the board's font.
            LcdImages.awaitText(lcdPng, "hello (relay1)", LcdScreen.TEXT, LcdScreen.BACKGROUND, TIMEOUT_MS);
        } else {
            assertTrue("a board without display says so", console.text().contains("No display"));
            assertEquals("and writes no LCD image", false, lcdPng.exists());
        }
        if (profile.ledCount() >= 3) {
            // The NeoPixel flashed the colour of each hop.
            assertTrue("NeoPixel colours shown: " + HostLeds.history(), HostLeds.history().contains(LedIndicator.RULE_1));
            assertTrue("NeoPixel colours shown: " + HostLeds.history(), HostLeds.history().contains(LedIndicator.RULE_2));
        } else {
            // One red LED: one blink for the message on rule 1, a pause, two for rule 2, then steady and dim.
            int blinks = awaitBlinksThenIdle(ledChangesBefore);
            assertEquals("blinks for rule 1 then rule 2: "
                    + HostLeds.history().subList(ledChangesBefore, HostLeds.history().size()), 3, blinks);
        }
    }

    /** @return how many times the single LED lit fully since the {@code from}th change, once it is back to idle */
    static int awaitBlinksThenIdle(int from) throws InterruptedException {
        int on = (LedIndicator.MONO_ON >> 16) << 16;
        int dim = (LedIndicator.MONO_DIM >> 16) << 16;
        int[] blinks = new int[1];
        Poll.until(TIMEOUT_MS, () -> {
            blinks[0] = 0;
            for (Integer rgb : ledChangesSince(from)) {
                blinks[0] += rgb.intValue() == on ? 1 : 0;
            }
            return blinks[0] > 0 && HostLeds.rgb() == dim;
        }, () -> "the LED never blinked and settled: " + ledChangesSince(from));
        return blinks[0];
    }

    private static List<Integer> ledChangesSince(int from) {
        List<Integer> changes = HostLeds.history();
        return changes.subList(Math.min(from, changes.size()), changes.size());
    }

    @Test
    public void binaryAndInvalidUtf8Payload_isRelayedByteForByte_andShownEscaped() throws Exception {
        byte[] payload = { (byte) 0xFF, (byte) 0xFE, 0x00, 0x01, 'A', (byte) 0xC3, '\n', (byte) 0xE4, (byte) 0xBD,
                (byte) 0xA0 };
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(brokerPort, "/test/topic3", 1, SUB_TIMEOUT_S, "%x");
        topic3.awaitSubscribed(TIMEOUT_MS);

        DesktopClients.publish(brokerPort, "/test/topic1", payload);

        byte[] suffixes = " (relay1) (relay2)".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[payload.length + suffixes.length];
        System.arraycopy(payload, 0, expected, 0, payload.length);
        System.arraycopy(suffixes, 0, expected, payload.length, suffixes.length);
        assertEquals(List.of(DesktopClients.hex(expected)), topic3.awaitMessages(TIMEOUT_MS));
        String shown = "\\xFF\\xFE\\x00\\x01A\\xC3\\n\u4F60";
        console.awaitLine("New message (topic=\"/test/topic1\", message=\"" + shown + "\")", TIMEOUT_MS);
        if (profile.hasDisplay()) {
            LcdImages.awaitText(lcdPng, "\\xFF\\xFE\\x00\\x01A\\xC3\\n", LcdScreen.TEXT, LcdScreen.BACKGROUND,
                    TIMEOUT_MS);
        }

        // And the board goes on relaying.
        DesktopClients.Subscription after = DesktopClients.subscribe(brokerPort, "/test/topic3", 1, SUB_TIMEOUT_S, null);
        after.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(brokerPort, "/test/topic1", "still here");
        assertEquals(List.of("still here (relay1) (relay2)"), after.awaitMessages(TIMEOUT_MS));
    }

    @Test
    public void wifiDroppedAndRestored_relayWorksAgain_withoutRestart() throws Exception {
        // The retained status, then the Last Will when the link dies without a DISCONNECT, then online again.
        DesktopClients.Subscription status = DesktopClients.subscribe(brokerPort,
                "relayboard/" + board.clientId() + "/status", 3, SUB_TIMEOUT_S, null);
        status.awaitSubscribed(TIMEOUT_MS);
        // The retained "online" first: HiveMQ sends a subscription's retained messages apart from live ones, and a
        // Last Will published right after the SUBACK can overtake it (seen once: offline, online, online).
        status.awaitMessage("online", TIMEOUT_MS);
        simulated.setWifi(false);
        console.awaitLineContaining("MQTT: WAITING_FOR_NETWORK", TIMEOUT_MS);
        assertTrue(board.mqttState() != MqttState.CONNECTED);

        simulated.setWifi(true);
        awaitConnected();
        console.awaitLineContaining("(reconnect ", TIMEOUT_MS);

        DesktopClients.Subscription topic3 = DesktopClients.subscribe(brokerPort, "/test/topic3", 1, SUB_TIMEOUT_S, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(brokerPort, "/test/topic1", "after the outage");
        assertEquals(List.of("after the outage (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
        assertEquals(List.of("online", "offline", "online"), status.awaitMessages(TIMEOUT_MS));
    }
}
