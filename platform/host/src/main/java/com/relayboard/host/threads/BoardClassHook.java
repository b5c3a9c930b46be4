package com.relayboard.host.threads;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * One rewrite the host's agent applies to the board's classes as they load, so that the board's code meets the
 * board's rules on the desktop (its clock, its UART, its sockets). A subclass names the class-name prefixes of the
 * code it rewrites and the rewrite itself; this class installs it once per JVM, before {@code main}, and also
 * rewrites the board classes already loaded by then (a jar's {@code Launcher-Agent-Class} runs after its main class
 * has loaded, which may have loaded some). A failure is kept, not thrown: the class loads unchanged, and
 * {@link #failure()} says which and why, so that whoever relies on the rewrite can say so.
 */
public abstract class BoardClassHook {

    private final String[] prefixes;
    /** A class (internal name) the rewritten code calls: a loader that cannot see it gets the class unchanged. */
    private final String calledClassResource;
    private volatile boolean installed;
    private volatile String failure = "no agent: the JVM was started without -javaagent (or the jar's"
            + " Launcher-Agent-Class)";

    /**
     * @param prefixes
     *            the board's code this hook rewrites, as class-name prefixes in internal form
     * @param calledClass
     *            the host class the rewritten code calls (internal name)
     */
    protected BoardClassHook(String[] prefixes, String calledClass) {
        this.prefixes = prefixes.clone();
        this.calledClassResource = calledClass + ".class";
    }

    /**
     * @return the class rewritten, or {@code null} when it needs nothing (left as loaded)
     * @throws RuntimeException
     *             when it cannot be rewritten
     */
    protected abstract byte[] rewrite(byte[] classFile);

    /** Rewrites every board class of this hook's from now on, and those loaded already. Once per JVM. */
    public final synchronized void install(Instrumentation inst) {
        if (this.installed) {
            return;
        }
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (className == null || !covers(className) || loader == null
                        || loader.getResource(BoardClassHook.this.calledClassResource) == null) {
                    // Not this hook's, or a loader that cannot see what the rewrite calls (the firmware's unit tests).
                    return null;
                }
                try {
                    return rewrite(bytes);
                } catch (RuntimeException e) {
                    fail("cannot rewrite " + className + ": " + e.getMessage());
                    return null;
                }
            }
        }, true);
        this.installed = true;
        this.failure = null;
        List<Class<?>> early = new ArrayList<>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (covers(loaded.getName().replace('.', '/')) && inst.isModifiableClass(loaded)) {
                early.add(loaded);
            }
        }
        if (!early.isEmpty()) {
            try {
                inst.retransformClasses(early.toArray(new Class<?>[0]));
            } catch (Exception | LinkageError e) {
                fail("cannot rewrite the board classes loaded before the agent: " + e);
            }
        }
    }

    /** @return whether every board class of this hook loaded so far was rewritten */
    public final boolean installed() {
        return this.installed && this.failure == null;
    }

    /** @return why a board class was left as loaded, or {@code null} */
    public final String failure() {
        return this.failure;
    }

    /** @return whether the class (internal name) is board code this hook rewrites */
    public final boolean covers(String internalName) {
        for (String prefix : this.prefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void fail(String why) {
        this.failure = why;
    }
}
