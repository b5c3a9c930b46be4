package com.relayboard.host.threads;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites {@code java.lang.Thread.start()} so that it begins with
 *
 * <pre>
 * ThreadGroup g = getThreadGroup();
 * if (g instanceof Consumer) ((Consumer) g).accept(this);
 * </pre>
 *
 * Only {@link BoardThreads}' group is a {@link Consumer}: every other thread of the JVM starts as before. Nothing
 * of ours has to be on the boot class path: {@code Consumer} is the JDK's.
 */
final class ThreadStartHook {

    private static volatile boolean installed;
    private static volatile String failure = "no agent: the JVM was started without -javaagent (or the jar's Launcher-Agent-Class)";

    private ThreadStartHook() {
    }

    static synchronized void install(Instrumentation inst) {
        if (installed) {
            return;
        }
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (redefined != Thread.class) {
                    return null;
                }
                try {
                    return rewrite(bytes);
                } catch (RuntimeException e) {
                    failure = "cannot rewrite Thread.start(): " + e;
                    return null;
                }
            }
        };
        try {
            inst.addTransformer(transformer, true);
            inst.retransformClasses(Thread.class);
            inst.removeTransformer(transformer);
            installed = probe();
            if (!installed && failure.startsWith("no agent")) {
                failure = "Thread.start() was rewritten but does not ask the thread's group";
            }
        } catch (Exception | LinkageError e) {
            failure = "cannot retransform Thread: " + e;
        }
    }

    /** @return whether a thread started in a {@link Consumer} group is shown to it */
    private static boolean probe() {
        final boolean[] seen = new boolean[1];
        class Probe extends ThreadGroup implements Consumer<Thread> {
            Probe() {
                super("relayboard-thread-hook-probe");
            }

            @Override
            public void accept(Thread t) {
                seen[0] = true;
            }
        }
        Thread t = new Thread(new Probe(), () -> { }, "relayboard-thread-hook-probe");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen[0];
    }

    static boolean installed() {
        return installed;
    }

    static String failure() {
        return installed ? null : failure;
    }

    static byte[] rewrite(byte[] threadClass) {
        ClassReader reader = new ClassReader(threadClass);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_FRAMES);
        final boolean[] done = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!"start".equals(name) || !"()V".equals(descriptor)) {
                    return mv;
                }
                done[0] = true;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        Label skip = new Label();
                        Label after = new Label();
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "getThreadGroup",
                                "()Ljava/lang/ThreadGroup;", false);
                        super.visitInsn(Opcodes.DUP);
                        super.visitTypeInsn(Opcodes.INSTANCEOF, "java/util/function/Consumer");
                        super.visitJumpInsn(Opcodes.IFEQ, skip);
                        super.visitTypeInsn(Opcodes.CHECKCAST, "java/util/function/Consumer");
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/Consumer", "accept",
                                "(Ljava/lang/Object;)V", true);
                        super.visitJumpInsn(Opcodes.GOTO, after);
                        super.visitLabel(skip);
                        super.visitInsn(Opcodes.POP);
                        super.visitLabel(after);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        if (!done[0]) {
            throw new IllegalStateException("java.lang.Thread has no start()");
        }
        return writer.toByteArray();
    }
}
