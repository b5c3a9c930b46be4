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
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.display.HostFont;
import com.relayboard.host.net.SimulatedAccessPoint;

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
            "  --broker-log FILE     where the embedded broker's log goes (default: relayboard-broker.log);",
            "                        - shows it on this terminal as it happens",
            "  --ap-ssid SSID        the simulated access point's SSID (default: the firmware's default)",
            "  --ap-password TEXT    the simulated access point's passphrase (default: the firmware's default)",
            "  --dhcp-delay MS       how long the access point's DHCP takes after a join (default: 200);",
            "                        0 for at once, never for never (the board's DHCP timeout shows)",
            "  --evaluation-limit D  the board's VM ends after D (500ms, 90s, 5min, 2h), as MicroEJ's Evaluation",
            "                        engine ends it (default: 60min, as on the public VEE Ports); none: never",
            "  --after-evaluation W  what the chip does then: stop (default: as the public VEE Ports, dead",
            "                        until reset) or reset (as with esp_restart() added to main/microej.c)",
            "  --help                this text",
            "Commands on standard input: wifi down | wifi up | status | reset | quit",
            "Exit status: 0 after quit; 2 for a refused option or configuration (the board halts and says why);",
            "1 when the embedded broker cannot start.");

    /** The exit status of a refused option, file or configuration. */
    static final int EXIT_REFUSED = 2;
    /** How long a halted board's last frame may take to reach the PNG before the simulator ends. */
    private static final long LCD_WRITTEN_TIMEOUT_MS = 5000;
    /** {@code --broker-log -}: the broker's log on the terminal, live. */
    private static final String LIVE = "-";
    /** Set once the chip can be reset (the board's VM ended): standard input goes to the fresh board then. */
    private static volatile ChipReset chipReset;

    private Simulator() {
    }

    public static void main(String[] args) throws IOException {
        // The board's console is UTF-8, as the device's UART is: not the host locale's charset (LANG=C prints ?).
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Properties settings = new Properties();
        File lcdPng = new File("relayboard-lcd.png");
        String brokerLog = "relayboard-broker.log";
        boolean headless = GraphicsEnvironment.isHeadless();
        String apSsid = null;
        String apPassword = null;
        long leaseDelayMs = SimulatedAccessPoint.DEFAULT_LEASE_DELAY_MS;
        BoardProfile profile = BoardProfile.LCD_NEOPIXEL;
        int scale = FrontPanel.DEFAULT_SCALE;
        long evaluationLimitMs = EvaluationEngine.EVALUATION_TIME_LIMIT_MS;
        boolean resetAfterEvaluation = false;
        boolean supervised = false;
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
            case "--broker-log":
                brokerLog = value(args, ++i, arg);
                break;
            case "--ap-ssid":
                apSsid = value(args, ++i, arg);
                break;
            case "--ap-password":
                apPassword = value(args, ++i, arg);
                break;
            case "--dhcp-delay":
                leaseDelayMs = leaseDelayValue(value(args, ++i, arg));
                break;
            case "--evaluation-limit":
                try {
                    evaluationLimitMs = EvaluationEngine.parseLimit(value(args, ++i, arg));
                } catch (IllegalArgumentException e) {
                    fail("--evaluation-limit takes " + e.getMessage());
                }
                break;
            case "--after-evaluation":
                String after = value(args, ++i, arg);
                if (!after.equals("stop") && !after.equals("reset")) {
                    fail("--after-evaluation takes stop or reset, not \"" + after + "\"");
                }
                resetAfterEvaluation = after.equals("reset");
                break;
            case ChipReset.SUPERVISED_OPTION:
                supervised = true;
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

        if (profile.hasDisplay()) {
            refuseUnwritable("--lcd-png", lcdPng);
        }
        File brokerLogFile = null;
        if (!settings.containsKey(ConfigLoader.MQTT_BROKER) && !LIVE.equals(brokerLog)) {
            brokerLogFile = new File(brokerLog).getAbsoluteFile();
            refuseUnwritable("--broker-log", brokerLogFile);
            EmbeddedBroker.logTo(brokerLogFile);
        }

        FrontPanel panel = null;
        if (!headless) {
            // Opened before the board so that its console shows the firmware's first lines too.
            panel = FrontPanel.open(profile, scale, System.out);
            System.setOut(panel.console());
        }
        SimulatedBoard simulated = new SimulatedBoard(settings, lcdPng).board(profile).leaseDelayMs(leaseDelayMs);
        simulated.evaluationLimitMs(evaluationLimitMs,
                whenVmEnded(args, simulated, evaluationLimitMs, resetAfterEvaluation, supervised));
        if (apSsid != null || apPassword != null) {
            simulated.accessPoint(apSsid, apPassword, null);
        }
        RelayBoard board = null;
        try {
            board = simulated.start();
        } catch (IOException e) {
            // The room could not be set up (the embedded broker found no port): nothing to run.
            System.err.println("relayboard-sim: " + e.getMessage());
            System.exit(1);
        }
        if (panel != null) {
            panel.attach(simulated);
        }
        // The simulator's own lines: beside the board's console (the front panel's, which also goes to the terminal,
        // or the terminal alone), not through the board's UART.
        PrintStream out = simulated.hostConsole();
        Runtime.getRuntime().addShutdownHook(new Thread(simulated::stop, "simulator-shutdown"));
        if (board == null) {
            // Nothing to pair with: the board halted on its error, as a real one would, and shows it.
            out.println("[simulator] the board refused its configuration (the line above) and is halted;"
                    + " quit (or the end of standard input) leaves with exit status " + EXIT_REFUSED);
            readCommands(System.in, out, simulated);
            try {
                simulated.awaitLcdWritten(LCD_WRITTEN_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            simulated.stop();
            System.exit(EXIT_REFUSED);
        }
        printPairing(out, simulated, brokerLogFile, WebCompanion.startFor(simulated));
        if (!readCommands(System.in, out, simulated)) {
            // Standard input closed (run in the background): keep the board running until killed.
            waitForever();
        }
        System.exit(0);
    }

    /**
     * What the simulator does when the board's VM ends as the Evaluation engine ends it: a supervised board ends its
     * process (its supervisor resets the chip); otherwise the chip stays dead until {@code reset}, or is reset at once
     * with {@code --after-evaluation reset}.
     */
    private static Runnable whenVmEnded(String[] args, SimulatedBoard simulated, long limitMs, boolean reset,
            boolean supervised) {
        return () -> {
            if (supervised) {
                // No shutdown hook: nothing more runs of this board, nothing is said to the broker.
                Runtime.getRuntime().halt(ChipReset.EXIT_VM_ENDED);
            }
            PrintStream out = System.out;
            RelayBoard board = simulated.board();
            chipReset = new ChipReset(args, simulated.embeddedBrokerPort() > 0 ? simulated.brokerUri() : null,
                    board == null ? null : board.clientId(), out);
            out.println("[simulator] The board's VM ended after " + EvaluationEngine.describe(limitMs)
                    + ", as MicroEJ's Evaluation engine ends it; the public VEE Ports do not restart the chip, so it"
                    + " stays dead, its connections open and silent (platform/README.md, \"The Evaluation engine\").");
            if (reset) {
                chipReset.reset();
            } else {
                out.println("[simulator] Type reset for a chip reset (or start with --after-evaluation reset), quit to"
                        + " leave.");
            }
        };
    }

    private static void waitForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void printPairing(PrintStream out, SimulatedBoard simulated, File brokerLog, String[] webLines) {
        String from = System.getProperty(ConfigLoader.RELAY_PREFIX + "1.from");
        String end = lastTarget();
        String hostPort = simulated.brokerUri().substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "1883" : hostPort.substring(colon + 1);
        out.println("[simulator] ------------------------------------------------------------------");
        if (simulated.embeddedBrokerPort() > 0) {
            out.println("[simulator] Embedded MQTT broker (HiveMQ CE) on " + host + ":" + port);
            out.println("[simulator] Its log: " + (brokerLog == null ? "on this terminal (--broker-log -)"
                    : brokerLog + " (--broker-log - shows it here)"));
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
        if (simulated.evaluationLimitMs() > EvaluationEngine.NO_LIMIT) {
            // The public VEE Ports' Evaluation engine: said up front, so that an hour later a dead board is no surprise.
            out.println("[simulator] Evaluation engine: the board's VM ends after "
                    + EvaluationEngine.describe(simulated.evaluationLimitMs())
                    + ", as on the public VEE Ports (--evaluation-limit none: never; README, \"On a real board\")");
        }
        out.println("[simulator] Commands: wifi down | wifi up | status | reset | quit");
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

    /**
     * Runs the commands typed on standard input.
     *
     * @return {@code true} after {@code quit} (the board is stopped), {@code false} when standard input ended
     */
    static boolean readCommands(InputStream in, PrintStream out, SimulatedBoard simulated) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            ChipReset reset = chipReset;
            if (reset != null && reset.started()) {
                // The fresh board's: this one's VM ended.
                reset.forward(line);
                continue;
            }
            String command = line.trim().replaceAll("\\s+", " ");
            if (simulated.vmEnded() && !command.equals("reset") && !command.equals("quit") && !command.equals("exit")) {
                out.println("[simulator] the board's VM ended (Evaluation limits reached): reset restarts it, quit"
                        + " leaves");
                continue;
            }
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
            case "reset":
                if (reset == null) {
                    out.println("[simulator] reset restarts a board whose VM ended (--evaluation-limit); this one runs");
                } else {
                    reset.reset();
                }
                break;
            case "quit":
            case "exit":
                simulated.stop();
                return true;
            default:
                out.println("[simulator] unknown command \"" + command + "\"; commands: wifi down | wifi up | status | reset"
                        + " | quit");
            }
        }
        ChipReset reset = chipReset;
        if (reset != null && reset.started()) {
            reset.endOfInput();
        }
        return false;
    }

    private static void loadConfig(File file, Properties settings) {
        Properties loaded = new Properties();
        // Files' exceptions say why in words; FileInputStream's repeat the path.
        try (InputStream in = Files.newInputStream(file.toPath())) {
            loaded.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            refuse("cannot read --config " + file + ": " + WritableFile.reason(e));
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a backslash-u escape without four hex digits. It names no line.
            refuse("--config " + file + malformedEscapeLine(file) + ": \\u must be followed by four hex digits"
                    + " (write \\\\ for a backslash)");
        }
        for (String key : loaded.stringPropertyNames()) {
            if (!key.startsWith("relayboard.")) {
                refuse("--config " + file + ": unknown key " + key + " (keys start with relayboard.)");
            }
            settings.setProperty(key, loaded.getProperty(key));
        }
    }

    /** @return {@code " line N"} for the first line of {@code file} with a malformed {@code \\u} escape, or "" */
    static String malformedEscapeLine(File file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String start = line.trim();
            if (start.startsWith("#") || start.startsWith("!")) {
                // A comment: Properties.load reads no escapes there.
                continue;
            }
            for (int i = 0; i < line.length() - 1; i++) {
                if (line.charAt(i) != '\\') {
                    continue;
                }
                // The escaped character is skipped: an escaped backslash followed by u is no escape.
                i++;
                if (line.charAt(i) == 'u' && !isHex4(line, i + 1)) {
                    return " line " + (n + 1);
                }
            }
        }
        return "";
    }

    private static boolean isHex4(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a file the simulator must write but cannot: at start, rather than on every write. */
    private static void refuseUnwritable(String option, File file) {
        String problem = WritableFile.problem(file);
        if (problem != null) {
            refuse(option + " " + file + ": " + problem);
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

    /** {@code --dhcp-delay}: milliseconds from 0 to a day, or {@code never}. */
    private static long leaseDelayValue(String text) {
        if ("never".equals(text)) {
            return SimulatedAccessPoint.LEASE_NEVER;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= 86400000L) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        fail("--dhcp-delay takes milliseconds from 0 to 86400000, or never, not \"" + text + "\"");
        return SimulatedAccessPoint.DEFAULT_LEASE_DELAY_MS;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    /** A mistyped command line: the line, then how to write it. */
    private static void fail(String message) {
        System.err.println("relayboard-sim: " + message);
        System.err.println(USAGE);
        System.exit(EXIT_REFUSED);
    }

    /** A well-formed command line naming something unusable: that one line says all. */
    private static void refuse(String message) {
        System.err.println("relayboard-sim: " + message);
        System.exit(EXIT_REFUSED);
    }
}
