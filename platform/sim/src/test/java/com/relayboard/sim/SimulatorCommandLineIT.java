package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        try (SimulatorProcess simulator = SimulatorProcess.start(List.of(), Map.of(),
                List.of("--headless", "--lcd-png", png.getAbsolutePath()), TIMEOUT_MS)) {
            String pub = simulator.awaitLine("mosquitto_pub -h 127.0.0.1 -p ");
            String sub = simulator.awaitLine("mosquitto_sub -h 127.0.0.1 -p ");
            simulator.awaitLine("LCD: " + png.getAbsolutePath());
            // The web companion's page is served, and told the embedded broker's WebSockets URL.
            String ws = simulator.awaitLine("MQTT over WebSockets: ws://127.0.0.1:");
            assertTrue(ws, ws.endsWith("/mqtt"));
            String web = simulator.awaitLine("Web companion: http://127.0.0.1:");
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(web.substring(web.indexOf("http://")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body(), page.body().contains("node_modules/mqtt/dist/mqtt.min.js"));
            simulator.awaitLine("MQTT: CONNECTED");
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
            awaitStatus(simulator, "relayed 2");
            simulator.send("wifi down");
            simulator.awaitLine("MQTT: WAITING_FOR_NETWORK");
            simulator.send("wifi up");
            simulator.awaitLine("(reconnect 1)");
            simulator.send("quit");
            assertTrue("the simulator did not quit", simulator.awaitExit());
            assertEquals(0, simulator.exitValue());
            assertTrue("the LCD PNG was not written", png.isFile());
        }
    }

    private static void awaitStatus(SimulatorProcess simulator, String fragment) throws Exception {
        String[] status = new String[1];
        // Asked every 100 ms: each look is a status command.
        Poll.untilEvery(100, TIMEOUT_MS, () -> {
            if (status[0] != null) {
                simulator.forget(status[0]);
            }
            simulator.send("status");
            status[0] = simulator.awaitLine("[simulator] WiFi ");
            return status[0].contains(fragment);
        }, () -> "status never said \"" + fragment + "\": " + status[0]);
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.trim().split(" +")) {
            words.add(word.replace("'", ""));
        }
        return words;
    }
}
