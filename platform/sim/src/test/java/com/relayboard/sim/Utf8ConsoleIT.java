package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The tutorials' readers publish Chinese: the simulator's console prints it as UTF-8 whatever the host's locale.
 * Under {@code LANG=C} the JVM's default charset is ASCII, and without the simulator's own UTF-8 console
 * {@code 你好} would print as {@code ??}.
 */
public class Utf8ConsoleIT {

    private static final long TIMEOUT_MS = 60000;
    private static final String NIHAO = "\u4F60\u597D";

    @Test
    public void chineseMessage_printsAsUtf8_underLangC() throws Exception {
        File png = new File(Files.createTempDirectory("lcd").toFile(), "lcd.png");
        try (SimulatorProcess simulator = SimulatorProcess.start(List.of(), Map.of("LANG", "C", "LC_ALL", "C"),
                List.of("--headless", "--lcd-png", png.getAbsolutePath()), TIMEOUT_MS)) {
            String pub = simulator.awaitLine("mosquitto_pub -h 127.0.0.1 -p ");
            simulator.awaitLine("MQTT: CONNECTED");
            String port = pub.substring(pub.indexOf(" -p ") + 4).trim().split(" ")[0];
            DesktopClients.publish(Integer.parseInt(port), "/test/topic1", NIHAO);
            String line = simulator.awaitLine("New message (topic=\"/test/topic2\"");
            assertTrue(line, line.equals("New message (topic=\"/test/topic2\", message=\"" + NIHAO + " (relay1)\")"));
            assertTrue(simulator.find("New message (topic=\"/test/topic1\", message=\"" + NIHAO + "\")") != null);
        }
    }
}
