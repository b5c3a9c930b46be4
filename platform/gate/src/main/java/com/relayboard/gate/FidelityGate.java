package com.relayboard.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;

/**
 * The build's fidelity gate: reads the firmware's compiled classes and refuses anything the MicroEJ device
 * (SDK 5, Architecture 7.x, EDC 1.3 + the foundation libraries in the allowlist) would not have.
 *
 * <ol>
 * <li>Class files must be major version &lt;= 51 (Java 7).</li>
 * <li>No invokedynamic (no lambdas or method references on SDK 5).</li>
 * <li>Every class referenced must be one of the scanned ("own") classes or allowed by the allowlist.</li>
 * <li>Every method call and field access on a non-own class must be allowed by the allowlist
 * (array {@code clone()} is always allowed; anything on an own class is accepted).</li>
 * <li>Test classes may also use the allowlist's {@code [test]} section, and may reference main classes.</li>
 * <li>Members inherited from API classes and used through a firmware class, and API methods a firmware method
 * overrides, are checked like calls (see {@link ClassChecker}).</li>
 * <li>For the classes the host platform implements ({@code ej.*}, {@code org.eclipse.paho.*}): each method's
 * {@code throws} clause must match the one the allowlist records, and each compile-time constant of a class the
 * firmware uses must be recorded with its value, since javac copies it into the firmware without a trace.</li>
 * <li>With {@code --layers FILE}: the firmware's packages use one another only as that file's layers allow
 * ({@link PackageLayers}); an upward dependency fails the build.</li>
 * <li>References allowed only by {@code unproven:} entries are counted and named after the summary line, and so
 * is each catch clause that compiles only if a {@code throws(?)} method declares what the host's does
 * ({@code catch (IOException e)} around a call that may declare nothing): listed, not failed on.</li>
 * </ol>
 *
 * <p>Command line (run by exec-maven-plugin's {@code exec:java} inside the Maven JVM, so it never calls
 * {@code System.exit}): {@code --allowlist FILE --classes DIR [--test-classes DIR] [--layers FILE]}. Violations are printed to
 * {@code System.err}, one a line, then an {@link IllegalStateException} fails the build; on success one
 * summary line goes to {@code System.out}.
 */
public final class FidelityGate {

    /** Highest class-file major version the device accepts: 51 = Java 7. */
    public static final int MAX_CLASS_VERSION = 51;

    private FidelityGate() {
    }

    /** The outcome of one run. */
    public static final class Report {
        private final int mainClasses;
        private final int testClasses;
        private final Set<String> apiReferences;
        private final Set<String> unproven;
        private final Set<String> unprovenConstants;
        private final Set<String> fragileCatches;
        private final List<Violation> violations;

        Report(int mainClasses, int testClasses, Set<String> apiReferences, Set<String> unproven,
                Set<String> unprovenConstants, Set<String> fragileCatches, List<Violation> violations) {
            this.mainClasses = mainClasses;
            this.testClasses = testClasses;
            this.apiReferences = Collections.unmodifiableSet(apiReferences);
            this.unproven = Collections.unmodifiableSet(unproven);
            this.unprovenConstants = Collections.unmodifiableSet(unprovenConstants);
            this.fragileCatches = Collections.unmodifiableSet(fragileCatches);
            this.violations = Collections.unmodifiableList(violations);
        }

        /**
         * References allowed only by {@code unproven:} entries, sorted: members as in {@link #apiReferences()},
         * classes by name, and {@code ... throws(?)} for a method whose throws clause is not known.
         */
        public Set<String> unproven() {
            return unproven;
        }

        /**
         * Unproven compile-time constants of the API classes the firmware uses, as {@code owner.NAME=value}:
         * javac copies them into the firmware, so whether it uses them cannot be seen; they are listed apart.
         */
        public Set<String> unprovenConstants() {
            return unprovenConstants;
        }

        /** Number of class files read from the classes directory. */
        public int mainClasses() {
            return mainClasses;
        }

        /** Number of class files read from the test classes directory. */
        public int testClasses() {
            return testClasses;
        }

        /**
         * Distinct references to non-own classes and members, e.g. {@code java/lang/StringBuilder} or
         * {@code java/lang/String.length()I} (fields as {@code owner.name:descriptor}).
         */
        public Set<String> apiReferences() {
            return apiReferences;
        }

