package com.relayboard.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The gate on real class files: fixtures are compiled at test time with {@code --release 7} (or 8 where the
 * point is a newer class file), then checked with the real allowlist (system property
 * {@code relayboard.allowlist}).
 */
public class FidelityGateTest {

    private static Allowlist allowlist;
    private static Path allowlistFile;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void loadRealAllowlist() throws IOException {
        String path = System.getProperty("relayboard.allowlist");
        assertNotNull("system property relayboard.allowlist (set by the pom) is missing", path);
        allowlistFile = Paths.get(path);
        allowlist = Allowlist.load(allowlistFile);
    }

    // ------------------------------------------------------------------ helpers

    private Path compile(String release, String... sources) throws IOException {
        return FixtureCompiler.compile(temp.newFolder().toPath(), release, sources);
    }

    private static List<Violation> check(Path classes) throws IOException {
        return FidelityGate.check(allowlist, classes, null);
    }

    /** Asserts one violation is at {@code location}, references {@code referenced}, for {@code reason}. */
    private static void assertViolation(List<Violation> violations, String location, String referenced,
            String reason) {
        for (Violation v : violations) {
            if (v.location().equals(location) && equal(v.referenced(), referenced) && v.reason().equals(reason)) {
                assertTrue(v.toString(), v.toString().contains(location));
                return;
            }
        }
        fail("expected a violation at " + location + " on " + referenced + " (" + reason + "), got:\n"
                + lines(violations));
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String lines(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation v : violations) {
            text.append("  ").append(v).append('\n');
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ what a developer could slip in

    @Test
    public void refusesStringFormat() throws IOException {
        Path classes = compile("7",
                "package fw; public class Fmt {\n"
                + "  String show(int x) { return String.format(\"%d\", x); }\n"
                + "}");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Fmt.show(I)Ljava/lang/String;",
                "method java/lang/String.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
                Violation.NOT_ALLOWED);
        assertEquals(lines(violations), 1, violations.size());
        assertEquals("fw/Fmt", violations.get(0).referencingClass());
    }

    @Test
    public void refusesJavaUtilConcurrent() throws IOException {
        Path classes = compile("7",
                "package fw; import java.util.Map; import java.util.concurrent.ConcurrentHashMap;\n"
                + "import java.util.concurrent.atomic.AtomicInteger;\n"
                + "public class Counter {\n"
                + "  private final AtomicInteger n = new AtomicInteger();\n"
                + "  private final Map<String, String> seen = new ConcurrentHashMap<String, String>();\n"
                + "  int next() { return n.incrementAndGet(); }\n"
                + "}");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Counter.n", "class java/util/concurrent/atomic/AtomicInteger",
                Violation.NOT_ALLOWED);
        assertViolation(violations, "fw/Counter.next()I",
                "method java/util/concurrent/atomic/AtomicInteger.incrementAndGet()I", Violation.NOT_ALLOWED);
        assertViolation(violations, "fw/Counter.<init>()V",
                "method java/util/concurrent/ConcurrentHashMap.<init>()V", Violation.NOT_ALLOWED);
    }

    @Test
    public void refusesTheApplicationClockInMainClassesOnly() throws IOException {
        // On the board System.currentTimeMillis() is the application time, which jumps when SNTP sets it: a deadline
        // on it would time out or stall. The firmware uses Util.platformTimeMillis(); its tests may read the clock.
        String source = "package fw; public class Deadline {\n"
                + "  long due(long ms) { return System.currentTimeMillis() + ms; }\n"
                + "}";
        Path classes = compile("7", source);
        assertViolation(check(classes), "fw/Deadline.due(J)J", "method java/lang/System.currentTimeMillis()J",
                Violation.NOT_ALLOWED);
        Path mainClasses = compile("7", "package fw; public class Relay { }");
        Path testClasses = compile("7", source.replace("Deadline", "DeadlineTest"));
        assertEquals(0, FidelityGate.check(allowlist, mainClasses, testClasses).size());
    }

