package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.ui.LcdFont;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.TextFit;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.paho.mqttv3.MqttClient;

import ej.microui.display.Font;

/**
 * 10,000 messages of random bytes, from empty to 64 KiB (invalid UTF-8 and control characters among
 * them), then one of 256 KiB, through Debian's mosquitto (whose {@code message_size_limit} is 0,
 * unlimited, by default: the board is the one that decides what is too large).
 *
 * <p>With the default {@code relayboard.mqtt.maxPayloadBytes} of 65536, a payload of n bytes is relayed
 * to topic2 when n <= 65536, and its topic2 copy (n + 10 bytes, " (relay1)") to topic3 when n + 10 <=
 * 65536. Every relayed message must reach topic3 byte for byte (a Paho Java subscriber compares with
 * what was sent plus both suffixes); every larger one is dropped, counted once and reported once on the
 * console, the LCD showing the last; the board relays throughout and after.
 */
public class MosquittoOddPayloadsIT {

    private static final int MESSAGES = Integer.getInteger("relayboard.it.messages", 10000);
    private static final int MAX_PAYLOAD = 65536;
    private static final int HUGE = 256 * 1024;
    /** Messages sent but not yet accounted for (arrived on topic3, or dropped by the board). */
    private static final int WINDOW = 16;
    private static final long STALL_TIMEOUT_MS = 60000;
    private static final int QOS = Integer.getInteger("relayboard.it.qos", 0);
    private static final byte[] SUFFIX_1 = " (relay1)".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUFFIX_2 = " (relay2)".getBytes(StandardCharsets.UTF_8);

    @Rule
    public final BoardRoom room = new BoardRoom();

