package com.relayboard.host.net;

import java.lang.instrument.Instrumentation;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import com.relayboard.host.threads.BoardClassHook;

/**
 * Makes the firmware's UDP sockets the station's: in the firmware's classes ({@code com/relayboard/firmware/}),
 * {@code new DatagramSocket()} builds a {@link StationDatagramSocket}, which counts against the board's socket cap
 * and sends only while the station has its address. On the board every socket, UDP or TCP, is one of lwIP's 10;
 * on the desktop a JDK {@code DatagramSocket} would be free and always connected.
 *
 * <p>Installed by the host's agent ({@code ThreadBudgetAgent}) before {@code main} ({@link BoardClassHook}). The subclass keeps the
 * allocation's type a {@code DatagramSocket}, so the rewrite changes two names and nothing of the stack.
 */
public final class StationDatagramHook {

    private static final String FIRMWARE = "com/relayboard/firmware/";
    private static final String JDK_SOCKET = "java/net/DatagramSocket";
    private static final String STATION_SOCKET = "com/relayboard/host/net/StationDatagramSocket";
    /** The one constructor the station's socket has, the one the firmware calls. */
    private static final String NO_ARGUMENTS = "()V";

    /** Installs {@link #rewrite(byte[])} on the firmware's classes ({@link BoardClassHook}). */
    private static final BoardClassHook HOOK = new BoardClassHook(new String[] { FIRMWARE }, STATION_SOCKET) {
        @Override
        protected byte[] rewrite(byte[] classFile) {
            return StationDatagramHook.rewrite(classFile);
        }
    };

    private StationDatagramHook() {
    }

    public static void install(Instrumentation inst) {
        HOOK.install(inst);
    }

    /** @return whether the agent installed the hook */
    public static boolean installed() {
        return HOOK.installed();
    }

    /** @return why a firmware class kept the JDK's UDP socket, or {@code null} */
    public static String failure() {
        return HOOK.failure();
    }

    /**
     * @return the class with each {@code new DatagramSocket()} turned into {@code new StationDatagramSocket()}, or
     *         {@code null} when it makes none (left as loaded)
     * @throws IllegalStateException
     *             when it calls a constructor the station's socket does not have
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        final int[] rewritten = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW && JDK_SOCKET.equals(type)) {
                            rewritten[0]++;
                            super.visitTypeInsn(opcode, STATION_SOCKET);
                        } else {
                            super.visitTypeInsn(opcode, type);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESPECIAL && JDK_SOCKET.equals(owner) && "<init>".equals(method)) {
                            if (!NO_ARGUMENTS.equals(methodDescriptor)) {
                                throw new IllegalStateException("DatagramSocket" + methodDescriptor
                                        + " has no station counterpart");
                            }
                            super.visitMethodInsn(opcode, STATION_SOCKET, method, methodDescriptor, isInterface);
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
