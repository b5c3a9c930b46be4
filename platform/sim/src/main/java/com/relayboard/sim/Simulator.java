package com.relayboard.sim;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.display.HostFont;

/**
 * The desktop simulator's command line: runs the RelayBoard firmware on the host platform, with an
 * embedded broker unless one is given, and takes commands on standard input.
 */
public final class Simulator {

    static final String USAGE = String.join("\n",
            "Usage: java -jar platform/sim/target/relayboard-sim.jar [options]",
            "  --board NAME          the board to be: lcd-neopixel (default: 320x240 LCD, NeoPixel),",
            "                        wrover-kit (LCD, one red LED), s3-devkitc (no display, NeoPixel)",
            "  --broker URI          use this broker (tcp://host:port, or ssl://host:port with",
            "                        -Drelayboard.mqtt.caCert=CA.pem) instead of the embedded one",
            "  --config FILE         load relayboard.* settings from a properties file",
            "  --headless            no front panel window; the LCD is written as a PNG on every change",
            "                        (the default where there is no screen)",
            "  --scale N             the front panel's LCD at N times its pixel size (default 1)",
            "  --lcd-png FILE        where to write the LCD (default: relayboard-lcd.png)",
            "  --ap-ssid SSID        the simulated access point's SSID (default: the firmware's default)",
            "  --ap-password TEXT    the simulated access point's passphrase (default: the firmware's default)",
            "  --help                this text",
            "Commands on standard input: wifi down | wifi up | status | quit");

    private Simulator() {
    }