    @Test
    public void randomPayloadsUpTo64KiB_areRelayedByteForByte_largerOnesDroppedCountedAndReportedOnce()
            throws Exception {
        long seed = Long.getLong("relayboard.it.seed", System.nanoTime());
        System.err.println("[odd payloads] seed " + seed + " (rerun with -Drelayboard.it.seed=" + seed + ")");
        List<byte[]> payloads = payloads(new Random(seed));

        ConsoleCapture console = this.room.quietConsole();
        MosquittoBroker broker = this.room.mosquitto();
        Properties settings = BoardRoom.settings(broker.uri());
        // QoS 0: this test is about payloads, and a QoS 1 relay waits for each PUBACK (about 20 ms on a
        // loaded loopback), which would make 20,000 hops take minutes. Ordering and completeness still
        // hold: the test never has more than WINDOW messages in flight, far below the inbox's 32.
        settings.setProperty("relayboard.mqtt.qos", Integer.toString(QOS));
        // No PNG writer: the LCD is still drawn on every message, and checked from memory at the end.
        // The console at full speed: this test counts every drop line, and the UART would skip some.
        this.room.board(new SimulatedBoard(settings, null).uartConsole(false));
        RelayBoard board = this.room.start();
        this.room.awaitConnected();
        MqttClient subscriber = DesktopPaho.connect(broker.port(), "odd-payloads-topic3");
        this.room.closing(() -> DesktopPaho.close(subscriber));
        DesktopPaho.Collector topic3 = DesktopPaho.Collector.subscribe(subscriber, "/test/topic3", QOS);
        MqttClient publisher = DesktopPaho.connect(broker.port(), "odd-payloads-publisher");
        this.room.closing(() -> DesktopPaho.close(publisher));

        List<byte[]> expected = new ArrayList<>();
        int droppedAtHop1 = 0;
        int droppedAtHop2 = 0;
        long started = System.nanoTime();
        for (byte[] payload : payloads) {
            awaitRoom(topic3, board, expected.size(), droppedAtHop1 + droppedAtHop2, console);
            publisher.publish("/test/topic1", payload, QOS, false);
            if (payload.length > MAX_PAYLOAD) {
                droppedAtHop1++;
            } else if (payload.length + SUFFIX_1.length > MAX_PAYLOAD) {
                droppedAtHop2++;
            } else {
                expected.add(concat(payload, SUFFIX_1, SUFFIX_2));
            }
        }
        topic3.await(expected.size(), STALL_TIMEOUT_MS);
        awaitDropped(board, droppedAtHop1 + droppedAtHop2);
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        for (byte[] payload : payloads) {
            bytes += payload.length;
        }
        System.err.printf("[odd payloads] %d messages, %.1f MB, in %.1f s: %d relayed to topic3, %d dropped at "
                + "hop 1, %d at hop 2%n", payloads.size(), bytes / 1e6, seconds, expected.size(), droppedAtHop1,
                droppedAtHop2);

        // Byte for byte, in order.
        List<byte[]> received = topic3.payloads();
        assertEquals("messages on topic3", expected.size(), received.size());
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), received.get(i))) {
                throw new AssertionError("message " + i + " on topic3 differs: expected " + expected.get(i).length
                        + " bytes, got " + received.get(i).length);
            }
        }
        // Counted once each, reported once each on the console.
        assertEquals("dropped counter", droppedAtHop1 + droppedAtHop2, board.dropped());
        assertEquals("console reports of drops at hop 1", droppedAtHop1,
                console.count("Dropped message on /test/topic1: "));
        assertEquals("console reports of drops at hop 2", droppedAtHop2,
                console.count("Dropped message on /test/topic2: "));
        String last = "Dropped message on /test/topic1: " + HUGE + " bytes is over relayboard.mqtt.maxPayloadBytes ("
                + MAX_PAYLOAD + ")";
        assertEquals(1, console.count(last));
        // The LCD's notice line shows the last one (the 256 KiB message was sent last).
        String notice = TextFit.fit(last, Font.getFont(LcdFont.PATH), 320 - 8, "", false);
        HostDisplay.get().waitForIdle(AbstractRelayIT.TIMEOUT_MS);
        assertNotNull("the LCD shows: " + notice, LcdImages.find(HostDisplay.get().snapshot(),
                HostDisplay.renderText(LcdFont.PATH, notice.substring(0, 30), LcdScreen.ERROR_TEXT, LcdScreen.BACKGROUND)));
        assertEquals(2 * payloads.size() - droppedAtHop1, board.received());

        // And the board still relays.
        publisher.publish("/test/topic1", "still relaying".getBytes(StandardCharsets.UTF_8), 1, false);
        topic3.await(expected.size() + 1, AbstractRelayIT.TIMEOUT_MS);
        assertEquals("still relaying (relay1) (relay2)",
                new String(topic3.payloads().get(expected.size()), StandardCharsets.UTF_8));
        assertTrue(board.status(), board.mqttState() == MqttState.CONNECTED);
    }

    /**
     * 10,000 payloads, mostly small (as MQTT traffic is), a tenth of them 16 to 64 KiB, with the limits'
     * edges, text with control characters and broken UTF-8 among them; then one of 256 KiB.
     */
    private static List<byte[]> payloads(Random random) {
        int[] edges = { 0, 1, MAX_PAYLOAD - SUFFIX_1.length - 1, MAX_PAYLOAD - SUFFIX_1.length,
                MAX_PAYLOAD - SUFFIX_1.length + 1, MAX_PAYLOAD - 1, MAX_PAYLOAD, MAX_PAYLOAD + 1 };
        List<byte[]> payloads = new ArrayList<>();
        for (int edge : edges) {
            payloads.add(randomBytes(random, edge));
        }
        while (payloads.size() < MESSAGES) {
            int kind = random.nextInt(10);
            int size;
            if (kind < 7) {
                size = random.nextInt(1025);
            } else if (kind < 9) {
                size = 1024 + random.nextInt(15 * 1024);
            } else {
                size = 16 * 1024 + random.nextInt(MAX_PAYLOAD - 16 * 1024 + 1);
            }
            payloads.add(random.nextInt(4) == 0 ? oddText(random, size) : randomBytes(random, size));
        }
        payloads.add(randomBytes(random, HUGE));
        return payloads;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Text with control characters, and UTF-8 that is broken: lone continuations, cut sequences, surrogates. */
    private static byte[] oddText(Random random, int size) {
        byte[][] pieces = { "hello ".getBytes(StandardCharsets.UTF_8), { 0 }, { '\n' }, { '\r' }, { 0x1B, '[' },
                { 0x7F }, "\u00e9\u4f60\ud83d\ude00".getBytes(StandardCharsets.UTF_8), { (byte) 0x80 },
                { (byte) 0xC3 }, { (byte) 0xE4, (byte) 0xBD }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xF8, (byte) 0x88 }, { (byte) 0xC0, (byte) 0xAF }, { '\\' }, { (byte) 0xC2, (byte) 0x85 } };
        ByteArrayOutputStream text = new ByteArrayOutputStream(size);
        while (text.size() < size) {
            byte[] piece = pieces[random.nextInt(pieces.length)];
            text.write(piece, 0, Math.min(piece.length, size - text.size()));
        }
        return text.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part, 0, part.length);
        }
        return all.toByteArray();
    }

    /** Waits while more than {@link #WINDOW} sent messages are neither on topic3 nor dropped. */
    private static void awaitRoom(DesktopPaho.Collector topic3, RelayBoard board, int relayedSent, int droppedSent,
            ConsoleCapture console) throws InterruptedException {
        Poll.until(STALL_TIMEOUT_MS,
                () -> (relayedSent - topic3.count()) + (droppedSent - board.dropped()) <= WINDOW,
                () -> "the relay stalled: " + topic3.count() + " of " + relayedSent + " on topic3, " + board.dropped()
                        + " of " + droppedSent + " dropped; " + board.status());
    }

    /** Waits for the drops to be counted; the assertions after it say what is missing. */
    private static void awaitDropped(RelayBoard board, int count) throws InterruptedException {
        Poll.within(STALL_TIMEOUT_MS, () -> board.dropped() >= count);
    }
}
