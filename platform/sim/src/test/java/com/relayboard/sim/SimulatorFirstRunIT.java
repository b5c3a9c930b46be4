package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.relayboard.firmware.ui.LcdScreen;

/**
 * The simulator jar as a newcomer first runs it, from a terminal or a script: the console is the board's, and
 * every refusal is one line and an exit status a script can see.
 */
public class SimulatorFirstRunIT {

    private static final long TIMEOUT_MS = 60000;

    @Test
    public void embeddedBrokersLog_goesToTheFileItNames_andTheBoardKeepsRunningWithStandardInputClosed()
            throws Exception {
        File folder = Files.createTempDirectory("first-run").toFile();
        File log = new File(folder, "broker.log");
        try (SimulatorProcess simulator = start("--lcd-png", new File(folder, "lcd.png").getPath(), "--broker-log",
                log.getPath())) {
            simulator.closeInput();
            int port = brokerPort(simulator);
            simulator.awaitLine("MQTT: CONNECTED");
            DesktopClients.Subscription topic3 = DesktopClients.subscribe(port, "/test/topic3", 1, 30, null);
            topic3.awaitSubscribed(TIMEOUT_MS);
            DesktopClients.publish(port, "/test/topic1", "hello");
            assertEquals(List.of("hello (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
            simulator.awaitLine("New message (topic=\"/test/topic2\", message=\"hello (relay1)\")");

            // HiveMQ logs its start and a line per client that connects: all of them went to the file, none to
            // the console.
            String listener = "Started TCP Listener on address 127.0.0.1 and on port " + port;
            assertTrue("the broker's log holds its start", awaitFileContains(log, listener));
            String boardConnected = "Client ID: " + clientId(simulator) + ", IP: 127.0.0.1";
            assertTrue("the broker's log holds the board's connection", awaitFileContains(log, boardConnected));
            List<String> console = simulator.lines();
            assertEquals("the log's path is printed once: " + console, 1, count(console, log.getAbsolutePath()));
            assertNull("no broker line on the board's console", simulator.find("com.hivemq"));
            assertNull("no broker line on the board's console", simulator.find(listener));
            assertNull("no broker line on the board's console", simulator.find(boardConnected));
        }
    }

    @Test
    public void brokerLogDash_showsTheBrokersLogOnTheTerminal() throws Exception {
        File folder = Files.createTempDirectory("first-run").toFile();
        try (SimulatorProcess simulator = start("--lcd-png", new File(folder, "lcd.png").getPath(), "--broker-log",
                "-")) {
            simulator.awaitLine("Its log: on this terminal");
            int port = brokerPort(simulator);
            simulator.awaitLine("Started TCP Listener on address 127.0.0.1 and on port " + port);
            simulator.awaitLine("Client ID: " + clientId(simulator) + ", IP: 127.0.0.1");
        }
    }

    @Test
    public void refusedConfiguration_printsNoPairing_andEndsWithStatus2WhenStandardInputCloses() throws Exception {
        try (SimulatorProcess simulator = start("--broker", "not-a-uri", "--lcd-png", tempPng().getPath())) {
            simulator.awaitLine("Configuration error: relayboard.mqtt.broker must be tcp://host:port");
            simulator.closeInput();
            assertTrue("the simulator ends when its input does", simulator.awaitExit());
            assertEquals(Simulator.EXIT_REFUSED, simulator.exitValue());
            assertNull("no pairing commands for a board that is halted", simulator.find("mosquitto_sub"));
        }
    }

    @Test
    public void refusedConfiguration_quitEndsWithStatus2() throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start(List.of("-Drelayboard.mqtt.qos=3"), Map.of(),
                List.of("--headless", "--lcd-png", tempPng().getPath()), TIMEOUT_MS)) {
            simulator.awaitLine("Configuration error: relayboard.mqtt.qos must be 0 or 1, not \"3\"");
            simulator.send("quit");
            assertTrue(simulator.awaitExit());
            assertEquals(Simulator.EXIT_REFUSED, simulator.exitValue());
            assertNull(simulator.find("mosquitto_pub"));
        }
    }

    @Test
    public void misspeltKeyInConfigFile_isRefusedNamingTheKeyItMeant() throws Exception {
        File config = File.createTempFile("relayboard", ".properties");
        Files.writeString(config.toPath(), "relayboard.mqtt.cleansession=false\n");
        File png = tempPng();
        try (SimulatorProcess simulator = start("--config", config.getPath(), "--lcd-png", png.getPath())) {
            String refusal = "Configuration error: unknown key relayboard.mqtt.cleansession"
                    + " (did you mean relayboard.mqtt.cleanSession?)";
            simulator.awaitLine(refusal);
            simulator.closeInput();
            assertTrue(simulator.awaitExit());
            assertEquals(Simulator.EXIT_REFUSED, simulator.exitValue());
            // A script that checks the LCD after the simulator ended finds the refusal there, whole.
            LcdImages.awaitWholeNotice(png, refusal, LcdScreen.ERROR_TEXT, 0);
        }
    }

