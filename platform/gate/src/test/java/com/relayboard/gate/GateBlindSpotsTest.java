package com.relayboard.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What javac's class files do not show, and the gate checks anyway: members inherited from API classes and used
 * through the firmware's own class, overriding methods, the host's throws clauses, constants javac copies into the
 * firmware, and which allowed members are unproven. Each check is shown passing with the real allowlist and failing
 * when the fact it relies on is taken out of it.
 */
public class GateBlindSpotsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final String STACK =
            "package fw; public class Stack extends ej.mwt.Container {\n"
            + "  public void add(ej.mwt.Widget w) { addChild(w); }\n"
            + "  public void redraw() { requestRender(); }\n"
            + "  protected void layOutChildren(int width, int height) { }\n"
            + "  protected void computeContentOptimalSize(ej.mwt.util.Size size) { }\n"
            + "}";

    private static final String LEAVE =
            "package fw; public class Leave {\n"
            + "  void leave() { try { ej.ecom.wifi.WifiManager.getInstance().leave(); } catch (java.io.IOException e) { } }\n"
            + "}";

    private static final String UNBOUNDED =
            "package fw; public class Unbounded {\n"
            + "  int height(ej.mwt.Widget widget) { return widget.getHeight() + ej.mwt.Widget.NO_CONSTRAINT; }\n"
            + "}";

    /** Calls an unproven member from the class its allowlist entry names as holder. */
    private static final String LIGHT =
            "package com.relayboard.firmware.ui; final class LedIntensity {\n"
            + "  void show() { ej.microui.led.Leds.setLedOn(0); ej.microui.led.Leds.setLedIntensity(1, 40); }\n"
            + "  final class Fade { void out() { ej.microui.led.Leds.setLedIntensity(1, 0); } }\n"
            + "}";

    /** Calls the same member from another firmware class. */
    private static final String STRAY_LIGHT =
            "package fw; public class Light {\n"
            + "  void show() { ej.microui.led.Leds.setLedOn(0); ej.microui.led.Leds.setLedIntensity(1, 40); }\n"
            + "}";

    /** Names an unproven class (SSLException: its entries name a holder) from another firmware class. */
    private static final String STRAY_TLS =
            "package fw; public class Tls {\n"
            + "  boolean handshake(Throwable t) { return t instanceof javax.net.ssl.SSLException; }\n"
            + "}";

    private static final String DIMMER =
            "package fw; public class Dimmer {\n"
            + "  int level() { return ej.microui.led.Leds.getLedIntensity(0); }\n"
            + "}";

    // ------------------------------------------------------------------ helpers

    private Path compile(String source) throws IOException {
        return FixtureCompiler.compile(temp.newFolder().toPath(), "7", source);
    }

    private static List<String> realLines() throws IOException {
        String path = System.getProperty("relayboard.allowlist");
        assertNotNull("system property relayboard.allowlist (set by the pom) is missing", path);
        return Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8);
    }

    /** The real allowlist without the lines starting with {@code removedPrefix}, with {@code added} lines. */
    private static Allowlist changed(String removedPrefix, String... added) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean removed = removedPrefix == null;
        for (String line : realLines()) {
            if (line.equals(Allowlist.TEST_SECTION)) {
                lines.addAll(Arrays.asList(added));
            }
            if (removedPrefix != null && line.startsWith(removedPrefix)) {
                removed = true;
                continue;
            }
            lines.add(line);
        }
        assertTrue("the real allowlist has no line starting with " + removedPrefix, removed);
        return Allowlist.parse(lines, "changed.allowlist");
    }

    private static Allowlist real() throws IOException {
        return changed(null);
    }

    private static FidelityGate.Report run(Allowlist allowlist, Path classes) throws IOException {
        return FidelityGate.run(allowlist, classes, null);
    }

    /** Runs the gate with the real allowlist and asserts that it passes. */
    private static FidelityGate.Report passes(Path classes) throws IOException {
        FidelityGate.Report report = run(real(), classes);
        assertEquals(report.violations().toString(), 0, report.violations().size());
        return report;
    }

    /** Asserts that the gate refuses the classes, in one place, once the entries starting with a prefix are gone. */
    private static void assertRefusedWithout(String removedPrefix, Path classes, String location, String referenced)
            throws IOException {
        Violation violation = only(run(changed(removedPrefix), classes));
        assertEquals(location, violation.location());
        assertEquals(referenced, violation.referenced());
        assertEquals(Violation.NOT_ALLOWED, violation.reason());
    }

    private static Violation only(FidelityGate.Report report) {
        assertEquals(report.violations().toString(), 1, report.violations().size());
        return report.violations().get(0);
    }

    // ------------------------------------------------------------------ inherited members, overrides

    @Test
    public void memberInheritedFromAnApiClass_isCheckedWhereItComesFrom() throws IOException {
        Path classes = compile(STACK);
        FidelityGate.Report passing = passes(classes);
        assertTrue(passing.apiReferences().toString(),
                passing.apiReferences().contains("ej/mwt/Container.addChild(Lej/mwt/Widget;)V"));

        assertRefusedWithout("ej.mwt.Container#addChild", classes, "fw/Stack.add(Lej/mwt/Widget;)V",
                "method ej/mwt/Container.addChild(Lej/mwt/Widget;)V (used through fw/Stack)");
    }

    @Test
    public void memberInheritedFromTwoApiClassesUp_isAllowedByTheEntryOfTheClassThatDeclaresIt() throws IOException {
        assertRefusedWithout("ej.mwt.Widget#requestRender()V", compile(STACK), "fw/Stack.redraw()V",
                "method ej/mwt/Container.requestRender()V (used through fw/Stack)");
    }

    @Test
    public void overridingMethod_isCheckedLikeACallToWhatItOverrides() throws IOException {
        Path classes = compile(STACK);
        assertRefusedWithout("ej.mwt.Container#layOutChildren", classes, "fw/Stack.layOutChildren(II)V",
                "method ej/mwt/Container.layOutChildren(II)V (overridden by fw/Stack)");
        assertRefusedWithout("ej.mwt.Widget#computeContentOptimalSize", classes,
                "fw/Stack.computeContentOptimalSize(Lej/mwt/util/Size;)V",
                "method ej/mwt/Container.computeContentOptimalSize(Lej/mwt/util/Size;)V (overridden by fw/Stack)");
    }

    // ------------------------------------------------------------------ throws clauses

    @Test
    public void hostThrowsClause_mustMatchWhatTheAllowlistRecords() throws IOException {
        Path classes = compile(LEAVE);
        FidelityGate.Report unknown = passes(classes);
        assertTrue("throws(?) makes an otherwise proven member count as unproven: " + unknown.unproven(),
                unknown.unproven().contains("ej/ecom/wifi/WifiManager.leave()V throws(?)"));

        Violation unrecorded = only(run(changed("ej.ecom.wifi.WifiManager#leave",
                "ej.ecom.wifi.WifiManager#leave | proven: test"), classes));
        assertEquals("method ej/ecom/wifi/WifiManager.leave()V", unrecorded.referenced());
        assertTrue(unrecorded.reason(), unrecorded.reason().startsWith(
                "the host declares throws(java.io.IOException) but allowlist line "));
        assertTrue(unrecorded.reason(), unrecorded.reason().contains("records no throws(...)"));

        Violation differs = only(run(changed("ej.ecom.wifi.WifiManager#leave",
                "ej.ecom.wifi.WifiManager#leave | proven: test; throws()"), classes));
        assertTrue(differs.reason(), differs.reason().endsWith("records throws()"));

        FidelityGate.Report same = run(changed("ej.ecom.wifi.WifiManager#leave",
                "ej.ecom.wifi.WifiManager#leave | proven: test; throws(java.io.IOException)"), classes);
        assertEquals(same.violations().toString(), 0, same.violations().size());
        assertFalse(same.unproven().toString(), same.unproven().contains("ej/ecom/wifi/WifiManager.leave()V throws(?)"));
    }

    @Test
    public void catchJustifiedOnlyByAnUnknownThrowsClause_isListed() throws IOException {
        String fragile = "fw/Leave.leave()V catches java/io/IOException thrown, on the host, by"
                + " ej/ecom/wifi/WifiManager.leave()V throws(?)";
        assertEquals(Collections.singleton(fragile), passes(compile(LEAVE)).fragileCatches());
        assertTrue(passes(compile(LEAVE)).unprovenLines().contains("fidelity gate:   fragile catch " + fragile));

        FidelityGate.Report broad = passes(compile("package fw; public class Leave {\n"
                + "  void leave() { try { ej.ecom.wifi.WifiManager.getInstance().leave(); } catch (Exception e) { } }\n"
                + "}"));
        assertEquals("catch (Exception e) compiles whatever leave() declares", Collections.emptySet(),
                broad.fragileCatches());

        FidelityGate.Report justified = passes(compile("package fw; public class Leave {\n"
                + "  void leave(java.io.InputStream in) {\n"
                + "    try { ej.ecom.wifi.WifiManager.getInstance().leave(); in.close(); } catch (java.io.IOException e) { }\n"
                + "  }\n"
                + "}"));
        assertEquals("InputStream.close() declares IOException, so the catch compiles anyway", Collections.emptySet(),
                justified.fragileCatches());

        FidelityGate.Report known = run(changed("ej.ecom.wifi.WifiManager#leave",
                "ej.ecom.wifi.WifiManager#leave | proven: test; throws(java.io.IOException)"), compile(LEAVE));
        assertEquals(Collections.emptySet(), known.fragileCatches());
    }

    // ------------------------------------------------------------------ constants

    @Test
    public void constantCopiedByJavac_mustBeRecordedWithTheHostsValue() throws IOException {
        Path classes = compile(UNBOUNDED);
        FidelityGate.Report passing = passes(classes);
        assertFalse("javac copied the constant: the class file does not name it",
                passing.apiReferences().contains("ej/mwt/Widget.NO_CONSTRAINT:I"));
        assertEquals(Collections.singleton("ej/mwt/Widget.NO_CONSTRAINT=0"), passing.unprovenConstants());

        Violation unrecorded = only(run(changed("ej.mwt.Widget#NO_CONSTRAINT"), classes));
        assertEquals("constant ej/mwt/Widget.NO_CONSTRAINT = 0", unrecorded.referenced());
        assertTrue(unrecorded.reason(), unrecorded.reason().contains("give it an allowlist entry with value(0)"));

        Violation wrong = only(run(changed("ej.mwt.Widget#NO_CONSTRAINT",
                "ej.mwt.Widget#NO_CONSTRAINT | unproven: test; value(1)"), classes));
        assertTrue(wrong.reason(), wrong.reason().endsWith("records value(1)"));
    }

    // ------------------------------------------------------------------ unproven members

    @Test
    public void unprovenMember_isLetThroughAndCounted() throws IOException {
        Path classes = compile(LIGHT);
        FidelityGate.Report report = passes(classes);
        assertEquals(Collections.singleton("ej/microui/led/Leds.setLedIntensity(II)V"), report.unproven());
        assertTrue(report.summary(), report.summary().contains("the firmware uses 1 unproven"));
        assertEquals(Collections.singletonList("fidelity gate:   unproven ej/microui/led/Leds.setLedIntensity(II)V"),
                report.unprovenLines());

        FidelityGate.Report whenProven = run(changed("ej.microui.led.Leds#setLedIntensity",
                "ej.microui.led.Leds#setLedIntensity(II)V | proven: test; throws()"), classes);
        assertEquals(Collections.emptySet(), whenProven.unproven());
    }

    @Test
    public void unprovenMemberWithAHolder_isRefusedInAnyOtherClass() throws IOException {
        Violation stray = only(run(real(), compile(STRAY_LIGHT)));
        assertEquals("fw/Light.show()V", stray.location());
        assertEquals("method ej/microui/led/Leds.setLedIntensity(II)V", stray.referenced());
        assertTrue(stray.reason(), stray.reason().startsWith("unproven, and kept to com.relayboard.firmware.ui.LedIntensity"
                + " by allowlist line "));
        assertTrue(stray.reason(), stray.reason().endsWith("not from fw.Light"));

        Violation strayClass = only(run(real(), compile(STRAY_TLS)));
        assertEquals("class javax/net/ssl/SSLException", strayClass.referenced());
        assertTrue(strayClass.reason(), strayClass.reason().startsWith(
                "unproven, and kept to com.relayboard.firmware.net.TlsSockets:"));

        FidelityGate.Report withoutHolder = run(changed("ej.microui.led.Leds#setLedIntensity",
                "ej.microui.led.Leds#setLedIntensity(II)V | unproven: test; throws(?)"), compile(STRAY_LIGHT));
        assertEquals("without holder(...), any class may use it", 0, withoutHolder.violations().size());
        assertEquals(Collections.singleton("ej/microui/led/Leds.setLedIntensity(II)V"), withoutHolder.unproven());

        FidelityGate.Report inTests = FidelityGate.run(real(), compile("package fw; public class Plain { }"),
                compile(STRAY_LIGHT));
        assertEquals("test classes are not kept to the holders", 0, inTests.violations().size());
    }

    @Test
    public void holderRecord_isOnlyForUnprovenEntries() {
        Allowlist parsed = Allowlist.parse(Arrays.asList(
                "ej.a.B#n | unproven: not seen; throws(?); holder(fw.One, fw.sub.Two)"), "holders.allowlist");
        assertEquals(Arrays.asList("fw/One", "fw/sub/Two"), parsed.entries().get(0).holders());
        try {
            Allowlist.parse(Arrays.asList("ej.a.B#m | proven: seen; throws(); holder(fw.One)"), "proven.allowlist");
            fail("holder(...) on a proven entry was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("which is not unproven"));
        }
        try {
            Allowlist.parse(Arrays.asList("ej.a.B#n | unproven: x; holder(One)"), "bare.allowlist");
            fail("a holder without a package was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("not a fully qualified class name"));
        }
    }

    @Test
    public void newApiMember_needsAnEntryThatSaysWhetherItIsProven() throws IOException {
        Path classes = compile(DIMMER);
        Violation refused = only(run(real(), classes));
        assertEquals("method ej/microui/led/Leds.getLedIntensity(I)I", refused.referenced());
        assertEquals(Violation.NOT_ALLOWED, refused.reason());

        try {
            changed(null, "ej.microui.led.Leds#getLedIntensity | [I] from the C side");
            fail("an entry of a MicroEJ API package without proven: or unproven: was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("must start with 'proven:' or 'unproven:'"));
        }

        FidelityGate.Report counted = run(changed(null,
                "ej.microui.led.Leds#getLedIntensity | unproven: [I] from the C side; throws(?)"), classes);
        assertEquals(counted.violations().toString(), 0, counted.violations().size());
        assertEquals(Collections.singleton("ej/microui/led/Leds.getLedIntensity(I)I"), counted.unproven());
    }

    @Test
    public void allowlistRecords_areParsed() {
        Allowlist allowlist = Allowlist.parse(Arrays.asList(
                "ej.a.B#m | proven: seen; throws(java.io.IOException, ej.a.E)",
                "ej.a.B#n | unproven: not seen; throws(?)",
                "ej.a.B#K | unproven: name seen; value(-3)",
                "java.lang.Object | EDC"), "records.allowlist");
        List<Allowlist.Entry> entries = allowlist.entries();
        assertEquals(Arrays.asList("java/io/IOException", "ej/a/E"), entries.get(0).throwsRecord());
        assertFalse(entries.get(0).unproven());
        assertTrue(entries.get(1).throwsRecord() == Allowlist.THROWS_UNKNOWN);
        assertTrue(entries.get(1).unproven());
        assertEquals("-3", entries.get(2).constantValue());
        assertEquals(null, entries.get(3).throwsRecord());
        assertFalse("status is optional outside the MicroEJ API packages", entries.get(3).unproven());
    }

    // ------------------------------------------------------------------ members behind whole-class entries

    private static final String SOCKETS =
            "package fw; public class Sockets {\n"
            + "  boolean closed(java.net.Socket socket) { return socket.isClosed(); }\n"
            + "  String reason(java.io.IOException e) { return e.getMessage(); }\n"
            + "}";

    /**
     * A whole-class entry establishes the class, not each member named through it: Socket.isClosed() counts as
     * unproven until it has an entry of its own. A member declared by a class above (IOException.getMessage() is
     * Throwable's, which has a member entry) is not counted.
     */
    @Test
    public void memberNamedThroughAWholeClassEntry_countsAsUnprovenUntilItHasItsOwnEntry() throws IOException {
        Path classes = compile(SOCKETS);
        FidelityGate.Report report = passes(classes);
        assertEquals(Collections.singleton("java/net/Socket.isClosed()Z " + ClassChecker.WHOLE_CLASS_ONLY),
                report.unproven());
        FidelityGate.Report withEntry = run(changed(null, "java.net.Socket#isClosed | a source"), classes);
        assertEquals(Collections.emptySet(), withEntry.unproven());
        assertTrue(real().classIsUnproven("java/net/Socket", false) == false);
    }

    /** join(long) has no EDC evidence (CLDC 1.1 has only join()): refused; join() passes. */
    @Test
    public void threadJoinWithATimeout_isRefusedAndJoinWithoutOneIsNot() throws IOException {
        FidelityGate.Report refused = run(real(), compile("package fw; public class Join {\n"
                + "  void stop(Thread t) throws InterruptedException { t.join(500); }\n}"));
        Violation violation = only(refused);
        assertEquals("method java/lang/Thread.join(J)V", violation.referenced());
        assertEquals(Violation.NOT_ALLOWED, violation.reason());
        FidelityGate.Report passing = passes(compile("package fw; public class Join {\n"
                + "  void stop(Thread t) throws InterruptedException { t.join(); }\n}"));
        assertEquals(Collections.emptySet(), passing.unproven());
    }

    /** FileInputStream(String) is not established; FileInputStream(new File(path)) is (MicroEJ's Example-Hoka). */
    @Test
    public void fileInputStreamFromAString_isRefusedAndFromAFileIsNot() throws IOException {
        Violation violation = only(run(real(), compile("package fw; public class Ca {\n"
                + "  java.io.InputStream open(String p) throws java.io.IOException {"
                + " return new java.io.FileInputStream(p); }\n}")));
        assertEquals("method java/io/FileInputStream.<init>(Ljava/lang/String;)V", violation.referenced());
        FidelityGate.Report passing = passes(compile("package fw; public class Ca {\n"
                + "  java.io.InputStream open(String p) throws java.io.IOException {"
                + " return new java.io.FileInputStream(new java.io.File(p)); }\n}"));
        assertEquals(Collections.emptySet(), passing.unproven());
    }
}