    @Test
    public void refusesHostOnlyClass() throws IOException {
        Path classes = compile("7",
                "package fw; public class Boot {\n"
                + "  void start() { com.relayboard.host.HostPlatform.boot(); }\n"
                + "}");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Boot.start()V",
                "method com/relayboard/host/HostPlatform.boot([Ljava/lang/String;)V", Violation.NOT_ALLOWED);
    }

    @Test
    public void refusesJavaNio() throws IOException {
        Path classes = compile("7",
                "package fw; public class Wire {\n"
                + "  byte[] encode(int x) { return java.nio.ByteBuffer.allocate(4).putInt(x).array(); }\n"
                + "  byte[] utf8(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8); }\n"
                + "}");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Wire.encode(I)[B",
                "method java/nio/ByteBuffer.allocate(I)Ljava/nio/ByteBuffer;", Violation.NOT_ALLOWED);
        // String#getBytes is allowed by name, but not the overload whose parameter type the device lacks.
        assertViolation(violations, "fw/Wire.utf8(Ljava/lang/String;)[B", "class java/nio/charset/Charset",
                Violation.NOT_ALLOWED);
        assertViolation(violations, "fw/Wire.utf8(Ljava/lang/String;)[B",
                "field java/nio/charset/StandardCharsets.UTF_8:Ljava/nio/charset/Charset;", Violation.NOT_ALLOWED);
    }

    @Test
    public void refusesPrimitiveClassLiteral() throws IOException {
        Path classes = compile("7",
                "package fw; public class Prim { Object type() { return int.class; } }");
        assertViolation(check(classes), "fw/Prim.type()Ljava/lang/Object;",
                "field java/lang/Integer.TYPE:Ljava/lang/Class;", Violation.NOT_ALLOWED);
    }

    @Test
    public void refusesClassFileNewerThanJava7() throws IOException {
        Path classes = compile("8", "package fw; public class Eight { }");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Eight", null, "class file version 52 > 51 (Java 7)");
        assertEquals(lines(violations), 1, violations.size());
    }

    @Test
    public void refusesClassFromTheHostClasspath() throws IOException {
        // A real class of the test classpath (host platform, built for Java 17).
        Path classes = temp.newFolder().toPath();
        Path target = classes.resolve("com/relayboard/host/HostPlatform.class");
        Files.createDirectories(target.getParent());
        try (InputStream in = FidelityGateTest.class.getResourceAsStream("/com/relayboard/host/HostPlatform.class")) {
            assertNotNull(in);
            Files.copy(in, target);
        }
        List<Violation> violations = check(classes);
        boolean found = false;
        for (Violation v : violations) {
            found |= v.location().equals("com/relayboard/host/HostPlatform")
                    && v.reason().matches("class file version \\d+ > 51 \\(Java 7\\)");
        }
        assertTrue(lines(violations), found);
    }

    @Test
    public void refusesLambdaAndMethodReference() throws IOException {
        Path classes = compile("8",
                "package fw; public class Lambda {\n"
                + "  Runnable task() { return () -> System.out.println(\"tick\"); }\n"
                + "  Runnable ref() { return this::toString; }\n"
                + "}");
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/Lambda.task()Ljava/lang/Runnable;",
                "invokedynamic run()Ljava/lang/Runnable; (bootstrap java/lang/invoke/LambdaMetafactory.metafactory)",
                Violation.INVOKEDYNAMIC);
        assertViolation(violations, "fw/Lambda.ref()Ljava/lang/Runnable;",
                "invokedynamic run(Lfw/Lambda;)Ljava/lang/Runnable; (bootstrap java/lang/invoke/LambdaMetafactory.metafactory)",
                Violation.INVOKEDYNAMIC);
    }

    @Test
    public void refusesExplicitObjectsRequireNonNull() throws IOException {
        // Only javac's synthetic null check (DUP; requireNonNull; POP) is tolerated, not a developer's call.
        Path classes = compile("7",
                "package fw; public class Guard {\n"
                + "  Object keep(Object o) { return java.util.Objects.requireNonNull(o); }\n"
                + "}");
        assertViolation(check(classes), "fw/Guard.keep(Ljava/lang/Object;)Ljava/lang/Object;",
                "method java/util/Objects.requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;",
                Violation.NOT_ALLOWED);
    }

    // ------------------------------------------------------------------ what the device has

    @Test
    public void acceptsCleanJava7Firmware() throws IOException {
        Path classes = compile("7",
                "package fw; import java.io.*; import java.util.*;\n"
                + "public class Clean {\n"
                + "  enum Mode { OFF, ON, AUTO }\n"
                + "  static final class Relay { final int pin; Relay(int pin) { this.pin = pin; } }\n"
                + "  class Channel { int id() { return 1; } }\n"
                + "  private final List<Relay> relays = new ArrayList<Relay>();\n"
                + "  private final Map<String, Integer> counts = new HashMap<>();\n"
                + "  String describe(Mode mode, String name) throws IOException {\n"
                + "    StringBuilder sb = new StringBuilder();\n"
                + "    switch (mode) { case ON: sb.append(\"on\"); break; case AUTO: sb.append(\"auto\"); break; default: sb.append(\"off\"); }\n"
                + "    switch (name) { case \"a\": sb.append(1); break; case \"b\": sb.append(2); break; default: sb.append(name.length()); }\n"
                + "    int pin = Integer.parseInt(\"12\");\n"
                + "    relays.add(new Relay(pin));\n"
                + "    Integer boxed = counts.get(name);\n"
                + "    counts.put(name, boxed == null ? 1 : boxed + 1);\n"
                + "    for (Relay r : relays) { sb.append(r.pin); }\n"
                + "    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) { out.write(pin); sb.append(out.size()); }\n"
                + "    Channel ch = new Clean().new Channel();\n"
                + "    sb.append(Thread.currentThread().toString()).append(name.getClass().getName());\n"
                + "    System.out.println(\"relay \" + name + \" \" + sb + ch.id() + Mode.valueOf(\"ON\"));\n"
                + "    return sb.toString();\n"
                + "  }\n"
                + "}");
        FidelityGate.Report report = FidelityGate.run(allowlist, classes, null);
        assertEquals(lines(report.violations()), 0, report.violations().size());
        assertEquals(5, report.mainClasses()); // Clean, Mode, Relay, Channel, Clean$1 (enum switch map)
        // The features really were compiled into the fixture and checked:
        for (String reference : new String[] {
                "java/lang/StringBuilder.<init>()V", "java/lang/String.length()I", "java/util/ArrayList.<init>()V",
                "java/lang/Integer.parseInt(Ljava/lang/String;)I", "java/lang/Integer.valueOf(I)Ljava/lang/Integer;",
                "java/lang/Integer.intValue()I", "java/io/PrintStream.println(Ljava/lang/String;)V",
                "java/lang/System.out:Ljava/io/PrintStream;", "java/lang/String.hashCode()I",
                "java/lang/Throwable.addSuppressed(Ljava/lang/Throwable;)V", "java/lang/NoSuchFieldError",
                "java/lang/Enum.valueOf(Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Enum;",
                "java/util/Iterator.next()Ljava/lang/Object;",
                "java/lang/Thread.toString()Ljava/lang/String;" /* Object's public methods: no entry needed */ }) {
            assertTrue("fixture should reference " + reference + ": " + report.apiReferences(),
                    report.apiReferences().contains(reference));
        }
        assertFalse("javac's synthetic null check of outer.new Inner() is not counted",
                report.apiReferences().contains("java/util/Objects.requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;"));
    }

    // ------------------------------------------------------------------ test classes

    private static final String JUNIT_TEST =
            "package fw; import org.junit.Assert; import org.junit.Test;\n"
            + "public class RelayTest {\n"
            + "  @Test public void parses() { Assert.assertEquals(12, Integer.parseInt(\"12\")); }\n"
            + "}";

    @Test
    public void testSectionIsRefusedInMainClasses() throws IOException {
        Path classes = compile("7", JUNIT_TEST);
        List<Violation> violations = check(classes);
        assertViolation(violations, "fw/RelayTest.parses()V", "class org/junit/Test", Violation.NOT_ALLOWED);
        assertViolation(violations, "fw/RelayTest.parses()V", "method org/junit/Assert.assertEquals(JJ)V",
                Violation.NOT_ALLOWED);
    }

    @Test
    public void testSectionIsAcceptedInTestClasses() throws IOException {
        Path classes = compile("7", "package fw; public class Relay { public int pin() { return 12; } }");
        Path testClasses = FixtureCompiler.compile(temp.newFolder().toPath(), "7", classes,
                "package fw; import org.junit.Assert; import org.junit.Before; import org.junit.Test;\n"
                + "public class RelayTest {\n"
                + "  private Relay relay;\n"
                + "  @Before public void setUp() { relay = new Relay(); }\n"
                + "  @Test public void pin() { Assert.assertEquals(12, relay.pin()); Assert.assertTrue(true); }\n"
                + "}");
        FidelityGate.Report report = FidelityGate.run(allowlist, classes, testClasses);
        assertEquals(lines(report.violations()), 0, report.violations().size());
        assertEquals(1, report.mainClasses());
        assertEquals(1, report.testClasses());
        assertTrue(report.apiReferences().contains("org/junit/Assert.assertEquals(JJ)V"));
    }

    @Test
    public void testClassesStillGetTheMainRules() throws IOException {
        Path classes = compile("7", "package fw; public class Relay { }");
        Path testClasses = compile("7",
                "package fw; import org.junit.Test;\n"
                + "public class FormatTest {\n"
                + "  @Test public void format() { org.junit.Assert.assertEquals(\"1\", String.format(\"%d\", 1)); }\n"
                + "}");
        assertViolation(FidelityGate.check(allowlist, classes, testClasses), "fw/FormatTest.format()V",
                "method java/lang/String.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
                Violation.NOT_ALLOWED);
    }

    // ------------------------------------------------------------------ command line

    @Test
    public void mainPrintsViolationsAndThrows() throws IOException {
        Path classes = compile("7",
                "package fw; public class Fmt { String show(int x) { return String.format(\"%d\", x); } }");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, "UTF-8"));
        try {
            FidelityGate.main(new String[] { "--allowlist", allowlistFile.toString(), "--classes", classes.toString() });
            fail("the gate should fail");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("fidelity gate: 1 violation(s)"));
        } finally {
            System.setErr(originalErr);
        }
        String printed = new String(err.toByteArray(), StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("fw/Fmt.show(I)Ljava/lang/String;"));
        assertTrue(printed, printed.contains("java/lang/String.format(Ljava/lang/String;[Ljava/lang/Object;)"));
        assertTrue(printed, printed.contains(Violation.NOT_ALLOWED));
    }

    @Test
    public void mainPrintsSummaryWhenClean() throws IOException {
        Path classes = compile("7", "package fw; public class Ok { int n(String s) { return s.length(); } }");
        Path missingTests = classes.resolve("no-test-classes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(out, true, "UTF-8"));
        try {
            FidelityGate.main(new String[] { "--allowlist", allowlistFile.toString(), "--classes", classes.toString(),
                    "--test-classes", missingTests.toString() });
        } finally {
            System.setOut(originalOut);
        }
        String printed = new String(out.toByteArray(), StandardCharsets.UTF_8).trim();
        assertTrue(printed, printed.startsWith("fidelity gate: 1 classes (0 test), "));
        assertTrue(printed, printed.contains("all within the MicroEJ API allowlist; the firmware uses 0 unproven"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void mainRefusesMissingClassesDirectory() throws IOException {
        FidelityGate.main(new String[] { "--allowlist", allowlistFile.toString(), "--classes",
                temp.getRoot().toPath().resolve("nope").toString() });
    }

    @Test(expected = IllegalArgumentException.class)
    public void mainRefusesUnknownArgument() throws IOException {
        FidelityGate.main(new String[] { "--allowlist", allowlistFile.toString(), "--classes", ".", "--fast", "x" });
    }
}
