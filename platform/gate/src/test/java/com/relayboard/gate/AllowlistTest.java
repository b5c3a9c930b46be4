package com.relayboard.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.Test;

/** The allowlist format, and what the real allowlist says. */
public class AllowlistTest {

    private static Allowlist parse(String... lines) {
        return Allowlist.parse(Arrays.asList(lines), "test.allowlist");
    }

    private static void assertRefused(String expectedInMessage, String... lines) {
        try {
            parse(lines);
            fail("should be refused: " + Arrays.toString(lines));
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(expectedInMessage));
        }
    }

    // ------------------------------------------------------------------ format

    @Test
    public void refusesLineWithoutSource() {
        assertRefused("test.allowlist:3: missing source",
                "# comment", "java.lang.Object | EDC", "java.lang.StringBuilder");
    }

    @Test
    public void refusesEmptySource() {
        assertRefused("test.allowlist:1: empty source", "java.lang.StringBuilder   |   ");
    }

    @Test
    public void refusesUnknownSyntax() {
        assertRefused("test.allowlist:2: unknown syntax", "", "java/lang/String#length | slashes");
        assertRefused("test.allowlist:1: unknown syntax", "java.util.* | wildcards");
        assertRefused("test.allowlist:1: unknown syntax", "String | no package");
        assertRefused("test.allowlist:1: unknown syntax", "java.lang.String#getBytes(Ljava.lang.String;) | dots");
        assertRefused("test.allowlist:1: unknown section", "[main]");
        assertRefused("test.allowlist:2: duplicate [test]", "[test]", "[test]");
    }

    @Test
    public void wholeClassAndMemberEntries() {
        Allowlist allowlist = parse(
                "  # indented comment",
                "java.lang.StringBuilder | whole class",
                "java.lang.String#length | one member",
                "java.lang.String#<init> | constructors",
                "java.util.Map$Entry | nested");
        assertTrue(allowlist.allowsClass("java/lang/StringBuilder", false));
        assertTrue(allowlist.allowsMember("java/lang/StringBuilder", "reverse", "()Ljava/lang/StringBuilder;", false));
        assertTrue(allowlist.allowsClass("java/lang/String", false));
        assertTrue(allowlist.allowsMember("java/lang/String", "length", "()I", false));
        assertTrue(allowlist.allowsMember("java/lang/String", "<init>", "([B)V", false));
        assertFalse(allowlist.allowsMember("java/lang/String", "format",
                "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;", false));
        assertTrue(allowlist.allowsMember("java/util/Map$Entry", "getKey", "()Ljava/lang/Object;", false));
        assertFalse(allowlist.allowsClass("java/util/Map", false));
        assertEquals(4, allowlist.entries().size());
        assertEquals(2, allowlist.entries().get(0).line());
        assertEquals("whole class", allowlist.entries().get(0).source());
    }

    @Test
    public void descriptorPrefixPinsOverloads() {
        Allowlist allowlist = parse("java.lang.String#getBytes(Ljava/lang/String;) | EDC: getBytes(String) only");
        assertTrue(allowlist.allowsMember("java/lang/String", "getBytes", "(Ljava/lang/String;)[B", false));
        assertFalse(allowlist.allowsMember("java/lang/String", "getBytes", "()[B", false));
        assertFalse(allowlist.allowsMember("java/lang/String", "getBytes", "(Ljava/nio/charset/Charset;)[B", false));
        assertEquals("(Ljava/lang/String;)", allowlist.entries().get(0).descriptorPrefix());
    }

    @Test
    public void testSectionAppliesToTestClassesOnly() {
        Allowlist allowlist = parse("java.lang.Object | EDC", "[test]", "org.junit.Assert | junit subset");
        assertFalse(allowlist.allowsClass("org/junit/Assert", false));
        assertTrue(allowlist.allowsClass("org/junit/Assert", true));
        assertFalse(allowlist.allowsMember("org/junit/Assert", "assertTrue", "(Z)V", false));
        assertTrue(allowlist.allowsMember("org/junit/Assert", "assertTrue", "(Z)V", true));
        assertTrue("main entries apply to test classes too", allowlist.allowsClass("java/lang/Object", true));
        assertTrue(allowlist.entries().get(1).testOnly());
    }

    // ------------------------------------------------------------------ the real allowlist

    private static Allowlist real() throws IOException {
        return Allowlist.load(Paths.get(System.getProperty("relayboard.allowlist")));
    }

    @Test
    public void realAllowlistKeepsOutWhatTheDeviceLacks() throws IOException {
        Allowlist allowlist = real();
        for (String type : new String[] { "java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/Executor",
                "java/util/concurrent/atomic/AtomicInteger", "java/util/regex/Pattern", "java/nio/ByteBuffer",
                "java/nio/charset/Charset", "java/time/Instant", "java/util/function/Function",
                "java/util/stream/Stream", "java/util/Formatter", "java/util/Properties", "java/util/logging/Logger",
                "java/awt/Color", "javax/swing/JFrame", "java/lang/reflect/Proxy", "java/util/Arrays",
                "java/util/Objects", "java/lang/invoke/LambdaMetafactory", "com/relayboard/host/HostPlatform",
                "org/junit/Test", "org/junit/Rule", "org/junit/runner/RunWith" }) {
            assertFalse(type, allowlist.allowsClass(type, false));
        }
        assertFalse(allowlist.allowsClass("org/junit/Rule", true));
        String s = "java/lang/String";
        for (String[] member : new String[][] {
                { s, "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;" },
                { s, "split", "(Ljava/lang/String;)[Ljava/lang/String;" },
                { s, "replaceAll", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" },
                { s, "replaceFirst", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;" },
                { s, "matches", "(Ljava/lang/String;)Z" },
                { s, "join", "(Ljava/lang/CharSequence;[Ljava/lang/CharSequence;)Ljava/lang/String;" },
                { s, "replace", "(Ljava/lang/CharSequence;Ljava/lang/CharSequence;)Ljava/lang/String;" },
                { s, "chars", "()Ljava/util/stream/IntStream;" }, { s, "codePoints", "()Ljava/util/stream/IntStream;" },
                { s, "repeat", "(I)Ljava/lang/String;" }, { s, "strip", "()Ljava/lang/String;" },
                { s, "lines", "()Ljava/util/stream/Stream;" },
                { "java/io/PrintStream", "printf", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/io/PrintStream;" },
                { "java/io/PrintStream", "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/io/PrintStream;" },
                { "java/lang/Integer", "TYPE", "Ljava/lang/Class;" } }) {
            assertFalse(Arrays.toString(member), allowlist.allowsMember(member[0], member[1], member[2], false));
        }
    }

    @Test
    public void realAllowlistHasTheEdcCoreAndTheJunitSubset() throws IOException {
        Allowlist allowlist = real();
        for (String type : new String[] { "java/lang/Object", "java/lang/StringBuilder", "java/lang/Math",
                "java/lang/Enum", "java/lang/AutoCloseable", "java/lang/NoSuchFieldError", "java/io/InputStream",
                "java/io/ByteArrayOutputStream", "java/util/ArrayList", "java/util/HashMap", "java/util/Map$Entry",
                "java/util/Hashtable", "java/net/Socket", "java/net/InetSocketAddress",
                "java/net/SocketTimeoutException" }) {
            assertTrue(type, allowlist.allowsClass(type, false));
            assertTrue(type, allowlist.allowsMember(type, "anything", "()V", false));
        }
        assertTrue(allowlist.allowsMember("java/lang/String", "replace", "(CC)Ljava/lang/String;", false));
        // The application clock: for tests only, the firmware's deadlines use BON's monotonic platform time.
        assertFalse(allowlist.allowsMember("java/lang/System", "currentTimeMillis", "()J", false));
        assertTrue(allowlist.allowsMember("java/lang/System", "currentTimeMillis", "()J", true));
        assertTrue(allowlist.allowsMember("java/lang/Thread", "sleep", "(J)V", false));
        assertTrue(allowlist.allowsMember("java/lang/Throwable", "addSuppressed", "(Ljava/lang/Throwable;)V", false));
        for (String junit : new String[] { "Test", "Before", "After", "BeforeClass", "AfterClass", "Ignore", "Assert" }) {
            assertTrue(junit, allowlist.allowsClass("org/junit/" + junit, true));
            assertFalse(junit, allowlist.allowsClass("org/junit/" + junit, false));
        }
        for (Allowlist.Entry entry : allowlist.entries()) {
            assertFalse(entry.toString(), entry.source().isEmpty());
        }
    }
}
