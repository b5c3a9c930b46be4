package com.relayboard.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MicroEJ API allowlist: which JDK / MicroEJ classes and members firmware classes may reference.
 *
 * <p>File format (UTF-8 text, one entry a line):
 * <pre>
 * # comment lines and blank lines are ignored
 * java.lang.StringBuilder                  | source of the fact (required)
 * java.lang.String#length                  | ...
 * java.lang.String#getBytes(Ljava/lang/String;) | ...
 * [test]
 * org.junit.Assert                         | ...
 * </pre>
 * <ul>
 * <li>{@code pkg.Class} alone: the class and every member referenced through it.</li>
 * <li>{@code pkg.Class#name}: the class may be referenced as a type, and members named {@code name}
 * (methods of any descriptor, or a field) may be used. Constructors are {@code <init>}.</li>
 * <li>{@code pkg.Class#name(descriptor-prefix}: as above, but only for members whose JVM descriptor starts
 * with the given text, e.g. {@code java.lang.String#getBytes(Ljava/lang/String;)} or
 * {@code java.lang.String#replace(CC)}.</li>
 * <li>Nested classes use {@code $}: {@code java.util.Map$Entry}.</li>
 * <li>The text after {@code |} says where the fact comes from; it is required and must not be empty.</li>
 * <li>Entries after the line {@code [test]} apply only to test classes.</li>
 * <li>The source starts with {@code proven:} or {@code unproven:}; required for the MicroEJ API packages
 * ({@code ej.}, {@code org.eclipse.paho.}, {@code javax.net.}, {@code java.security.}), optional elsewhere.
 * {@code unproven:} means no MicroEJ source in reach shows the member: the gate lets it through and counts it.</li>
 * <li>A method entry of a class the host platform implements ({@code ej.}, {@code org.eclipse.paho.}) records
 * the {@code throws} clause the real API is known to have: {@code throws()} for none,
 * {@code throws(java.io.IOException)}, or {@code throws(?)} when it is not known (then the member counts as
 * unproven). The gate compares it with the host's class file.</li>
 * <li>A constant of such a class records its value, {@code value(32100)}: javac copies constants into the
 * firmware, so the gate never sees them used, and checks the host's value against this one instead.</li>
 * <li>An {@code unproven:} entry may name the firmware classes that alone may use it,
 * {@code holder(com.relayboard.firmware.net.MicroPahoCalls)} (several separated by commas): the class that holds
 * the member next to its proven fallback, so that a maker whose SDK lacks it changes one line there. A main class
 * that is not one of them (or nested in one) is refused. Test classes are not restricted.</li>
 * </ul>
 * Any other syntax makes {@link #load(Path)} fail with the line number.
 */
public final class Allowlist {

    /** Section header after which entries apply to test classes only. */
    public static final String TEST_SECTION = "[test]";

    private static final String IDENT = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final Pattern ENTRY = Pattern.compile(
            "(" + IDENT + "(?:\\." + IDENT + ")+)"          // 1: fully qualified class name (package required)
            + "(?:#(<init>|<clinit>|" + IDENT + ")"         // 2: member name
            + "(\\([A-Za-z0-9_$/;\\[()]*)?)?");             // 3: optional descriptor prefix, starts with '('

    /** Marks an entry whose fact is established by MicroEJ material. */
    public static final String PROVEN = "proven:";
    /** Marks an entry whose fact is not established: allowed, counted, listed in docs/api-evidence.md. */
    public static final String UNPROVEN = "unproven:";
    /** The {@code throws(?)} record: the real throws clause is not known. */
    public static final List<String> THROWS_UNKNOWN = Collections.unmodifiableList(new ArrayList<>(List.of("?")));

    /** Packages whose entries must say {@link #PROVEN} or {@link #UNPROVEN}. */
    private static final String[] STATUS_REQUIRED = { "ej/", "org/eclipse/paho/", "javax/net/", "java/security/" };
    private static final Pattern THROWS = Pattern.compile("\\bthrows\\(([^)]*)\\)");
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\(([^)]*)\\)");
    private static final Pattern HOLDER = Pattern.compile("\\bholder\\(([^)]*)\\)");

    /** One line of the allowlist. */
    public static final class Entry {
        private final int line;
        private final String className;
        private final String member;
        private final String descriptorPrefix;
        private final String source;
        private final boolean testOnly;
        private final List<String> throwsRecord;
        private final String constantValue;
        private final List<String> holders;

        Entry(int line, String className, String member, String descriptorPrefix, String source, boolean testOnly,
                List<String> throwsRecord, String constantValue, List<String> holders) {
            this.line = line;
            this.className = className;
            this.member = member;
            this.descriptorPrefix = descriptorPrefix;
            this.source = source;
            this.testOnly = testOnly;
            this.throwsRecord = throwsRecord;
            this.constantValue = constantValue;
            this.holders = holders;
        }

        /**
         * The firmware classes that alone may use this unproven entry (internal names, from {@code holder(...)}), or
         * {@code null} when any class may.
         */
        public List<String> holders() {
            return holders;
        }

        /** Whether the source says {@code unproven:}. */
        public boolean unproven() {
            return source.startsWith(UNPROVEN);
        }

        /**
         * The recorded throws clause (internal names, in file order; {@link #THROWS_UNKNOWN} for {@code throws(?)}),
         * or {@code null} when the entry records none.
         */
        public List<String> throwsRecord() {
            return throwsRecord;
        }

        /** The recorded constant value (text between the parentheses of {@code value(...)}), or {@code null}. */
        public String constantValue() {
            return constantValue;
        }

        /** Line number in the file (1-based). */
        public int line() {
            return line;
        }

        /** Internal name of the class, e.g. {@code java/util/Map$Entry}. */
        public String className() {
            return className;
        }

        /** Member name, or {@code null} for a whole-class entry. */
        public String member() {
            return member;
        }

        /** Descriptor prefix (starting with '('), or {@code null} when any descriptor is allowed. */
        public String descriptorPrefix() {
            return descriptorPrefix;
        }

        /** Where the fact came from (text after '|'). */
        public String source() {
            return source;
        }

        /** Whether the entry is in the {@code [test]} section. */
        public boolean testOnly() {
            return testOnly;
        }

        boolean matches(String name, String descriptor) {
            return member.equals(name) && (descriptorPrefix == null || descriptor.startsWith(descriptorPrefix));
        }

        @Override
        public String toString() {
            String text = className.replace('/', '.');
            if (member != null) {
                text += "#" + member + (descriptorPrefix == null ? "" : descriptorPrefix);
            }
            return (testOnly ? "[test] " : "") + text + " | " + source;
        }
    }

    /** What one section allows for one class. */
    private static final class ClassRule {
        Entry wholeClass;
        final List<Entry> members = new ArrayList<>();

        /** The member entry that allows it, else the whole-class entry, else null. */
        Entry entryFor(String name, String descriptor) {
            for (Entry entry : members) {
                if (entry.matches(name, descriptor)) {
                    return entry;
                }
            }
            return wholeClass;
        }

        /** Whether every entry of the class is unproven (then a reference to the class alone is unproven too). */
        boolean onlyUnproven() {
            if (wholeClass != null && !wholeClass.unproven()) {
                return false;
            }
            for (Entry entry : members) {
                if (!entry.unproven()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Entry> entries;
    private final Map<String, ClassRule> main = new HashMap<>();
    private final Map<String, ClassRule> test = new HashMap<>();

    private Allowlist(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
        for (Entry entry : entries) {
            Map<String, ClassRule> section = entry.testOnly() ? test : main;
            ClassRule rule = section.get(entry.className());
            if (rule == null) {
                rule = new ClassRule();
                section.put(entry.className(), rule);
            }
            if (entry.member() == null) {
                rule.wholeClass = entry;
            } else {
                rule.members.add(entry);
            }
        }
    }

    /**
     * Reads an allowlist file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and line, if a line is malformed or lacks its source
     */
    public static Allowlist load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses allowlist lines.
     *
     * @param lines the file's lines
     * @param origin name of the file, used in error messages
     * @throws IllegalArgumentException naming the origin and line, if a line is malformed or lacks its source
     */
    public static Allowlist parse(List<String> lines, String origin) {
        List<Entry> entries = new ArrayList<>();
        boolean inTest = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.equals(TEST_SECTION)) {
                    throw error(origin, lineNumber, "unknown section '" + line + "' (only " + TEST_SECTION + " exists)");
                }
                if (inTest) {
                    throw error(origin, lineNumber, "duplicate " + TEST_SECTION + " section");
                }
                inTest = true;
                continue;
            }
            int bar = line.indexOf('|');
            if (bar < 0) {
                throw error(origin, lineNumber, "missing source: expected 'entry | where this fact comes from', got '"
                        + line + "'");
            }
            String spec = line.substring(0, bar).trim();
            String source = line.substring(bar + 1).trim();
            if (source.isEmpty()) {
                throw error(origin, lineNumber, "empty source after '|' for '" + spec + "'");
            }
            Matcher m = ENTRY.matcher(spec);
            if (!m.matches()) {
                throw error(origin, lineNumber, "unknown syntax '" + spec
                        + "': expected pkg.Class, pkg.Class#member or pkg.Class#member(descriptor-prefix");
            }
            String className = m.group(1).replace('.', '/');
            if (statusRequired(className) && !source.startsWith(PROVEN) && !source.startsWith(UNPROVEN)) {
                throw error(origin, lineNumber, "the source of '" + spec + "' must start with '" + PROVEN + "' or '"
                        + UNPROVEN + "': say whether MicroEJ material establishes it");
            }
            List<String> throwsRecord = null;
            Matcher t = THROWS.matcher(source);
            if (t.find()) {
                String list = t.group(1).trim();
                if (list.equals("?")) {
                    throwsRecord = THROWS_UNKNOWN;
                } else {
                    throwsRecord = new ArrayList<>();
                    for (String exception : list.split(",")) {
                        if (!exception.trim().isEmpty()) {
                            throwsRecord.add(exception.trim().replace('.', '/'));
                        }
                    }
                    throwsRecord = Collections.unmodifiableList(throwsRecord);
                }
            }
            Matcher v = VALUE.matcher(source);
            String constantValue = v.find() ? v.group(1).trim() : null;
            List<String> holders = null;
            Matcher h = HOLDER.matcher(source);
            if (h.find()) {
                if (!source.startsWith(UNPROVEN)) {
                    throw error(origin, lineNumber, "holder(...) on '" + spec + "', which is not unproven: only an"
                            + " unproven entry is kept to the class that holds its fallback");
                }
                holders = new ArrayList<>();
                for (String holder : h.group(1).split(",")) {
                    String name = holder.trim();
                    if (!name.matches(IDENT + "(?:\\." + IDENT + ")+")) {
                        throw error(origin, lineNumber, "holder(...) of '" + spec + "' names '" + name
                                + "', not a fully qualified class name");
                    }
                    holders.add(name.replace('.', '/'));
                }
                holders = Collections.unmodifiableList(holders);
            }
            entries.add(new Entry(lineNumber, className, m.group(2), m.group(3), source, inTest, throwsRecord,
                    constantValue, holders));
        }
        return new Allowlist(entries);
    }

    private static IllegalArgumentException error(String origin, int line, String message) {
        return new IllegalArgumentException(origin + ":" + line + ": " + message);
    }

    private static boolean statusRequired(String internalName) {
        for (String prefix : STATUS_REQUIRED) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** All entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Whether a class may be referenced as a type.
     *
     * @param internalName e.g. {@code java/lang/String}
     * @param testScope whether the referencing class is a test class (then the {@code [test]} section applies too)
     */
    public boolean allowsClass(String internalName, boolean testScope) {
        return main.containsKey(internalName) || (testScope && test.containsKey(internalName));
    }

    /**
     * Whether a member (method or field) may be used through the given owner.
     *
     * @param owner internal name of the class named in the instruction, e.g. {@code java/lang/String}
     * @param name member name, e.g. {@code format} or {@code <init>}
     * @param descriptor JVM descriptor of the member
     * @param testScope whether the referencing class is a test class
     */
    public boolean allowsMember(String owner, String name, String descriptor, boolean testScope) {
        return entryFor(owner, name, descriptor, testScope) != null;
    }

    /**
     * The entry that allows a member through the given owner: a member entry if one matches, else the class's
     * whole-class entry; {@code null} when the member is not allowed.
     */
    public Entry entryFor(String owner, String name, String descriptor, boolean testScope) {
        ClassRule rule = main.get(owner);
        Entry entry = rule == null ? null : rule.entryFor(name, descriptor);
        if (entry == null && testScope) {
            rule = test.get(owner);
            entry = rule == null ? null : rule.entryFor(name, descriptor);
        }
        return entry;
    }

    /**
     * The classes that alone may name a class that is allowed only by unproven entries: the holders of all its
     * entries, or {@code null} when one of them names none (or the class is not unproven).
     */
    public List<String> classHolders(String internalName, boolean testScope) {
        if (!classIsUnproven(internalName, testScope)) {
            return null;
        }
        ClassRule rule = main.get(internalName);
        if (rule == null && testScope) {
            rule = test.get(internalName);
        }
        List<String> holders = new ArrayList<>();
        List<Entry> all = new ArrayList<>(rule.members);
        if (rule.wholeClass != null) {
            all.add(rule.wholeClass);
        }
        for (Entry entry : all) {
            if (entry.holders() == null) {
                return null;
            }
            holders.addAll(entry.holders());
        }
        return holders;
    }

    /** Whether a class is allowed only by unproven entries, so that naming it at all is unproven. */
    public boolean classIsUnproven(String internalName, boolean testScope) {
        ClassRule rule = main.get(internalName);
        if (rule == null && testScope) {
            rule = test.get(internalName);
        }
        return rule != null && rule.onlyUnproven();
    }
}