    @Test
    public void malformedUnicodeEscapeInConfigFile_isOneLineNamingFileAndLine() throws Exception {
        File config = File.createTempFile("relayboard", ".properties");
        Files.writeString(config.toPath(), "# a comment with \\uZZZZ is no escape\nrelayboard.mqtt.qos=1\n"
                + "relayboard.relay.1.suffix=\\uZZZZ\n", StandardCharsets.UTF_8);
        assertRefusedInOneLine("relayboard-sim: --config " + config.getPath()
                + " line 3: \\u must be followed by four hex digits (write \\\\ for a backslash)", "--config",
                config.getPath());
    }

    @Test
    public void missingConfigFile_isOneLineWithTheReason() throws Exception {
        File missing = new File(Files.createTempDirectory("first-run").toFile(), "missing.properties");
        assertRefusedInOneLine("relayboard-sim: cannot read --config " + missing.getPath()
                + ": no such file or directory", "--config", missing.getPath());
    }

    @Test
    public void unwritableLcdPng_isRefusedAtStart_withThePathAndTheReason() throws Exception {
        assertRefusedInOneLine("relayboard-sim: --lcd-png /proc/x.png: cannot create a file in /proc"
                + " (no such file or directory)", "--lcd-png", "/proc/x.png");
    }

    @Test
    public void lcdPngThatBecomesUnwritable_saysItsReasonOnce_andIsWrittenAgainOnceItCanBe() throws Exception {
        Path folder = Files.createTempDirectory("first-run");
        Path lcdFolder = Files.createDirectory(folder.resolve("lcd"));
        Path aFile = Files.writeString(folder.resolve("a-file"), "not a folder");
        // The PNG's folder is a link, swapped in one step between a folder and a file, so that no frame is
        // written half way through the swap.
        Path sub = Files.createSymbolicLink(folder.resolve("sub"), lcdFolder);
        File png = sub.resolve("lcd.png").toFile();
        try (SimulatorProcess simulator = start("--lcd-png", png.getPath())) {
            simulator.awaitLine("MQTT: CONNECTED");
            assertTrue("the LCD is written", awaitFile(png));
            pointLink(sub, aFile);
            simulator.send("wifi down");
            String failure = simulator.awaitLine("cannot write the LCD to " + png.getPath());
            // Which check meets the file first depends on whether a frame was being written during the swap.
            String start = "[simulator] cannot write the LCD to " + png.getPath() + ": ";
            String end = "; the image stays as it was until a write works again";
            assertTrue(failure, failure.equals(start + sub + " is a file, not a folder" + end)
                    || failure.equals(start + "Not a directory" + end));
            // Reconnecting redraws the status lines a few times, none of which can be written.
            simulator.send("wifi up");
            simulator.awaitLine("(reconnect 1)");
            // The folder is back: the next redraw is written. The writer tries frames in turn, so by then every
            // failed one has been tried.
            Files.delete(lcdFolder.resolve("lcd.png"));
            pointLink(sub, lcdFolder);
            simulator.send("wifi down");
            assertTrue("the LCD is written again", awaitFile(png));
            assertEquals("the failure was said once, for every redraw it lasted: " + simulator.lines(), 1,
                    count(simulator.lines(), "cannot write the LCD"));
        }
    }

    /** Makes the symbolic link {@code link} point at {@code target}, atomically. */
    private static void pointLink(Path link, Path target) throws Exception {
        Path next = Files.createSymbolicLink(link.resolveSibling(link.getFileName() + ".next"), target);
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the simulator headless, with the embedded broker; its broker log in a temporary folder. */
    private static SimulatorProcess start(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--headless"));
        if (!List.of(options).contains("--broker-log")) {
            args.addAll(List.of("--broker-log", new File(Files.createTempDirectory("broker").toFile(), "broker.log")
                    .getPath()));
        }
        args.addAll(List.of(options));
        return SimulatorProcess.start(List.of(), Map.of(), args, TIMEOUT_MS);
    }

    private static void assertRefusedInOneLine(String expected, String... options) throws Exception {
        try (SimulatorProcess simulator = start(options)) {
            assertTrue("the simulator refuses at once", simulator.awaitExit());
            assertEquals(Simulator.EXIT_REFUSED, simulator.exitValue());
            assertEquals("one line, no stack trace", List.of(expected), simulator.lines());
        }
    }

    private static File tempPng() throws Exception {
        return new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
    }

    private static int brokerPort(SimulatorProcess simulator) throws InterruptedException {
        String line = simulator.awaitLine("Embedded MQTT broker (HiveMQ CE) on 127.0.0.1:");
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
    }

    /** @return the client id the board's start line gives */
    private static String clientId(SimulatorProcess simulator) throws InterruptedException {
        String line = simulator.awaitLine(", client id ");
        String from = line.substring(line.indexOf(", client id ") + ", client id ".length());
        return from.substring(0, from.indexOf(','));
    }

    private static boolean awaitFileContains(File file, String text) throws Exception {
        return Poll.withinEvery(50, TIMEOUT_MS,
                () -> file.isFile() && Files.readString(file.toPath(), StandardCharsets.UTF_8).contains(text));
    }

    private static boolean awaitFile(File file) throws InterruptedException {
        return Poll.within(TIMEOUT_MS, file::isFile);
    }

    private static int count(List<String> lines, String fragment) {
        int count = 0;
        for (String line : lines) {
            count += line.contains(fragment) ? 1 : 0;
        }
        return count;
    }
}
