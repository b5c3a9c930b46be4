package com.relayboard.host.console;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the board's classes as they load so that each method begins, and each loop's back-edge (a jump to
 * code already seen) passes, with {@code UartStall.safepoint()}: where a board thread stops while the UART holds
 * the whole VM ({@link UartStall}). The board's classes are the firmware ({@code com/relayboard/firmware/}) and what
 * stands in for MicroPaho on its threads: the MicroPaho API ({@code org/eclipse/paho/}) and the Paho engine behind it
 * ({@code com/relayboard/host/paho/}), whose threads are the board's on the device. Other classes, the JDK's and the
 * host's own, load unchanged.
 *
 * <p>Installed by {@code ThreadBudgetAgent}'s premain, before {@code main}, so no board class loads without it (board
 * classes loaded before, as a jar's main class may load some, are retransformed). The
 * call takes and leaves nothing on the operand stack and adds no branch, so the class's stack map frames stay valid.
 */
public final class BoardSafepoints {

    /** The board's code, as class-name prefixes. */
    static final String[] BOARD_PACKAGES = { "com/relayboard/firmware/", "org/eclipse/paho/",
            "com/relayboard/host/paho/" };
    private static final String STALL = "com/relayboard/host/console/UartStall";
    private static final String STALL_RESOURCE = STALL + ".class";

    private static volatile boolean installed;
    private static volatile String failure = "no agent: the JVM was started without -javaagent (or the jar's"
            + " Launcher-Agent-Class)";

    private BoardSafepoints() {
    }

    /** Rewrites every board class loaded from now on. Once per JVM. */
    public static synchronized void install(Instrumentation inst) {
        if (installed) {
            return;
        }
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (className == null || !isBoardClass(className) || loader == null
                        || loader.getResource(STALL_RESOURCE) == null) {
                    // Not the board's, or a loader that cannot see UartStall (the firmware's own unit tests).
                    return null;
                }
                try {
                    return rewrite(bytes);
                } catch (RuntimeException e) {
                    failure = "cannot add safepoints to " + className + ": " + e;
                    installed = false;
                    return null;
                }
            }
        }, true);
        installed = true;
        // A jar's Launcher-Agent-Class runs once its main class is loaded, which may have loaded board classes.
        List<Class<?>> early = new ArrayList<>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (isBoardClass(loaded.getName().replace('.', '/')) && inst.isModifiableClass(loaded)) {
                early.add(loaded);
            }
        }
        if (!early.isEmpty()) {
            try {
                inst.retransformClasses(early.toArray(new Class<?>[0]));
            } catch (Exception | LinkageError e) {
                failure = "cannot add safepoints to the board classes loaded before the agent: " + e;
                installed = false;
            }
        }
    }

    static boolean installed() {
        return installed;
    }

    static String failure() {
        return installed ? null : failure;
    }

    static boolean isBoardClass(String internalName) {
        for (String prefix : BOARD_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @return the class with a safepoint at every method entry and loop back-edge */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new SafepointInserter(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Inserts the call at the method's start and before every jump back to a label already visited. */
    private static final class SafepointInserter extends MethodVisitor {

        private final Set<Label> seen = new HashSet<>();

        SafepointInserter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            safepoint();
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            this.seen.add(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (this.seen.contains(target)) {
                safepoint(); // A loop's back-edge: a thread spinning here must stop too.
            }
            super.visitJumpInsn(opcode, target);
        }

        private void safepoint() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STALL, "safepoint", "()V", false);
        }
    }
}
