package com.relayboard.host.clock;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes the board's code read the board's clock: in the firmware's classes ({@code com/relayboard/firmware/}) and
 * in the host's MicroPaho stand-in ({@code org/eclipse/paho/client/mqttv3/}, board code on the device, where
 * MicroPaho's calls read the application time too), every {@code System.currentTimeMillis()} call becomes
 * {@code ej.bon.Util.currentTimeMillis()}. On the device {@code System.currentTimeMillis()} IS the application
 * time, which starts at 1970 and moves only when the application sets it; the desktop's is the real date. The
 * relocated Paho engine under the stand-in reads only {@code System.nanoTime()} (checked with javap on 1.2.5),
 * so it needs no rewrite.
 *
 * <p>Installed by the host's agent ({@code ThreadBudgetAgent}) before {@code main}, as a plain transformer: it
 * sees each of those classes as it loads. Nothing else of the JVM (the tests, the room, the JDK) is touched.
 */
public final class ApplicationClockHook {

    /** Class name prefixes (internal form) of the board's code. */
    static final String[] BOARD_CODE = { "com/relayboard/firmware/", "org/eclipse/paho/client/mqttv3/" };
    private static final String APPLICATION_CLOCK = "ej/bon/Util";

    private static volatile boolean installed;
    private static volatile String failure;

    private ApplicationClockHook() {
    }

    public static synchronized void install(Instrumentation inst) {
        if (installed) {
            return;
        }
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (loader == null || className == null || !isBoardCode(className)) {
                    return null;
                }
                try {
                    return rewrite(bytes);
                } catch (RuntimeException e) {
                    failure = "cannot rewrite " + className + ": " + e;
                    return null;
                }
            }
        });
        installed = true;
    }

    /** @return whether the agent installed the hook (board classes loaded from now on read the board's clock) */
    public static boolean installed() {
        return installed;
    }

    /** @return why a board class kept the desktop's clock, or {@code null} */
    public static String failure() {
        return failure;
    }

    static boolean isBoardCode(String className) {
        for (String prefix : BOARD_CODE) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the class with each {@code System.currentTimeMillis()} call turned into
     *         {@code ej.bon.Util.currentTimeMillis()}, or {@code null} when it has none (left as loaded)
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // Same stack effect ()J: no frame changes, so the reader's frames are kept.
        ClassWriter writer = new ClassWriter(reader, 0);
        final int[] rewritten = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner)
                                && "currentTimeMillis".equals(method) && "()J".equals(methodDescriptor)) {
                            rewritten[0]++;
                            super.visitMethodInsn(opcode, APPLICATION_CLOCK, "currentTimeMillis", "()J", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, methodDescriptor, isInterface);
                        }
                    }
                };
            }
        }, 0);
        return rewritten[0] == 0 ? null : writer.toByteArray();
    }
}
