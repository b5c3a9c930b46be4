package com.relayboard.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;

/**
 * The firmware's packages layered one way, checked on its class files: each firmware package may use only the
 * firmware packages its line in the layers file names ({@code platform/gate/firmware-layers.txt}), and a line may
 * name only packages listed above it, so the layers have no cycle. A reference from one firmware package to
 * another that its line does not name is an upward dependency: a violation, as an API outside the allowlist is.
 *
 * <p>References are read from the constant pool: every class name and every type descriptor (fields, methods,
 * generic signatures), so a type used only in a signature counts as much as a call.
 */
public final class PackageLayers {

    /** The firmware's root package, as class files name it. */
    static final String FIRMWARE = "com/relayboard/firmware";
    /** How the layers file names {@link #FIRMWARE} itself. */
    static final String ROOT = "(root)";
    private static final Pattern FIRMWARE_NAME = Pattern.compile(FIRMWARE + "(?:/[A-Za-z0-9_$]+)+");
    private static final int UTF8 = 1;

    /** Each package, in file order, with the packages it may use. */
    private final Map<String, Set<String>> allowed;
    private final Path file;

    private PackageLayers(Map<String, Set<String>> allowed, Path file) {
        this.allowed = allowed;
        this.file = file;
    }

    /**
     * @throws IllegalArgumentException when a line names a package not listed above it (which would allow a cycle),
     *             or lists a package twice
     */
    public static PackageLayers load(Path file) throws IOException {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        int number = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(file + ":" + number + ": expected \"package: used packages\"");
            }
            String name = line.substring(0, colon).trim();
            if (allowed.containsKey(name)) {
                throw new IllegalArgumentException(file + ":" + number + ": " + name + " is listed twice");
            }
            Set<String> uses = new LinkedHashSet<>();
            for (String used : line.substring(colon + 1).trim().split("\\s+")) {
                if (used.isEmpty()) {
                    continue;
                }
                if (!allowed.containsKey(used)) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + name + " may use only packages"
                            + " listed above it, and " + used + " is not: the layers would allow a cycle");
                }
                uses.add(used);
            }
            allowed.put(name, uses);
        }
        return new PackageLayers(allowed, file);
    }

    /** @return the violations among the class files under {@code classesDir}, in file order */
    public List<Violation> check(Path classesDir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            paths = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".class"))
                    .sorted().collect(Collectors.toList());
        }
        List<Violation> violations = new ArrayList<>();
        for (Path path : paths) {
            ClassReader reader = new ClassReader(Files.readAllBytes(path));
            String owner = reader.getClassName();
            String from = packageOf(owner);
            if (from == null) {
                continue;
            }
            Set<String> uses = this.allowed.get(from);
            if (uses == null) {
                violations.add(new Violation(owner, owner + " (package " + from + ")", null, "the package is not in " + this.file
                        + ": give it a line there, with the packages it may use"));
                continue;
            }
            for (String referenced : referencedFirmwareClasses(reader)) {
                String to = packageOf(referenced);
                if (to == null || to.equals(from) || uses.contains(to)) {
                    continue;
                }
                violations.add(new Violation(owner, owner + " (package " + from + ")", "class " + referenced, "upward dependency: " + from
                        + " may use only " + (uses.isEmpty() ? "no other firmware package" : String.join(", ", uses))
                        + " (" + this.file.getFileName() + ")"));
            }
        }
        return violations;
    }

    /** @return the firmware package of an internal class name, as the layers file names it, or {@code null} */
    static String packageOf(String internalName) {
        if (!internalName.startsWith(FIRMWARE + "/")) {
            return null;
        }
        int slash = internalName.lastIndexOf('/');
        if (slash == FIRMWARE.length()) {
            return ROOT;
        }
        return internalName.substring(FIRMWARE.length() + 1, slash).replace('/', '.');
    }

    /** @return the firmware classes a class file names: class constants and descriptors alike, sorted */
    static Set<String> referencedFirmwareClasses(ClassReader reader) {
        Set<String> names = new TreeSet<>();
        byte[] bytes = reader.b;
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || bytes[offset - 1] != UTF8) {
                continue; // The second slot of a long or double, or not a string of the class file.
            }
            int length = reader.readUnsignedShort(offset);
            // Class names are ASCII here: modified UTF-8 and ISO-8859-1 agree on them.
            String text = new String(bytes, offset + 2, length, StandardCharsets.ISO_8859_1);
            Matcher m = FIRMWARE_NAME.matcher(text);
            while (m.find()) {
                String name = m.group();
                int nested = name.indexOf('$');
                names.add(nested < 0 ? name : name.substring(0, nested));
            }
        }
        return names;
    }
}
