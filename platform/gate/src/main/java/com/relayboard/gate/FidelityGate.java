package com.relayboard.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * </ol>
 *
 * <p>Command line (run by exec-maven-plugin's {@code exec:java} inside the Maven JVM, so it never calls
 * {@code System.exit}): {@code --allowlist FILE --classes DIR [--test-classes DIR]}. Violations are printed to
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
        private final List<Violation> violations;

        Report(int mainClasses, int testClasses, Set<String> apiReferences, List<Violation> violations) {
            this.mainClasses = mainClasses;
            this.testClasses = testClasses;
            this.apiReferences = Collections.unmodifiableSet(apiReferences);
            this.violations = Collections.unmodifiableList(violations);
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

        /** The line printed on success. */
        public String summary() {
            return "fidelity gate: " + (mainClasses + testClasses) + " classes (" + testClasses + " test), "
                    + apiReferences.size() + " distinct API references, all within the MicroEJ API allowlist";
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

        Set<String> mainOwn = names(mainFiles);
        Set<String> testOwn = new HashSet<>(mainOwn);
        testOwn.addAll(names(testFiles));

        Set<Violation> violations = new LinkedHashSet<>();
        Set<String> apiReferences = new HashSet<>();
        for (ClassFile file : mainFiles) {
            file.reader.accept(new ClassChecker(allowlist, mainOwn, false, violations, apiReferences), 0);
        }
        for (ClassFile file : testFiles) {
            file.reader.accept(new ClassChecker(allowlist, testOwn, true, violations, apiReferences), 0);
        }
        return new Report(mainFiles.size(), testFiles.size(), apiReferences, new ArrayList<>(violations));
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

    private static Set<String> names(List<ClassFile> files) {
        Set<String> names = new HashSet<>();
        for (ClassFile file : files) {
            names.add(file.reader.getClassName());
        }
        return names;
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
            default:
                throw usage("unknown argument " + arg);
            }
        }
        if (allowlistFile == null || classes == null) {
            throw usage("--allowlist and --classes are required");
        }
        Report report = run(Allowlist.load(allowlistFile), classes, testClasses);
        if (!report.violations().isEmpty()) {
            for (Violation violation : report.violations()) {
                System.err.println("[fidelity gate] " + violation);
            }
            throw new IllegalStateException("fidelity gate: " + report.violations().size()
                    + " violation(s): the device (MicroEJ SDK 5, Java 7, EDC 1.3) would not have the references above."
                    + " Fix the firmware, or add an entry with its source to " + allowlistFile);
        }
        System.out.println(report.summary());
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException("fidelity gate: " + problem
                + "; usage: FidelityGate --allowlist FILE --classes DIR [--test-classes DIR]");
    }
}