    public static void main(String[] args) throws IOException {
        // The board's console is UTF-8, as the device's UART is: not the host locale's charset (LANG=C prints ?).
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Properties settings = new Properties();
        File lcdPng = new File("relayboard-lcd.png");
        boolean headless = GraphicsEnvironment.isHeadless();
        String apSsid = null;
        String apPassword = null;
        BoardProfile profile = BoardProfile.LCD_NEOPIXEL;
        int scale = FrontPanel.DEFAULT_SCALE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
            case "--board":
                try {
                    profile = BoardProfile.byId(value(args, ++i, arg));
                } catch (IllegalArgumentException e) {
                    fail("--board: " + e.getMessage());
                }
                break;
            case "--scale":
                scale = intValue(args, ++i, arg, 1, 8);
                break;
            case "--broker":
                settings.setProperty(ConfigLoader.MQTT_BROKER, value(args, ++i, arg));
                break;
            case "--config":
                loadConfig(new File(value(args, ++i, arg)), settings);
                break;
            case "--headless":
                headless = true;
                break;
            case "--lcd-png":
                lcdPng = new File(value(args, ++i, arg));
                break;
            case "--ap-ssid":
                apSsid = value(args, ++i, arg);
                break;
            case "--ap-password":
                apPassword = value(args, ++i, arg);
                break;
            case "--help":
            case "-h":
                System.out.println(USAGE);
                return;
            default:
                fail("unknown option " + arg);
            }
        }
        // -D relayboard.* options on the java command line count as configured too.
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("relayboard.") && !settings.containsKey(key)) {
                settings.setProperty(key, System.getProperty(key));
            }
        }

        FrontPanel panel = null;
        if (!headless) {
            // Opened before the board so that its console shows the firmware's first lines too.
            panel = FrontPanel.open(profile, scale, System.out);
            System.setOut(panel.console());
        }
        SimulatedBoard simulated = new SimulatedBoard(settings, lcdPng).board(profile);
        if (apSsid != null || apPassword != null) {
            simulated.accessPoint(apSsid, apPassword, null);
        }
        RelayBoard board = simulated.start();
        if (panel != null) {
            panel.attach(simulated);
        }
        // The board's console: the front panel's, which also goes to the terminal, or the terminal alone.
        PrintStream out = System.out;
        printPairing(out, simulated, WebCompanion.startFor(simulated));
        if (board == null) {
            out.println("[simulator] the firmware refused its configuration (see above); type quit to leave");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulated::stop, "simulator-shutdown"));
        readCommands(System.in, out, simulated);
        System.exit(0);
    }

    private static void printPairing(PrintStream out, SimulatedBoard simulated, String[] webLines) {
        String from = System.getProperty(ConfigLoader.RELAY_PREFIX + "1.from");
        String end = lastTarget();
        String hostPort = simulated.brokerUri().substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "1883" : hostPort.substring(colon + 1);
        out.println("[simulator] ------------------------------------------------------------------");
        if (simulated.embeddedBrokerPort() > 0) {
            out.println("[simulator] Embedded MQTT broker (Moquette) on " + host + ":" + port);
        } else {
            out.println("[simulator] Broker: " + simulated.brokerUri());
        }
        out.println("[simulator] Pair a desktop client. In one terminal, watch the end of the relay:");
        out.println("[simulator]   mosquitto_sub -h " + host + " -p " + port + " -t '" + end + "' -v");
        out.println("[simulator] In another, publish to its start:");
        out.println("[simulator]   mosquitto_pub -h " + host + " -p " + port + " -t '" + from + "' -m hello");
        for (String line : webLines) {
            out.println("[simulator] " + line);
        }
        BoardProfile profile = simulated.profile();
        out.println("[simulator] Board: " + profile.id() + " (" + profile.title() + ")");
        if (simulated.lcdPng() != null) {
            out.println("[simulator] LCD: " + simulated.lcdPng().getAbsolutePath() + " (rewritten on every change)");
        } else {
            out.println("[simulator] No display on this board: watch this console and the LED");
        }
        if (simulated.lcdPng() != null && HostFont.defaultFont().cjkFamily() == null) {
            out.println("[simulator] No " + HostFont.CJK_FAMILY + " font (Debian: fonts-wqy-microhei): Chinese on the"
                    + " LCD is drawn by the JDK's fallback, maybe as boxes");
        }
        out.println("[simulator] Commands: wifi down | wifi up | status | quit");
        out.println("[simulator] ------------------------------------------------------------------");
    }

    /** @return where the relay chain that starts at rule 1 ends */
    private static String lastTarget() {
        String topic = System.getProperty(ConfigLoader.RELAY_PREFIX + "1.to");
        for (int hop = 0; hop < ConfigLoader.MAX_RULES; hop++) {
            String next = null;
            for (int n = 1; n <= ConfigLoader.MAX_RULES; n++) {
                if (topic != null && topic.equals(System.getProperty(ConfigLoader.RELAY_PREFIX + n + ".from"))) {
                    next = System.getProperty(ConfigLoader.RELAY_PREFIX + n + ".to");
                }
            }
            if (next == null) {
                break;
            }
            topic = next;
        }
        return topic;
    }

    static void readCommands(InputStream in, PrintStream out, SimulatedBoard simulated) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String command = line.trim().replaceAll("\\s+", " ");
            switch (command) {
            case "":
                break;
            case "wifi down":
                simulated.setWifi(false);
                out.println("[simulator] access point out of range: the board's Wi-Fi link is down");
                break;
            case "wifi up":
                simulated.setWifi(true);
                out.println("[simulator] access point back in range");
                break;
            case "status":
                RelayBoard board = simulated.board();
                out.println("[simulator] " + (board == null ? "board halted: configuration refused" : board.status()));
                break;
            case "quit":
            case "exit":
                simulated.stop();
                return;
            default:
                out.println("[simulator] unknown command \"" + command + "\"; commands: wifi down | wifi up | status | quit");
            }
        }
        // Standard input closed (run in the background): keep the board running until killed.
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void loadConfig(File file, Properties settings) {
        Properties loaded = new Properties();
        try (InputStream in = new FileInputStream(file)) {
            loaded.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            fail("cannot read --config " + file + ": " + e.getMessage());
        }
        for (String key : loaded.stringPropertyNames()) {
            if (!key.startsWith("relayboard.")) {
                fail("--config " + file + ": unknown key " + key + " (keys start with relayboard.)");
            }
            settings.setProperty(key, loaded.getProperty(key));
        }
    }

    private static int intValue(String[] args, int index, String option, int min, int max) {
        String text = value(args, index, option);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        fail(option + " takes a number from " + min + " to " + max + ", not \"" + text + "\"");
        return min;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static void fail(String message) {
        System.err.println("relayboard-sim: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