        /** Violations, in scan order (classes sorted by file path); empty when the gate passes. */
        public List<Violation> violations() {
            return violations;
        }

        /**
         * Catch clauses that compile only if a {@code throws(?)} method really declares what the host's does:
         * javac rejects {@code catch (IOException e)} around calls that declare none. Printed, not failed on: the
         * remedy is to catch {@code Exception} there.
         */
        public Set<String> fragileCatches() {
            return fragileCatches;
        }

        /** The line printed on success. */
        public String summary() {
            return "fidelity gate: " + (mainClasses + testClasses) + " classes (" + testClasses + " test), "
                    + apiReferences.size() + " distinct API references, all within the MicroEJ API allowlist; the"
                    + " firmware uses " + unproven.size() + " unproven, and may have inlined " + unprovenConstants.size()
                    + " unproven constants (docs/api-evidence.md)";
        }

        /** The lines printed after the summary: one for each unproven reference and constant. */
        public List<String> unprovenLines() {
            List<String> lines = new ArrayList<>();
            for (String reference : unproven) {
                lines.add("fidelity gate:   unproven " + reference);
            }
            for (String constant : unprovenConstants) {
                lines.add("fidelity gate:   unproven constant " + constant);
            }
            for (String fragile : fragileCatches) {
                lines.add("fidelity gate:   fragile catch " + fragile);
            }
            return lines;
        }
    }

    /**
     * Checks the classes of a firmware build.
     *
     * @param allowlist the MicroEJ API allowlist
     * @param classesDir the main classes (must exist)
     * @param testClassesDir the test classes, or {@code null}; a missing directory means no test classes
     * @return the violations, empty when the classes pass
     */
    public static List<Violation> check(Allowlist allowlist, Path classesDir, Path testClassesDir)
            throws IOException {
        return run(allowlist, classesDir, testClassesDir).violations();
    }

    /**
     * Like {@link #check(Allowlist, Path, Path)}, with counts for the summary line.
     */
    public static Report run(Allowlist allowlist, Path classesDir, Path testClassesDir) throws IOException {
        if (classesDir == null || !Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("fidelity gate: classes directory does not exist: " + classesDir);
        }
        List<ClassFile> mainFiles = read(classesDir);
        List<ClassFile> testFiles = testClassesDir != null && Files.isDirectory(testClassesDir)
                ? read(testClassesDir) : Collections.<ClassFile>emptyList();

        Map<String, ApiClasses.Info> mainOwn = infos(mainFiles);
        Map<String, ApiClasses.Info> testOwn = new HashMap<>(mainOwn);
        testOwn.putAll(infos(testFiles));
        ApiClasses api = new ApiClasses(FidelityGate.class.getClassLoader());

        Set<Violation> violations = new LinkedHashSet<>();
        Set<String> apiReferences = new HashSet<>();
        Set<String> unproven = new TreeSet<>();
        Set<String> mainReferences = new HashSet<>();
        Set<String> fragileCatches = new TreeSet<>();
        for (ClassFile file : mainFiles) {
            file.reader.accept(new ClassChecker(allowlist, mainOwn, api, false, violations, mainReferences, unproven,
                    fragileCatches), 0);
        }
        apiReferences.addAll(mainReferences);
        Set<String> testUnproven = new TreeSet<>();
        for (ClassFile file : testFiles) {
            file.reader.accept(new ClassChecker(allowlist, testOwn, api, true, violations, apiReferences, testUnproven,
                    fragileCatches), 0);
        }
        Set<String> unprovenConstants = new TreeSet<>();
        checkConstants(allowlist, api, mainReferences, violations, unprovenConstants);
        return new Report(mainFiles.size(), testFiles.size(), apiReferences, unproven, unprovenConstants,
                fragileCatches, new ArrayList<>(violations));
    }

