package com.relayboard.host.console;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import com.relayboard.host.threads.BoardClassHook;

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

    /** Installs {@link #rewrite(byte[])} on the board's classes ({@link BoardClassHook}). */
    private static final BoardClassHook HOOK = new BoardClassHook(BOARD_PACKAGES, STALL) {
        @Override
        protected byte[] rewrite(byte[] classFile) {
            return BoardSafepoints.rewrite(classFile);
        }
    };

    private BoardSafepoints() {
    }

    /** Rewrites every board class loaded from now on, and those loaded already. Once per JVM. */
    public static void install(Instrumentation inst) {
        HOOK.install(inst);
    }

    static boolean installed() {
        return HOOK.installed();
    }

    static String failure() {
        return HOOK.failure();
    }

    static boolean isBoardClass(String internalName) {
        return HOOK.covers(internalName);
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
