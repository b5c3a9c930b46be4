package com.relayboard.host.clock;

import java.lang.instrument.Instrumentation;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import com.relayboard.host.threads.BoardClassHook;

/**
 * Makes the board's code read the board's clock: in the firmware's classes ({@code com/relayboard/firmware/}) and
 * in the host's MicroPaho stand-in ({@code org/eclipse/paho/client/mqttv3/}, board code on the device, where
 * MicroPaho's calls read the application time too), every {@code System.currentTimeMillis()} call becomes
 * {@code ej.bon.Util.currentTimeMillis()}. On the device {@code System.currentTimeMillis()} IS the application
 * time, which starts at 1970 and moves only when the application sets it; the desktop's is the real date. The
 * relocated Paho engine under the stand-in reads only {@code System.nanoTime()} (checked with javap on 1.2.5),
 * so it needs no rewrite.
 *
 * <p>Installed by the host's agent ({@code ThreadBudgetAgent}) before {@code main} ({@link BoardClassHook}). Nothing
 * else of the JVM (the tests, the room, the JDK) is touched.
 */
public final class ApplicationClockHook {

    /** Class name prefixes (internal form) of the board's code. */
    static final String[] BOARD_CODE = { "com/relayboard/firmware/", "org/eclipse/paho/client/mqttv3/" };
    private static final String APPLICATION_CLOCK = "ej/bon/Util";

    /** Installs {@link #rewrite(byte[])} on the board's classes ({@link BoardClassHook}). */
    private static final BoardClassHook HOOK = new BoardClassHook(BOARD_CODE, APPLICATION_CLOCK) {
        @Override
        protected byte[] rewrite(byte[] classFile) {
            return ApplicationClockHook.rewrite(classFile);
        }
    };

    private ApplicationClockHook() {
    }

    public static void install(Instrumentation inst) {
        HOOK.install(inst);
    }

    /** @return whether the agent installed the hook (board classes read the board's clock) */
    public static boolean installed() {
        return HOOK.installed();
    }

    /** @return why a board class kept the desktop's clock, or {@code null} */
    public static String failure() {
        return HOOK.failure();
    }

    static boolean isBoardCode(String className) {
        return HOOK.covers(className);
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
