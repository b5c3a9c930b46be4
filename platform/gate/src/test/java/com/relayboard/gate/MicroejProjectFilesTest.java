package com.relayboard.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MicroEJ SDK 5 files ({@code module.ivy}, {@code build/}, {@code launches/}, {@code resources/}) can't be built
 * here: MicroEJ's SDK is not installable. This test keeps them in step with the code instead, so that a maker with
 * the SDK gets a project that builds: the module names the main class that exists, declares exactly the MicroEJ
 * modules whose packages the fidelity gate lets the firmware use, and the launches and option files agree with it.
 */
public class MicroejProjectFilesTest {

    private static final String MODULE_IVY = "module.ivy";
    private static final String EASYANT_NS = "http://www.easyant.org";
    private static final String MICROEJ_NS = "https://developer.microej.com";
    private static final String PROJECT_LOC = "${project_loc:RelayBoard}";
    private static final String LAUNCH_PREFIX = "com.is2t.microej.workbench.stdMicroEJLaunchConfiguration";
    private static final String JUNIT = "ej.library.test#junit";

    /**
     * Which MicroEJ module provides each API package (org#name). Sources: microej-project.md section 1.4 and the
     * MicroEJ docs pages it cites. A package the allowlist names but this map does not is a test failure: add the
     * module here and to module.ivy together.
     */
    private static final Map<String, String> MODULE_OF_PACKAGE = new LinkedHashMap<>();

    static {
        MODULE_OF_PACKAGE.put("java.lang", "ej.api#edc");
        MODULE_OF_PACKAGE.put("java.lang.annotation", "ej.api#edc");
        MODULE_OF_PACKAGE.put("java.lang.ref", "ej.api#edc");
        MODULE_OF_PACKAGE.put("java.lang.reflect", "ej.api#edc");
        MODULE_OF_PACKAGE.put("java.io", "ej.api#edc");
        MODULE_OF_PACKAGE.put("java.util", "ej.api#edc");
        MODULE_OF_PACKAGE.put("ej.bon", "ej.api#bon");
        MODULE_OF_PACKAGE.put("java.net", "ej.api#net");
        // MicroEJ's TLS MQTT example (Example-IOT ssl.mqtt.publisher module.ivy) builds its SSLContext from a
        // KeyStore, a CertificateFactory and a SocketFactory with ej.api#ssl as its only security dependency.
        MODULE_OF_PACKAGE.put("javax.net", "ej.api#ssl");
        MODULE_OF_PACKAGE.put("javax.net.ssl", "ej.api#ssl");
        MODULE_OF_PACKAGE.put("java.security", "ej.api#ssl");
        MODULE_OF_PACKAGE.put("java.security.cert", "ej.api#ssl");
        MODULE_OF_PACKAGE.put("ej.microui", "ej.api#microui");
        MODULE_OF_PACKAGE.put("ej.microui.display", "ej.api#microui");
        MODULE_OF_PACKAGE.put("ej.microui.event", "ej.api#microui");
        MODULE_OF_PACKAGE.put("ej.microui.event.generator", "ej.api#microui");
        MODULE_OF_PACKAGE.put("ej.microui.led", "ej.api#microui");
        MODULE_OF_PACKAGE.put("ej.drawing", "ej.api#drawing");
        MODULE_OF_PACKAGE.put("ej.mwt", "ej.library.ui#mwt");
        MODULE_OF_PACKAGE.put("ej.mwt.util", "ej.library.ui#mwt");
        MODULE_OF_PACKAGE.put("ej.mwt.style", "ej.library.ui#mwt");
        MODULE_OF_PACKAGE.put("ej.mwt.render", "ej.library.ui#mwt");
        MODULE_OF_PACKAGE.put("ej.widget.basic", "ej.library.ui#widget");
        MODULE_OF_PACKAGE.put("ej.widget.container", "ej.library.ui#widget");
        MODULE_OF_PACKAGE.put("ej.ecom", "ej.api#ecom");
        MODULE_OF_PACKAGE.put("ej.ecom.wifi", "ej.api#ecom-wifi");
        MODULE_OF_PACKAGE.put("ej.ecom.network", "ej.api#ecom-network");
        MODULE_OF_PACKAGE.put("ej.net.util.wifi", "ej.library.iot#wifi-util");
        MODULE_OF_PACKAGE.put("org.eclipse.paho.client.mqttv3", "ej.library.iot#micropaho");
        MODULE_OF_PACKAGE.put("org.junit", JUNIT);
    }

