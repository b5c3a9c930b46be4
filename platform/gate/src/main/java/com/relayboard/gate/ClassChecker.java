package com.relayboard.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Visits one class file and records every reference the device would have to resolve.
 *
 * <p>Checked: class-file version; superclass, interfaces; field and method descriptors; throws clauses;
 * annotations (visible and invisible, including annotation values of type Class or enum);
 * instructions (new/checkcast/instanceof/anewarray/multianewarray, ldc of class literals, method and field
 * owners and descriptors, invokedynamic); exception handler types; local variable types and stack map frames.
 * Generic signatures, InnerClasses and EnclosingMethod attributes are ignored: any type that is really
 * used also appears in one of the places above.
 *
 * <p>Also checked, with the API's class files ({@link ApiClasses}):
 * <ul>
 * <li>members a firmware class inherits from an API class and uses through itself ({@code addChild(w)} in a
 * Container subclass: javac names the firmware class as owner);</li>
 * <li>methods that override or implement an API method ({@code renderContent}, {@code messageArrived}): the
 * overridden method must be allowed, as if it were called;</li>
 * <li>for every such method of a class the host implements, the {@code throws} clause the allowlist records
 * against the host's;</li>
 * <li>whether an allowed member or class is {@code unproven:} (collected for the count the build prints).</li>
 * </ul>
 */
final class ClassChecker extends ClassVisitor {

    private static final int API = Opcodes.ASM9;
    private static final int NO_OPCODE = -1;

    private final Allowlist allowlist;
    private final Map<String, ApiClasses.Info> ownClasses;
    private final ApiClasses api;
    private final boolean testScope;
    private final Set<Violation> violations;
    private final Set<String> apiReferences;
    private final Set<String> unproven;
    private final Set<String> fragileCatches;
    private String className;

    /**
     * @param ownClasses the classes the referencing class may use freely, by internal name
     * @param api the API's class files, to resolve inheritance, overrides and throws clauses
     * @param testScope whether the visited class is a test class ({@code [test]} entries apply)
     * @param violations where violations are added (a set: the same reference from the same place is reported once)
     * @param apiReferences where each distinct reference to a non-own class or member is added
     * @param unproven where each distinct reference allowed only by an {@code unproven:} entry is added
     * @param fragileCatches where each catch that compiles only if a throws(?) method declares what the host says
     *            is added
     */
    ClassChecker(Allowlist allowlist, Map<String, ApiClasses.Info> ownClasses, ApiClasses api, boolean testScope,
            Set<Violation> violations, Set<String> apiReferences, Set<String> unproven, Set<String> fragileCatches) {
        super(API);
        this.allowlist = allowlist;
        this.ownClasses = ownClasses;
        this.api = api;
        this.testScope = testScope;
        this.violations = violations;
        this.apiReferences = apiReferences;
        this.unproven = unproven;
        this.fragileCatches = fragileCatches;
    }

    // ---------------------------------------------------------------- checks shared by all visitors

    private void violation(String location, String referenced, String reason) {
        violations.add(new Violation(className, location, referenced, reason));
    }

    private boolean isOwn(String internalName) {
        return ownClasses.containsKey(internalName);
    }

    /** A class referenced as a type. */
    void checkClass(String location, String internalName) {
        checkType(location, Type.getObjectType(internalName));
    }

    /** A type, from a descriptor or internal name: arrays by element type, primitives always fine. */
    void checkType(String location, Type type) {
        switch (type.getSort()) {
        case Type.ARRAY:
            checkType(location, type.getElementType());
            break;
        case Type.OBJECT:
            String name = type.getInternalName();
            if (isOwn(name)) {
                return;
            }
            apiReferences.add(name);
            if (!allowlist.allowsClass(name, testScope)) {
                violation(location, "class " + name, Violation.NOT_ALLOWED);
            } else if (allowlist.classIsUnproven(name, testScope)) {
                unproven.add(name);
                checkHolder(location, "class " + name, allowlist.classHolders(name, testScope), null);
            }
            break;
        case Type.METHOD:
            for (Type argument : type.getArgumentTypes()) {
                checkType(location, argument);
            }
            checkType(location, type.getReturnType());
            break;
        default:
            // primitive or void
        }
    }

