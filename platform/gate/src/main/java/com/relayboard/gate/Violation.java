package com.relayboard.gate;

import java.util.Objects;

/**
 * One thing in a firmware class file that the device would not have.
 *
 * <p>{@link #toString()} is the line printed by the gate, e.g.
 * {@code com/relayboard/firmware/Foo.bar(I)V: calls method java/lang/String.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String; -- not in the MicroEJ API allowlist}.
 */
public final class Violation {

    /** Reason: the referenced class or member has no allowlist entry. */
    public static final String NOT_ALLOWED = "not in the MicroEJ API allowlist";
    /** Reason: the class uses invokedynamic. */
    public static final String INVOKEDYNAMIC =
            "invokedynamic (lambda or method reference) is not available on MicroEJ SDK 5";

    private final String referencingClass;
    private final String location;
    private final String referenced;
    private final String reason;

    Violation(String referencingClass, String location, String referenced, String reason) {
        this.referencingClass = referencingClass;
        this.location = location;
        this.referenced = referenced;
        this.reason = reason;
    }

    /** Internal name of the class file in which the problem was found, e.g. {@code com/relayboard/firmware/Foo}. */
    public String referencingClass() {
        return referencingClass;
    }

    /**
     * Where in that class: {@code Foo.bar(I)V} for a method, {@code Foo.field} for a field declaration,
     * or just {@code Foo} for the class header (version, superclass, interfaces, class annotations).
     */
    public String location() {
        return location;
    }

    /**
     * What is referenced, e.g. {@code method java/lang/String.format(...)Ljava/lang/String;},
     * or {@code class java/util/concurrent/ConcurrentHashMap}; {@code null} when the reason says it all
     * (class file version).
     */
    public String referenced() {
        return referenced;
    }

    /** Why it is refused, e.g. {@link #NOT_ALLOWED}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return referenced == null ? location + ": " + reason : location + ": " + referenced + " -- " + reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Violation)) {
            return false;
        }
        Violation v = (Violation) o;
        return location.equals(v.location) && Objects.equals(referenced, v.referenced) && reason.equals(v.reason)
                && referencingClass.equals(v.referencingClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(referencingClass, location, referenced, reason);
    }
}