    /** Classes of an EDC package that another module provides: the file streams come with FS (docs fs.rst). */
    private static final Map<String, String> MODULE_OF_CLASS = new LinkedHashMap<>();

    static {
        for (String fsClass : new String[] { "File", "FileInputStream", "FileOutputStream", "FileReader",
                "FileWriter", "RandomAccessFile", "FileNotFoundException", "FileFilter", "FilenameFilter" }) {
            MODULE_OF_CLASS.put("java.io." + fsClass, "ej.api#fs");
        }
    }

    private static Path root;
    private static Element ivyInfo;
    private static Element ivyBuild;
    private static Document ivy;

    @BeforeClass
    public static void readModule() throws Exception {
        root = Paths.get("").toAbsolutePath().resolve("../..").normalize();
        assertTrue("the repository root holds module.ivy: " + root, Files.isRegularFile(root.resolve(MODULE_IVY)));
        ivy = parse(root.resolve(MODULE_IVY));
        Element module = ivy.getDocumentElement();
        assertEquals("ivy-module", module.getLocalName());
        assertEquals("2.0", module.getAttribute("version"));
        assertEquals("MMM semantics are on", "2.0.0", module.getAttributeNS(MICROEJ_NS, "version"));
        ivyInfo = onlyChild(module, null, "info");
        ivyBuild = onlyChild(ivyInfo, EASYANT_NS, "build");
    }

    @Test
    public void moduleIsAStandaloneFirmwareOfBuildType2() {
        assertEquals("com.is2t.easyant.buildtypes", ivyBuild.getAttribute("organisation"));
        assertEquals("build-firmware-singleapp", ivyBuild.getAttribute("module"));
        assertTrue("build type 2.x: " + ivyBuild.getAttribute("revision"),
                ivyBuild.getAttribute("revision").startsWith("2."));
        assertTrue("revision M.m.p: " + ivyInfo.getAttribute("revision"),
                ivyInfo.getAttribute("revision").matches("\\d+\\.\\d+\\.\\d+"));
        Matcher version = Pattern.compile("String VERSION = \"([^\"]+)\";").matcher(read(
                "src/main/java/com/relayboard/firmware/RelayBoard.java"));
        assertTrue("RelayBoard.VERSION", version.find());
        assertEquals("the module's revision is the version the firmware prints at start", version.group(1),
                ivyInfo.getAttribute("revision"));
    }

    @Test
    public void mainClassExistsAndHasMain() throws IOException {
        String mainClass = buildProperty("application.main.class");
        Path source = root.resolve("src/main/java/" + mainClass.replace('.', '/') + ".java");
        assertTrue("the main class's source exists: " + source, Files.isRegularFile(source));
        String text = read(source);
        assertTrue(mainClass + " has public static void main(String[])",
                Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(\\s*String\\s*\\[\\]\\s*\\w+\\s*\\)")
                        .matcher(text).find());
    }

    @Test
    public void vePortIsSelectedByItsSourceFolderAndTestsAreIncluded() {
        assertFalse("the VEE Port is selected through platform-loader.target.platform.dir",
                buildProperty("platform-loader.target.platform.dir").isEmpty());
        for (String other : new String[] { "platform-loader.target.platform.file" }) {
            assertEquals("only one way of selecting the VEE Port: " + other, null, buildPropertyOrNull(other));
        }
        NodeList platformDeps = ivy.getElementsByTagName("dependency");
        for (int i = 0; i < platformDeps.getLength(); i++) {
            String conf = ((Element) platformDeps.item(i)).getAttribute("conf");
            assertFalse("no VEE Port dependency as well (two ways is a build error)", conf.startsWith("platform"));
        }
        assertEquals("**/_AllTests_*.class", buildProperty("test.run.includes.pattern"));
    }