    void checkDescriptor(String location, String descriptor) {
        checkType(location, Type.getType(descriptor));
    }

    /** A method call or field access through {@code owner}. */
    void checkMember(String location, String owner, String name, String descriptor, boolean method) {
        Type ownerType = Type.getObjectType(owner);
        if (ownerType.getSort() == Type.ARRAY) {
            checkType(location, ownerType.getElementType());
            if (method && name.equals("clone")) {
                return; // array clone() is part of the language
            }
            owner = "java/lang/Object"; // any other member of an array type is Object's
        }
        if (isOwn(owner)) {
            // javac names the firmware class even when the member is inherited from an API class: find the
            // API class it comes from, and check it there.
            String apiAncestor = inheritedFrom(owner, name, descriptor, method);
            if (apiAncestor != null) {
                checkInherited(location, apiAncestor, name, descriptor, method, "used through " + owner);
            }
            return;
        }
        String referenced = (method ? "method " : "field ") + owner + "." + name + (method ? "" : ":") + descriptor;
        String key = owner + "." + name + (method ? "" : ":") + descriptor;
        apiReferences.add(key);
        Allowlist.Entry entry = allowlist.allowsClass(owner, testScope)
                ? allowlist.entryFor(owner, name, descriptor, testScope) : null;
        if (entry == null && !isAllowedObjectMethod(method, name, descriptor)) {
            violation(location, referenced, Violation.NOT_ALLOWED);
        } else if (entry != null) {
            noteEntry(location, owner, name, descriptor, method, entry, key);
        }
        checkDescriptor(location, descriptor);
    }

    /**
     * The first API class above an own class (its superclass chain, then its interfaces) when no own class on
     * the way declares the member; {@code null} when an own class declares it.
     */
    private String inheritedFrom(String ownClass, String name, String descriptor, boolean method) {
        String type = ownClass;
        List<String> apiInterfaces = new ArrayList<>();
        while (type != null && isOwn(type)) {
            ApiClasses.Info info = ownClasses.get(type);
            if (info.declares(name, descriptor, method)) {
                return null;
            }
            for (String itf : info.interfaces) {
                if (isOwn(itf)) {
                    if (ownClasses.get(itf).declares(name, descriptor, method)) {
                        return null;
                    }
                } else {
                    apiInterfaces.add(itf);
                }
            }
            type = info.superName;
        }
        if (type != null && (apiInterfaces.isEmpty() || api.declaring(type, name, descriptor, method) != null)) {
            return type;
        }
        for (String itf : apiInterfaces) {
            if (api.declaring(itf, name, descriptor, method) != null) {
                return itf;
            }
        }
        return type;
    }

    /**
     * A member reached through an API ancestor without javac naming it (inherited, or overridden): allowed when
     * the allowlist allows it on that ancestor or on a class above it, up to the class that declares it. Above
     * the declaring class an entry says nothing about the member (java.lang.Object's whole-class entry would
     * otherwise allow any name).
     */
    private void checkInherited(String location, String apiAncestor, String name, String descriptor, boolean method,
            String how) {
        String key = apiAncestor + "." + name + (method ? "" : ":") + descriptor;
        apiReferences.add(key);
        ApiClasses.Info declaring = api.declaring(apiAncestor, name, descriptor, method);
        for (String type = apiAncestor; type != null;) {
            if (declaring == null && type.equals("java/lang/Object")) {
                break;
            }
            Allowlist.Entry entry = allowlist.allowsClass(type, testScope)
                    ? allowlist.entryFor(type, name, descriptor, testScope) : null;
            if (entry != null) {
                noteEntry(location, apiAncestor, name, descriptor, method, entry, key);
                checkDescriptor(location, descriptor);
                return;
            }
            if (declaring != null && type.equals(declaring.name)) {
                break;
            }
            ApiClasses.Info info = api.get(type);
            type = info == null ? null : info.superName;
        }
        if (isAllowedObjectMethod(method, name, descriptor)) {
            return;
        }
        violation(location, (method ? "method " : "field ") + key + " (" + how + ")", Violation.NOT_ALLOWED);
        checkDescriptor(location, descriptor);
    }

