package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * What the README says about retained messages, empty payloads and the console's cut marker, checked on the real
 * firmware against the simulator's embedded broker with Debian's mosquitto clients.
 */
public class ReadmeRelayClaimsIT {

    /** The board {@link AbstractRelayIT} boots, and what surrounds it: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = AbstractRelayIT.ROOM;

    private static final long TIMEOUT_MS = AbstractRelayIT.TIMEOUT_MS;
    private static final File README = new File("../../README.md");

    @BeforeClass
    public static void boot() throws Exception {
        AbstractRelayIT.bootBoard(null);
    }

    @Test
    public void retainedMessageOnASource_isRelayedAgainAfterAReconnect() throws Exception {
        int port = AbstractRelayIT.brokerPort;
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 2, 60, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        int relayedBefore = AbstractRelayIT.board.relayed();
        mosquittoPub(port, "-r", "-t", "/test/topic1", "-m", "kept");
        AbstractRelayIT.console.awaitLine("New message (topic=\"/test/topic1\", message=\"kept\")", TIMEOUT_MS);
        // Both hops relayed before the link goes: the console line comes before the relay, and with a clean
        // session what is in flight when Wi-Fi drops is lost (README, "Not yet").
        Poll.until(TIMEOUT_MS, () -> AbstractRelayIT.board.relayed() >= relayedBefore + 2,
                () -> "not relayed: " + AbstractRelayIT.board.status());

        AbstractRelayIT.simulated.setWifi(false);
        AbstractRelayIT.console.awaitLineContaining("MQTT: WAITING_FOR_NETWORK", TIMEOUT_MS);
        AbstractRelayIT.simulated.setWifi(true);
        AbstractRelayIT.awaitConnected();

        assertEquals("relayed once when published, once more after the reconnect",
                List.of("kept (relay1) (relay2)", "kept (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
        // Cleared, as a client clears a retained message, so that it is not relayed after later reconnects.
        mosquittoPub(port, "-r", "-t", "/test/topic1", "-n");
    }

    @Test
    public void emptyPayload_isRelayedAsTheSuffixAlone_byDefault() throws Exception {
        int port = AbstractRelayIT.brokerPort;
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        mosquittoPub(port, "-t", "/test/topic1", "-n");
        assertEquals(List.of(" (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
    }

    @Test
    public void consoleCutMarker_isTheOneTheReadmeShows() throws Exception {
        byte[] payload = new byte[1500];
        Arrays.fill(payload, (byte) 'a');
        DesktopClients.publish(AbstractRelayIT.brokerPort, "/test/topic1", payload);
        String line = AbstractRelayIT.console.awaitLineContaining("(1500 bytes)", TIMEOUT_MS);
        String marker = line.substring(line.lastIndexOf('a') + 1, line.lastIndexOf("\")"));
        assertEquals("... (1500 bytes)", marker);
        String readme = Files.readString(README.toPath(), StandardCharsets.UTF_8);
        String shown = "`" + marker.replace("1500", "65536") + "`";
        assertTrue("the README shows the marker as printed: " + shown, readme.contains(shown));
    }

    private static void mosquittoPub(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-q", "1"));
        command.addAll(List.of(options));
        DesktopClients.runTool(command);
    }
}