    @Test
    public void dependenciesAreExactlyTheModulesOfTheAllowedPackages() throws IOException {
        Allowlist allowlist = Allowlist.load(root.resolve("platform/gate/firmware-api.allowlist"));
        TreeMap<String, TreeSet<String>> needed = new TreeMap<>();
        TreeSet<String> neededByMainCode = new TreeSet<>();
        for (Allowlist.Entry entry : allowlist.entries()) {
            String className = entry.className();
            String pkg = className.substring(0, className.lastIndexOf('/')).replace('/', '.');
            String module = MODULE_OF_CLASS.containsKey(className.replace('/', '.'))
                    ? MODULE_OF_CLASS.get(className.replace('/', '.')) : MODULE_OF_PACKAGE.get(pkg);
            assertNotNull("the allowlist lets the firmware use package " + pkg + " (line " + entry.line()
                    + "): say which MicroEJ module provides it, here and in module.ivy", module);
            needed.computeIfAbsent(module, k -> new TreeSet<>()).add(pkg);
            if (!entry.testOnly()) {
                neededByMainCode.add(module);
            }
        }
        Map<String, Element> declared = new TreeMap<>();
        NodeList deps = ivy.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String key = dep.getAttribute("org") + "#" + dep.getAttribute("name");
            assertEquals("declared once: " + key, null, declared.put(key, dep));
            assertTrue(key + " has a revision M.m.p: " + dep.getAttribute("rev"),
                    dep.getAttribute("rev").matches("\\d+\\.\\d+\\.\\d+"));
        }
        assertEquals("module.ivy declares a dependency for each module whose packages the allowlist allows, "
                + "and no other (needed: " + needed + ")", needed.keySet(), declared.keySet());
        for (Map.Entry<String, Element> dep : declared.entrySet()) {
            String conf = dep.getValue().getAttribute("conf");
            if (neededByMainCode.contains(dep.getKey())) {
                assertEquals(dep.getKey() + " is needed by the firmware itself: default configuration", "", conf);
            } else {
                assertTrue(dep.getKey() + " is needed by tests only: test configuration, was '" + conf + "'",
                        conf.startsWith("test->"));
            }
        }
        assertEquals("MicroEJ's JUnit, the version of its SDK 5 examples", "1.7.1", declared.get(JUNIT).getAttribute("rev"));
    }

    @Test
    public void launchesRunTheMainClassWithTheOptionFiles() throws Exception {
        String mainClass = buildProperty("application.main.class");
        String projectName = onlyChild(parse(root.resolve(".project")).getDocumentElement(), null, "name")
                .getTextContent().trim();
        assertEquals("the launches name the project RelayBoard", "RelayBoard", projectName);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("RelayBoard (SIM).launch", "s3");
        kinds.put("RelayBoard (EMB).launch", "board");
        kinds.put("RelayBoard (EMB, ESP32-S3-DevKitC-1).launch", "board");
        // The device launches name their VEE Port as its .platform file does (hardwarePartNumber, toolchain, version):
        // ESP32WROVER.platform at 7e4d2fb and ESP32S3DevKitC1.platform at 033ac5f.
        Map<String, String[]> platforms = new LinkedHashMap<>();
        platforms.put("RelayBoard (EMB).launch", new String[] { "ESP32WROVER", "GNUv84_xtensa-esp32-psram", "2.2.1" });
        platforms.put("RelayBoard (EMB, ESP32-S3-DevKitC-1).launch",
                new String[] { "ESP32S3DevKitC1", "GNUv112_xtensa-esp32s3", "2.5.0" });
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            Path file = root.resolve("launches").resolve(kind.getKey());
            assertTrue("launch exists: " + file, Files.isRegularFile(file));
            Element launch = parse(file).getDocumentElement();
            assertEquals("com.is2t.microEJ.workbench.MicroEJLaunchConfigurationType", launch.getAttribute("type"));
            assertEquals(kind.getKey() + " main class", mainClass, attribute(launch, LAUNCH_PREFIX + "MainClass"));
            assertEquals(kind.getKey() + " main type", mainClass, attribute(launch, "org.eclipse.jdt.launching.MAIN_TYPE"));
            assertEquals(kind.getKey() + " execution kind", kind.getValue(), attribute(launch, LAUNCH_PREFIX + "ExecutionKind"));
            assertEquals(projectName, attribute(launch, LAUNCH_PREFIX + "Project"));
            List<String> optionFiles = listAttribute(launch, LAUNCH_PREFIX + "OptionPropertiesFiles");
            assertTrue(kind.getKey() + " reads build/common.properties: " + optionFiles,
                    optionFiles.contains(PROJECT_LOC + "/build/common.properties"));
            String targetFolder = kind.getValue().equals("s3") ? "/build/sim/" : "/build/emb/";
            boolean hasOwn = false;
            for (String optionFile : optionFiles) {
                assertTrue(optionFile + " is in the project", optionFile.startsWith(PROJECT_LOC + "/"));
                Path path = root.resolve(optionFile.substring(PROJECT_LOC.length() + 1));
                assertTrue(kind.getKey() + ": option file exists: " + path, Files.isRegularFile(path));
                assertFalse(kind.getKey() + " must not read the other target's options: " + optionFile,
                        optionFile.contains(kind.getValue().equals("s3") ? "/build/emb/" : "/build/sim/"));
                hasOwn |= optionFile.contains(targetFolder);
            }
            assertTrue(kind.getKey() + " reads its target's own options too", hasOwn);
            String[] platform = platforms.get(kind.getKey());
            if (platform != null) {
                assertEquals(kind.getKey() + " VEE Port", platform[0], attribute(launch, LAUNCH_PREFIX + "PlatformHPN"));
                assertEquals(kind.getKey() + " toolchain", platform[1],
                        attribute(launch, LAUNCH_PREFIX + "PlatformToolchain"));
                assertEquals(kind.getKey() + " version", platform[2], attribute(launch, LAUNCH_PREFIX + "PlatformVersion"));
                assertEquals(kind.getKey() + " architecture", "ESP32",
                        attribute(launch, LAUNCH_PREFIX + "PlatformArchitecture"));
            }
        }
    }

    /**
     * MicroEJ documents one resources folder, {@code src/main/resources} (docs ApplicationDeveloperGuide/classpath.rst:
     * "any other kind of resources and list files are stored in the src/main/resources folder"); no public source
     * shows the SDK 5 build type honouring a {@code src.main.resources} property, so module.ivy sets none and the
     * build reads the default folder. The desktop build and Eclipse's .classpath read that same folder.
     */
    @Test
    public void resourcesAreInTheFolderMicroejDocumentsAndEveryBuildReadsIt() throws IOException {
        assertEquals("module.ivy leaves src.main.resources at MicroEJ's default", null,
                buildPropertyOrNull("src.main.resources"));
        String classpath = read(".classpath");
        assertTrue(".classpath reads src/main/resources", classpath.contains("path=\"src/main/resources\""));
        assertFalse(".classpath does not read the top-level resources/", classpath.contains("path=\"resources\""));
        assertTrue("the desktop build reads src/main/resources", read("platform/firmware/pom.xml")
                .contains("<directory>${project.basedir}/../../src/main/resources</directory>"));
        Path resources = root.resolve("src/main/resources");
        List<Path> lists = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(resources, "*.list")) {
            for (Path file : files) {
                lists.add(file);
            }
        }
        assertFalse("the firmware's defaults are a *.properties.list in src/main/resources/",
                lists.stream().noneMatch(p -> p.getFileName().toString().endsWith(".properties.list")));
        for (Path list : lists) {
            String name = list.getFileName().toString();
            assertTrue("a list file of a kind MicroEJ reads: " + name,
                    name.matches(".+\\.(properties|resources|fonts|images|types|constants)\\.list"));
        }
    }

    /**
     * The top-level resources/ stays (the project's layout names it) and holds the same list files as
     * src/main/resources, byte for byte, both ways: an edit to one that misses the other fails here. Generated
     * files (the LCD's font) live in src/main/resources only.
     */
    @Test
    public void topLevelResourcesMirrorTheListFilesTheBuildReads() throws IOException {
        Path top = root.resolve("resources");
        Path build = root.resolve("src/main/resources");
        List<String> topFiles = relativeFiles(top);
        assertFalse("resources/ holds the list files", topFiles.isEmpty());
        for (String file : topFiles) {
            Path twin = build.resolve(file);
            assertTrue("resources/" + file + " is also src/main/resources/" + file, Files.isRegularFile(twin));
            assertEquals("resources/" + file + " and src/main/resources/" + file + " are the same file",
                    new String(Files.readAllBytes(top.resolve(file)), StandardCharsets.ISO_8859_1),
                    new String(Files.readAllBytes(twin), StandardCharsets.ISO_8859_1));
        }
        for (String file : relativeFiles(build)) {
            if (file.endsWith(".list")) {
                assertTrue("src/main/resources/" + file + " is also in resources/", topFiles.contains(file));
            }
        }
    }

    /**
     * Every file a list names is committed in src/main/resources, where the build looks for it; the LCD's font and
     * its table are exactly what the documented step makes (platform/font/make-cjk-font.sh, platform/README.md), which
     * this test runs the same way (its generator, into a temporary folder) and compares byte for byte.
     */
    @Test
    public void everyFileAListNamesIsCommitted_theFontAsItsDocumentedStepMakesIt() throws IOException {
        Path build = root.resolve("src/main/resources");
        Path made = Files.createTempDirectory("lcd-font");
        com.relayboard.host.font.CjkFontGenerator.write(com.relayboard.host.font.CjkFontGenerator.generate(
                Paths.get("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
                root.resolve("platform/font/hanzi-tgh-level1.txt"), build.resolve("relayboard.fonts.list")), made);
        assertTrue("platform/README.md documents the step", read("platform/README.md")
                .contains("platform/font/make-cjk-font.sh"));
        String ignored = read(".gitignore");
        int named = 0;
        for (String file : relativeFiles(build)) {
            if (!file.matches(".+\\.(fonts|resources|images)\\.list")) {
                continue;
            }
            for (String line : Files.readAllLines(build.resolve(file), StandardCharsets.UTF_8)) {
                String entry = line.trim();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String path = entry.split(":")[0].trim();
                path = path.startsWith("/") ? path.substring(1) : path;
                assertTrue(file + " names " + path + ", which is not in src/main/resources",
                        Files.isRegularFile(build.resolve(path)) && !ignored.contains(path));
                if (Files.isRegularFile(made.resolve(path))) {
                    assertTrue("src/main/resources/" + path + " is not what platform/font/make-cjk-font.sh makes now:"
                            + " run it and commit the result", Arrays.equals(Files.readAllBytes(made.resolve(path)),
                                    Files.readAllBytes(build.resolve(path))));
                }
                named++;
            }
        }
        assertEquals("the lists name the LCD's font and its table", 2, named);
        assertTrue("the step makes the font", Files.isRegularFile(made.resolve("fonts/relayboard_cjk_16px.ejf")));
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        java.util.Collections.sort(files);
        return files;
    }

    /**
     * The LCD escapes what its font lacks by the firmware's own table (text/GlyphRanges): it must list exactly the
     * ranges the fonts list embeds, or the board would draw boxes (a range the font lacks) or escape what it could
     * draw.
     */
    @Test
    public void fontsListRangesAreTheFirmwaresGlyphRanges() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("src/main/resources/relayboard.fonts.list"), StandardCharsets.UTF_8)) {
            if (!line.trim().isEmpty() && !line.trim().startsWith("#")) {
                entries.add(line.trim());
            }
        }
        assertEquals("one font: " + entries, 1, entries.size());
        String[] parts = entries.get(0).split(":");
        assertEquals("FontPath:Ranges:BitsPerPixel, " + entries.get(0), 3, parts.length);
        assertTrue("an EJF file: " + parts[0], parts[0].endsWith(".ejf"));
        String source = new String(Files.readAllBytes(
                root.resolve("src/main/java/com/relayboard/firmware/text/GlyphRanges.java")), StandardCharsets.UTF_8);
        Matcher table = Pattern.compile("RANGES = \\{([^}]*)\\}").matcher(source);
        assertTrue("GlyphRanges.RANGES found", table.find());
        String[] bounds = table.group(1).replaceAll("\\s", "").split(",");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            expected.append(i == 0 ? "" : ",").append("0x").append(Integer.toHexString(Integer.decode(bounds[i])))
                    .append("-0x").append(Integer.toHexString(Integer.decode(bounds[i + 1])));
        }
        assertEquals("the fonts list's ranges, as GlyphRanges has them", expected.toString(), parts[1]);
    }

    @Test
    public void everyRelayboardKeySetInTheBuildIsOneTheFirmwareReads() throws IOException {
        Properties defaults = load(root.resolve("src/main/resources/relayboard.properties.list"));
        String loader = read("src/main/java/com/relayboard/firmware/config/ConfigLoader.java");
        for (String key : defaults.stringPropertyNames()) {
            assertTrue("relayboard.properties.list sets " + key + ", which ConfigLoader reads",
                    loader.contains("\"" + key + "\"") || relayRuleKey(key) && loader.contains("\"relayboard.relay.\""));
        }
        int optionFiles = 0;
        for (Path file : buildOptionFiles()) {
            optionFiles++;
            Properties options = load(file);
            for (String option : options.stringPropertyNames()) {
                Matcher m = Pattern.compile("(?:microej|sim|emb)\\.java\\.property\\.(relayboard\\..+)").matcher(option);
                if (m.matches()) {
                    assertTrue(root.relativize(file) + " sets " + m.group(1) + ", a key the firmware does not have",
                            defaults.containsKey(m.group(1)));
                }
            }
        }
        assertTrue("build/common.properties, build/sim/, build/emb/", optionFiles >= 3);
    }

    @Test
    public void memoryOptionsLeaveRoomForTheFirmwaresThreads() throws IOException {
        Properties common = load(root.resolve("build/common.properties"));
        int heap = Integer.parseInt(common.getProperty("core.memory.javaheap.size").trim());
        assertTrue("a Java heap of at least the 64 KiB MicroEJ's ESP32 configurations use: " + heap, heap >= 65536);
        long outboxBytes = productConstant("src/main/java/com/relayboard/firmware/RelayBoard.java", "OUTBOX_MAX_BYTES");
        long reportBytes = productConstant("src/main/java/com/relayboard/firmware/BoardEvents.java", "REPORT_CAPACITY")
                * productConstant("src/main/java/com/relayboard/firmware/path/MessageReport.java", "MAX_PAYLOAD_BYTES");
        // The console keeps no lines: each goes out to the UART on the thread that says it (SerialConsole).
        long maxPayload = Long.parseLong(load(root.resolve("src/main/resources/relayboard.properties.list"))
                .getProperty("relayboard.mqtt.maxPayloadBytes").trim());
        long retainedTarget = 64 * 1024;
        assertTrue("the heap (" + heap + ") holds the firmware's own objects (64 KiB), a full outbox (" + outboxBytes
                + "), the reports waiting to be shown (" + reportBytes + ") and the largest payload three times ("
                + maxPayload + ")", heap >= retainedTarget + outboxBytes + reportBytes + 3 * maxPayload);
        assertTrue("an immortal heap is set", Integer.parseInt(common.getProperty("core.memory.immortal.size").trim()) > 0);
        int threads = Integer.parseInt(common.getProperty("core.memory.threads.size").trim());
        // Threads the firmware starts itself, plus main, MicroUI's display pump and MicroPaho's own for each
        // of the session's connections (the publishing one and the receiving ones); the Eclipse Paho port MicroPaho comes from needs four a client
        // (MicroEJ/paho README).
        int started = 0;
        try (Stream<Path> sources = Files.walk(root.resolve("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = Pattern.compile("new Thread\\(").matcher(
                        read(source));
                while (m.find()) {
                    started++;
                }
            }
        }
        // Each lane is a receiving and a publishing connection.
        long connections = 2 * productConstant("src/main/java/com/relayboard/firmware/net/PahoBrokerSession.java",
                "RECEIVING_CONNECTIONS");
        long needed = started + 1 + 1 + connections * 4;
        assertTrue("core.memory.threads.size " + threads + " covers " + needed + " threads", threads >= needed);
    }

    /** @return the value of {@code static final int NAME = a * b ...;} in a source file */
    private static long productConstant(String source, String name) {
        Matcher m = Pattern.compile(name + " = ([0-9 *]+);").matcher(read(source));
        assertTrue(source + ": " + name + " is a product of numbers", m.find());
        long product = 1;
        for (String factor : m.group(1).split("\\*")) {
            product *= Long.parseLong(factor.trim());
        }
        return product;
    }

    private static String read(String path) {
        return read(root.resolve(path));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static boolean relayRuleKey(String key) {
        return key.matches("relayboard\\.relay\\.\\d+\\.(from|to|suffix)");
    }

    private static List<Path> buildOptionFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve("build"))) {
            walk.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().startsWith("local"))
                    .sorted().forEach(files::add);
        }
        return files;
    }

    private static String buildProperty(String name) {
        String value = buildPropertyOrNull(name);
        assertNotNull("module.ivy sets <ea:property name=\"" + name + "\"> inside <ea:build>", value);
        return value;
    }

    private static String buildPropertyOrNull(String name) {
        NodeList properties = ivyBuild.getElementsByTagNameNS(EASYANT_NS, "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        return null;
    }

    private static String attribute(Element launch, String key) {
        for (String tag : new String[] { "stringAttribute", "booleanAttribute" }) {
            NodeList list = launch.getElementsByTagName(tag);
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                if (e.getAttribute("key").equals(key)) {
                    return e.getAttribute("value");
                }
            }
        }
        fail("launch attribute missing: " + key);
        return null;
    }

    private static List<String> listAttribute(Element launch, String key) {
        NodeList list = launch.getElementsByTagName("listAttribute");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("key").equals(key)) {
                List<String> values = new ArrayList<>();
                NodeList entries = e.getElementsByTagName("listEntry");
                for (int j = 0; j < entries.getLength(); j++) {
                    values.add(((Element) entries.item(j)).getAttribute("value"));
                }
                return values;
            }
        }
        fail("launch list attribute missing: " + key);
        return null;
    }

    private static Element onlyChild(Element parent, String namespace, String localName) {
        Element found = null;
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                Element child = (Element) children.item(i);
                boolean nsMatches = namespace == null ? child.getNamespaceURI() == null
                        : namespace.equals(child.getNamespaceURI());
                if (nsMatches && localName.equals(child.getLocalName())) {
                    assertEquals("one <" + localName + "> in <" + parent.getLocalName() + ">", null, found);
                    found = child;
                }
            }
        }
        assertNotNull("<" + localName + "> in <" + parent.getLocalName() + ">", found);
        return found;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in, file.toUri().toString());
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties;
    }
}