    /** Counts an unproven entry, and checks a host method's throws clause against the entry's record. */
    private void noteEntry(String location, String owner, String name, String descriptor, boolean method,
            Allowlist.Entry entry, String key) {
        if (entry.unproven()) {
            unproven.add(key);
            checkHolder(location, (method ? "method " : "field ") + key, entry.holders(), entry);
        } else if (entry.member() == null && !provenWhereDeclared(owner, name, descriptor, method)) {
            // A whole-class entry establishes the class, not each member named through it: counted until a member
            // entry gives the member its own source.
            unproven.add(key + " " + WHOLE_CLASS_ONLY);
        }
        if (!method) {
            return;
        }
        ApiClasses.Info declaring = api.declaring(owner, name, descriptor, true);
        if (declaring == null || !ApiClasses.isHostApi(declaring.name)) {
            return;
        }
        List<String> declared = declaring.methods.get(name + descriptor);
        List<String> recorded = entry.throwsRecord();
        String member = "method " + declaring.name + "." + name + descriptor;
        if (recorded == null) {
            violation(location, member, "the host declares throws(" + names(declared) + ") but allowlist line "
                    + entry.line() + " records no throws(...): say what the real API declares, or throws(?)");
        } else if (recorded == Allowlist.THROWS_UNKNOWN) {
            if (!entry.unproven()) {
                unproven.add(key + " throws(?)");
            }
        } else if (!new HashSet<>(recorded).equals(new HashSet<>(declared))) {
            violation(location, member, "the host declares throws(" + names(declared) + ") but allowlist line "
                    + entry.line() + " records throws(" + names(recorded) + ")");
        }
    }

    /**
     * Whether a member named through a class's whole-class entry has a proven member entry on the API class that
     * declares it ({@code IOException.getMessage()} is Throwable's).
     */
    private boolean provenWhereDeclared(String owner, String name, String descriptor, boolean method) {
        ApiClasses.Info declaring = api.declaring(owner, name, descriptor, method);
        if (declaring == null || declaring.name.equals(owner)) {
            return false;
        }
        Allowlist.Entry entry = allowlist.entryFor(declaring.name, name, descriptor, testScope);
        return entry != null && entry.member() != null && !entry.unproven();
    }

    /**
     * An unproven member or class whose entries name its holders may be used by those classes only (and the classes
     * nested in them), so that the line a maker changes when the SDK lacks it is in one place, next to its fallback.
     * Test classes are not restricted.
     */
    private void checkHolder(String location, String referenced, List<String> holders, Allowlist.Entry entry) {
        if (holders == null || testScope) {
            return;
        }
        for (String holder : holders) {
            if (className.equals(holder) || className.startsWith(holder + "$")) {
                return;
            }
        }
        violation(location, referenced, "unproven, and kept to " + names(holders)
                + (entry == null ? "" : " by allowlist line " + entry.line())
                + ": call it there, where its fallback is, not from " + className.replace('/', '.'));
    }

    private static String names(List<String> internalNames) {
        StringBuilder text = new StringBuilder();
        for (String name : internalNames) {
            text.append(text.length() == 0 ? "" : ", ").append(name.replace('/', '.'));
        }
        return text.toString();
    }

    /**
     * When a class overrides a method of java.lang.Object, javac names that class as owner, so
     * {@code Thread.currentThread().toString()} is {@code java/lang/Thread.toString()}. Every class has the
     * public methods of java.lang.Object, so those are accepted on any allowed class when the allowlist allows
     * them on Object. This is the only inheritance the gate resolves.
     */
    private boolean isAllowedObjectMethod(boolean method, String name, String descriptor) {
        return method && OBJECT_PUBLIC_METHODS.contains(name + descriptor)
                && allowlist.allowsMember("java/lang/Object", name, descriptor, testScope);
    }