    /**
     * Every compile-time constant of a host API class the firmware names must be recorded with its value: javac
     * copies the value into the firmware, so a wrong host value would be built in without the gate seeing it.
     */
    private static void checkConstants(Allowlist allowlist, ApiClasses api, Set<String> references,
            Set<Violation> violations, Set<String> unprovenConstants) {
        Set<String> classes = new TreeSet<>();
        for (String reference : references) {
            int dot = reference.indexOf('.');
            classes.add(dot < 0 ? reference : reference.substring(0, dot));
        }
        for (String type : classes) {
            ApiClasses.Info info = ApiClasses.isHostApi(type) ? api.get(type) : null;
            if (info == null) {
                continue;
            }
            for (Map.Entry<String, Object> constant : info.constants.entrySet()) {
                String name = constant.getKey();
                String value = String.valueOf(constant.getValue());
                String location = "host API " + type;
                String referenced = "constant " + type + "." + name + " = " + value;
                Allowlist.Entry entry = null;
                for (Allowlist.Entry candidate : allowlist.entries()) {
                    if (!candidate.testOnly() && candidate.className().equals(type) && name.equals(candidate.member())) {
                        entry = candidate;
                    }
                }
                if (entry == null || entry.constantValue() == null) {
                    violations.add(new Violation(type, location, referenced, "javac copies this constant into the"
                            + " firmware without a trace: give it an allowlist entry with value(" + value + ")"));
                } else if (!entry.constantValue().equals(value)) {
                    violations.add(new Violation(type, location, referenced, "allowlist line " + entry.line()
                            + " records value(" + entry.constantValue() + ")"));
                } else if (entry.unproven()) {
                    unprovenConstants.add(type + "." + name + "=" + value);
                }
            }
        }
    }

    private static final class ClassFile {
        final ClassReader reader;

        ClassFile(ClassReader reader) {
            this.reader = reader;
        }
    }

    private static List<ClassFile> read(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".class"))
                    .sorted().collect(Collectors.toList());
        }
        List<ClassFile> files = new ArrayList<>();
        for (Path path : paths) {
            try {
                files.add(new ClassFile(new ClassReader(Files.readAllBytes(path))));
            } catch (IllegalArgumentException e) {
                // ASM refuses class files newer than it knows: that is a version violation in itself.
                throw new IllegalStateException("fidelity gate: cannot read class file " + path + ": " + e, e);
            }
        }
        return files;
    }

    private static Map<String, ApiClasses.Info> infos(List<ClassFile> files) {
        Map<String, ApiClasses.Info> infos = new HashMap<>();
        for (ClassFile file : files) {
            infos.put(file.reader.getClassName(), ApiClasses.read(file.reader));
        }
        return infos;
    }

    /**
     * Command line entry point: {@code --allowlist FILE --classes DIR [--test-classes DIR]}.
     *
     * @throws IllegalArgumentException on bad arguments or a malformed allowlist
     * @throws IllegalStateException if there is any violation (after printing each to {@code System.err})
     */
    public static void main(String[] args) throws IOException {
        Path allowlistFile = null;
        Path classes = null;
        Path testClasses = null;
        Path layersFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw usage("missing value after " + arg);
            }
            Path value = Paths.get(args[++i]);
            switch (arg) {
            case "--allowlist":
                allowlistFile = value;
                break;
            case "--classes":
                classes = value;
                break;
            case "--test-classes":
                testClasses = value;
                break;
            case "--layers":
                layersFile = value;
                break;
            default:
                throw usage("unknown argument " + arg);
            }
        }
        if (allowlistFile == null || classes == null) {
            throw usage("--allowlist and --classes are required");
        }
        Report report = run(Allowlist.load(allowlistFile), classes, testClasses);
        if (layersFile != null) {
            // The main classes only: tests may reach across layers to set a part up.
            List<Violation> upward = PackageLayers.load(layersFile).check(classes);
            for (Violation violation : upward) {
                System.err.println("[fidelity gate] " + violation);
            }
            if (!upward.isEmpty()) {
                throw new IllegalStateException("fidelity gate: " + upward.size() + " upward package dependenc"
                        + (upward.size() == 1 ? "y" : "ies") + " above: the firmware's packages are layered one way ("
                        + layersFile + ")");
            }
        }
        if (!report.violations().isEmpty()) {
            for (Violation violation : report.violations()) {
                System.err.println("[fidelity gate] " + violation);
            }
            throw new IllegalStateException("fidelity gate: " + report.violations().size()
                    + " violation(s): the device (MicroEJ SDK 5, Java 7, EDC 1.3) would not have the references above."
                    + " Fix the firmware, or add an entry with its source to " + allowlistFile);
        }
        System.out.println(report.summary());
        for (String line : report.unprovenLines()) {
            System.out.println(line);
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException("fidelity gate: " + problem
                + "; usage: FidelityGate --allowlist FILE --classes DIR [--test-classes DIR] [--layers FILE]");
    }
}
