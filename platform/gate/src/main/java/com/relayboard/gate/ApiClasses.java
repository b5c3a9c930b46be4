package com.relayboard.gate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class files of the API the firmware compiles against (the host platform's {@code ej.*} and
 * {@code org.eclipse.paho.*} classes, and the JDK's), read from the gate's class path: their superclasses,
 * interfaces, declared methods with their {@code throws} clauses, and compile-time constants.
 *
 * <p>The gate needs them where javac's class files do not say enough: a member called on {@code this} is named
 * through the firmware's own class, an overriding method names no API class at all, a {@code throws} clause
 * decides which {@code catch} blocks compile, and a constant is copied into the firmware without a trace.
 */
final class ApiClasses {

    /** Packages whose classes the host platform implements: their throws clauses and constants are facts to check. */
    private static final String[] HOST_API_PACKAGES = { "ej/", "org/eclipse/paho/" };

    /** What one class file declares. */
    static final class Info {
        final String name;
        final String superName;
        final List<String> interfaces;
        /** name + descriptor of each declared method, to its declared exceptions (internal names). */
        final Map<String, List<String>> methods = new HashMap<>();
        /** name of each public or protected static final field with a ConstantValue attribute, to that value. */
        final Map<String, Object> constants = new LinkedHashMap<>();
        /** name + ':' + descriptor of each declared field. */
        final List<String> fields = new ArrayList<>();

        Info(String name, String superName, String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? Collections.<String>emptyList() : List.of(interfaces);
        }

        boolean declares(String memberName, String descriptor, boolean method) {
            return method ? methods.containsKey(memberName + descriptor)
                    : fields.contains(memberName + ":" + descriptor);
        }
    }

    private final ClassLoader loader;
    private final Map<String, Info> cache = new HashMap<>();

    ApiClasses(ClassLoader loader) {
        this.loader = loader;
    }

    /** Whether the class belongs to the packages the host platform implements. */
    static boolean isHostApi(String internalName) {
        for (String prefix : HOST_API_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Reads an already parsed class (the firmware's own) into the same shape. */
    static Info read(ClassReader reader) {
        final Info[] info = new Info[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                info[0] = new Info(name, superName, interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                info[0].fields.add(name + ":" + descriptor);
                // Only constants the firmware can name are copied into it.
                boolean visible = (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
                if (value != null && visible && (access & Opcodes.ACC_STATIC) != 0
                        && (access & Opcodes.ACC_FINAL) != 0) {
                    info[0].constants.put(name, value);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                info[0].methods.put(name + descriptor,
                        exceptions == null ? Collections.<String>emptyList() : List.of(exceptions));
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return info[0];
    }

    /** The class file of an API class, or {@code null} when the gate's class path has none. */
    Info get(String internalName) {
        if (cache.containsKey(internalName)) {
            return cache.get(internalName);
        }
        Info info = null;
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in != null) {
                info = read(new ClassReader(in));
            }
        } catch (IOException e) {
            throw new IllegalStateException("fidelity gate: cannot read the API class " + internalName + ": " + e, e);
        }
        cache.put(internalName, info);
        return info;
    }

    /**
     * The class that declares a member, searching {@code start}, its superclasses, then its interfaces; or
     * {@code null} when none of the readable classes declares it.
     */
    Info declaring(String start, String memberName, String descriptor, boolean method) {
        for (String name = start; name != null;) {
            Info info = get(name);
            if (info == null) {
                return null;
            }
            if (info.declares(memberName, descriptor, method)) {
                return info;
            }
            for (String itf : info.interfaces) {
                Info found = declaring(itf, memberName, descriptor, method);
                if (found != null) {
                    return found;
                }
            }
            name = info.superName;
        }
        return null;
    }
}