    /** Suffix of an unproven reference allowed only by its class's whole-class entry. */
    static final String WHOLE_CLASS_ONLY = "(whole-class entry only)";

    private static final Set<String> OBJECT_PUBLIC_METHODS = new HashSet<>(Arrays.asList(
            "equals(Ljava/lang/Object;)Z", "hashCode()I", "toString()Ljava/lang/String;", "getClass()Ljava/lang/Class;",
            "notify()V", "notifyAll()V", "wait()V", "wait(J)V", "wait(JI)V"));

    // ---------------------------------------------------------------- class level

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        className = name;
        int major = version & 0xFFFF;
        if (major > FidelityGate.MAX_CLASS_VERSION) {
            violation(name, null, "class file version " + major + " > " + FidelityGate.MAX_CLASS_VERSION
                    + " (Java 7)");
        }
        if (superName != null) {
            checkClass(name, superName);
        }
        if (interfaces != null) {
            for (String itf : interfaces) {
                checkClass(name, itf);
            }
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation(className, descriptor);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
            boolean visible) {
        return annotation(className, descriptor);
    }

    AnnotationVisitor annotation(String location, String descriptor) {
        checkDescriptor(location, descriptor);
        return new AnnotationChecker(location);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        final String location = className + "." + name;
        checkDescriptor(location, descriptor);
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                return annotation(location, annotationDescriptor);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath,
                    String annotationDescriptor, boolean visible) {
                return annotation(location, annotationDescriptor);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        String location = className + "." + name + descriptor;
        checkDescriptor(location, descriptor);
        if (exceptions != null) {
            for (String exception : exceptions) {
                checkClass(location, exception);
            }
        }
        if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0
                && !name.startsWith("<")) {
            checkOverride(location, name, descriptor);
        }
        return new MethodChecker(location);
    }

    /**
     * An instance method that overrides or implements a method of an API class: the device compiles it as an
     * override only if the real API has that method, so it is checked as if called.
     */
    private void checkOverride(String location, String name, String descriptor) {
        ApiClasses.Info self = ownClasses.get(className);
        // null when an own superclass declares the method: that one is checked where it is declared.
        String apiAncestor = self.superName == null ? null : inheritedFrom(self.superName, name, descriptor, true);
        List<String> candidates = new ArrayList<>();
        if (apiAncestor != null) {
            candidates.add(apiAncestor);
        }
        for (String itf : self.interfaces) {
            if (!isOwn(itf)) {
                candidates.add(itf);
            }
        }
        for (String candidate : candidates) {
            ApiClasses.Info declaring = api.declaring(candidate, name, descriptor, true);
            if (declaring != null) {
                checkInherited(location, candidate, name, descriptor, true, "overridden by " + className);
                return;
            }
        }
    }

    // ---------------------------------------------------------------- annotations

    private final class AnnotationChecker extends AnnotationVisitor {
        private final String location;

        AnnotationChecker(String location) {
            super(API);
            this.location = location;
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof Type) {
                checkType(location, (Type) value);
            }
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            checkDescriptor(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new AnnotationChecker(location);
        }
    }

    // ---------------------------------------------------------------- throws clauses at call sites

    /** What a call can throw: the checked exceptions known for sure, and those only the host claims (throws(?)). */
    private static final class Thrown {
        final List<String> known = new ArrayList<>();
        final List<String> hostOnly = new ArrayList<>();
        String unknownMember;
    }

    private Thrown thrownBy(String owner, String name, String descriptor) {
        Thrown thrown = new Thrown();
        String type = owner;
        while (type != null && isOwn(type)) {
            ApiClasses.Info info = ownClasses.get(type);
            List<String> declared = info.methods.get(name + descriptor);
            if (declared != null) {
                thrown.known.addAll(declared);
                return thrown;
            }
            type = info.superName;
        }
        if (type == null || type.startsWith("[")) {
            return thrown;
        }
        ApiClasses.Info declaring = api.declaring(type, name, descriptor, true);
        if (declaring == null) {
            return thrown;
        }
        List<String> declared = declaring.methods.get(name + descriptor);
        if (!ApiClasses.isHostApi(declaring.name)) {
            thrown.known.addAll(declared);
            return thrown;
        }
        Allowlist.Entry entry = allowlist.entryFor(type, name, descriptor, testScope);
        if (entry == null) {
            entry = allowlist.entryFor(declaring.name, name, descriptor, testScope);
        }
        List<String> recorded = entry == null ? null : entry.throwsRecord();
        if (recorded == Allowlist.THROWS_UNKNOWN) {
            thrown.hostOnly.addAll(declared);
            thrown.unknownMember = declaring.name + "." + name + descriptor;
        } else {
            thrown.known.addAll(recorded == null ? declared : recorded);
        }
        return thrown;
    }

    private boolean isSubclass(String type, String ancestor) {
        for (String name = type; name != null;) {
            if (name.equals(ancestor)) {
                return true;
            }
            ApiClasses.Info info = isOwn(name) ? ownClasses.get(name) : api.get(name);
            name = info == null ? null : info.superName;
        }
        return false;
    }

    /** Whether {@code catch (caught e)} is legal around code that throws {@code thrown} (JLS 11.2.3). */
    private boolean related(String caught, String thrown) {
        return isSubclass(thrown, caught) || isSubclass(caught, thrown);
    }

    /** A catch type javac accepts whatever the try block throws. */
    private boolean alwaysLegal(String caught) {
        return caught.equals("java/lang/Exception") || caught.equals("java/lang/Throwable")
                || isSubclass(caught, "java/lang/RuntimeException") || isSubclass(caught, "java/lang/Error");
    }

    /** One catch clause of a method, and what the instructions it covers can throw. */
    private static final class Handler {
        final Label start;
        final Label end;
        final String type;
        boolean open;
        boolean explicitThrow;
        final List<String> known = new ArrayList<>();
        final List<Thrown> unknown = new ArrayList<>();

        Handler(Label start, Label end, String type) {
            this.start = start;
            this.end = end;
            this.type = type;
        }
    }

    // ---------------------------------------------------------------- method bodies

    private final class MethodChecker extends MethodVisitor {
        private final String location;
        /** Whether the previous instruction was DUP. */
        private boolean afterDup;
        /** A DUP + Objects.requireNonNull call waiting to see whether a POP follows. */
        private boolean pendingNullCheck;
        /** The method's catch clauses, to find those that only a throws(?) method can justify. */
        private final List<Handler> handlers = new ArrayList<>();

        MethodChecker(String location) {
            super(API);
            this.location = location;
        }

        /**
         * javac 9+ compiles the implicit null check of a qualified inner class creation
         * ({@code outer.new Inner()}) as {@code DUP; INVOKESTATIC java/util/Objects.requireNonNull; POP}, even
         * with {@code --release 7}; the device's compiler (Eclipse JDT, compliance 1.7) emits
         * {@code Object.getClass()} instead. That exact sequence is the compiler's, not the developer's, so it
         * is not counted. Any other use of {@code Objects.requireNonNull} is checked like any call.
         */
        private void beforeInstruction(int opcode) {
            if (pendingNullCheck) {
                pendingNullCheck = false;
                if (opcode != Opcodes.POP) {
                    checkMember(location, "java/util/Objects", "requireNonNull",
                            "(Ljava/lang/Object;)Ljava/lang/Object;", true);
                }
            }
        }

        private void instruction(int opcode) {
            beforeInstruction(opcode);
            afterDup = opcode == Opcodes.DUP;
        }

        @Override
        public void visitInsn(int opcode) {
            instruction(opcode);
            if (opcode == Opcodes.ATHROW) {
                // The thrown type is not tracked: an explicit throw may justify any catch.
                for (Handler handler : handlers) {
                    handler.explicitThrow |= handler.open;
                }
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            instruction(opcode);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction(opcode);
            checkClass(location, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            instruction(opcode);
            checkMember(location, owner, name, descriptor, false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                boolean isInterface) {
            boolean dupBefore = afterDup;
            instruction(opcode);
            if (dupBefore && opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/Objects")
                    && name.equals("requireNonNull") && descriptor.equals("(Ljava/lang/Object;)Ljava/lang/Object;")) {
                pendingNullCheck = true;
                return;
            }
            checkMember(location, owner, name, descriptor, true);
            Thrown thrown = null;
            for (Handler handler : handlers) {
                if (handler.open) {
                    thrown = thrown == null ? thrownBy(owner, name, descriptor) : thrown;
                    handler.known.addAll(thrown.known);
                    if (thrown.unknownMember != null) {
                        handler.unknown.add(thrown);
                    }
                }
            }
        }

        @Override
        public void visitLabel(Label label) {
            for (Handler handler : handlers) {
                if (label == handler.start) {
                    handler.open = true;
                }
                if (label == handler.end) {
                    handler.open = false;
                }
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                Object... bootstrapMethodArguments) {
            instruction(Opcodes.INVOKEDYNAMIC);
            violation(location, "invokedynamic " + name + descriptor + " (bootstrap "
                    + bootstrapMethodHandle.getOwner() + "." + bootstrapMethodHandle.getName() + ")",
                    Violation.INVOKEDYNAMIC);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction(opcode);
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction(Opcodes.LDC);
            if (value instanceof Type) {
                Type type = (Type) value;
                if (type.getSort() == Type.METHOD) {
                    checkClass(location, "java/lang/invoke/MethodType");
                }
                checkType(location, type);
            } else if (value instanceof Handle) {
                Handle handle = (Handle) value;
                checkClass(location, "java/lang/invoke/MethodHandle");
                boolean method = handle.getTag() > Opcodes.H_PUTSTATIC;
                checkMember(location, handle.getOwner(), handle.getName(), handle.getDesc(), method);
            } else if (value instanceof ConstantDynamic) {
                violation(location, "dynamic constant " + ((ConstantDynamic) value).getName(),
                        "dynamic constants (condy) are not available on MicroEJ SDK 5");
            }
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            instruction(Opcodes.IINC);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            instruction(Opcodes.TABLESWITCH);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            instruction(Opcodes.LOOKUPSWITCH);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            instruction(Opcodes.MULTIANEWARRAY);
            checkDescriptor(location, descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                checkClass(location, type);
                handlers.add(new Handler(start, end, type));
            }
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                int index) {
            checkDescriptor(location, descriptor);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            frameTypes(numLocal, local);
            frameTypes(numStack, stack);
        }

        private void frameTypes(int count, Object[] types) {
            if (types == null) {
                return;
            }
            for (int i = 0; i < count && i < types.length; i++) {
                if (types[i] instanceof String) {
                    checkClass(location, (String) types[i]);
                }
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return new AnnotationChecker(location);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start,
                Label[] end, int[] index, String descriptor, boolean visible) {
            return annotation(location, descriptor);
        }

        @Override
        public void visitEnd() {
            beforeInstruction(NO_OPCODE);
            for (Handler handler : handlers) {
                if (handler.explicitThrow || handler.unknown.isEmpty() || alwaysLegal(handler.type)) {
                    continue;
                }
                boolean justified = false;
                for (String thrown : handler.known) {
                    justified |= related(handler.type, thrown);
                }
                for (Thrown call : handler.unknown) {
                    boolean reliesOnIt = false;
                    for (String thrown : call.hostOnly) {
                        reliesOnIt |= related(handler.type, thrown);
                    }
                    if (!justified && reliesOnIt) {
                        fragileCatches.add(location + " catches " + handler.type + " thrown, on the host, by "
                                + call.unknownMember + " throws(?)");
                    }
                }
            }
        }
    }
}
