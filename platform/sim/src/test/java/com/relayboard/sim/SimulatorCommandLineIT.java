package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The README's run command, as a user runs it: the simulator jar in its own process, headless, with
 * the embedded broker; the pairing commands it prints work as printed, and its console commands do
 * what they say.
 */
public class SimulatorCommandLineIT {

    private static final long TIMEOUT_MS = 60000;

    @Test
    public void runCommand_printsWorkingPairingCommands_andAnswersStatusWifiAndQuit() throws Exception {
        File jar = new File("target/relayboard-sim.jar");
        assertTrue("build the jar first: " + jar.getAbsolutePath(), jar.isFile());
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        Process simulator = new ProcessBuilder("java", "-jar", jar.getAbsolutePath(), "--headless", "--lcd-png",
                png.getAbsolutePath()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The simulator ended.
            }
        });
        reader.start();
        OutputStream commands = simulator.getOutputStream();
        try {
            String pub = awaitLine(lines, "mosquitto_pub -h 127.0.0.1 -p ");
            String sub = awaitLine(lines, "mosquitto_sub -h 127.0.0.1 -p ");
            awaitLine(lines, "LCD: " + png.getAbsolutePath());
            awaitLine(lines, "MQTT: CONNECTED");
            // Run the printed commands as printed (without the shell quotes), bounded for the test.
            List<String> subCommand = new ArrayList<>(List.of("stdbuf", "-oL"));
            subCommand.addAll(words(sub.substring(sub.indexOf("mosquitto_sub"))));
            subCommand.addAll(List.of("-C", "1", "-W", "30"));
            Process subscriber = new ProcessBuilder(subCommand).start();
            Thread.sleep(1000);
            Process publisher = new ProcessBuilder(words(pub.substring(pub.indexOf("mosquitto_pub")))).start();
            assertTrue(publisher.waitFor(15, TimeUnit.SECONDS));
            assertTrue(subscriber.waitFor(30, TimeUnit.SECONDS));
            String received = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals("/test/topic3 hello (relay1) (relay2)", received);

            // Both hops were published: the status answer counts them (asked until the second PUBACK is in).
            awaitStatus(commands, lines, "relayed 2");
            send(commands, "wifi down");
            awaitLine(lines, "MQTT: WAITING_FOR_NETWORK");
            send(commands, "wifi up");
            awaitLine(lines, "(reconnect 1)");
            send(commands, "quit");
            assertTrue("the simulator did not quit", simulator.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, simulator.exitValue());
            assertTrue("the LCD PNG was not written", png.isFile());
        } finally {
            simulator.destroyForcibly();
        }
    }

    private static void awaitStatus(OutputStream commands, List<String> lines, String fragment) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            send(commands, "status");
            String status = awaitLine(lines, "[simulator] WiFi ");
            if (status.contains(fragment)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("status never said \"" + fragment + "\": " + status);
            }
            synchronized (lines) {
                lines.remove(status);
            }
            Thread.sleep(100);
        }
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.trim().split(" +")) {
            words.add(word.replace("'", ""));
        }
        return words;
    }

    private static void send(OutputStream commands, String command) throws IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    private static String awaitLine(List<String> lines, String fragment) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.contains(fragment)) {
                        return line;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("the simulator never printed \"" + fragment + "\":\n"
                            + String.join("\n", lines));
                }
                lines.wait(left);
            }
        }
    }
}
