package com.relayboard.sim;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The tutorials' readers publish Chinese: the board's console shows it as UTF-8 though the board's {@code System.out}
 * is ISO-8859-1 (MicroEJ's default, which the simulator has too) and whatever the host's locale. The firmware writes
 * UTF-8 bytes raw: had it printed the line through {@code System.out}, {@code caf\u00E9} would come out as the
 * single byte E9 (not UTF-8) and {@code \u4F60\u597D} as {@code ??}; under {@code LANG=C} the JVM's own default is
 * ASCII, which would spoil both again.
 */
public class Utf8ConsoleIT {

    private static final long TIMEOUT_MS = 60000;
    private static final String NIHAO = "caf\u00E9 \u4F60\u597D";

    @Test
    public void chineseMessage_printsAsUtf8_throughAnIso88591SystemOut_underLangC() throws Exception {
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
            // Printed at start, before the lines above, if the jar's agent had not given the board its UART stall.
            assertTrue(simulator.find("holds only its writer") == null);
        }
    }
}
