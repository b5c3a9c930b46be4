package com.relayboard.bench;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

import sun.misc.Unsafe;

/**
 * Retained size of an object graph: every object reachable from the roots through instance fields and
 * array elements, each counted once at its HotSpot size (JOL: header, fields, alignment). Objects a
 * {@code boundary} refuses are neither counted nor followed: what belongs to the platform rather than
 * to the application (classes, threads, the display and its font, the console's stream). Fields are
 * read through {@code sun.misc.Unsafe} (module jdk.unsupported), so the JDK's own classes need not be
 * opened.
 */
final class HeapWalker {

    private static final Unsafe UNSAFE = unsafe();

    private final Predicate<Object> boundary;
    /** Objects counted so far, by any walk of this walker: a later walk never counts them again. */
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final Map<Class<?>, List<Field>> fieldsByClass = new HashMap<>();
    private int unreadableClasses;

    /** What one walk counted. */
    static final class Graph {
        long bytes;
        int objects;
        final Map<String, long[]> byClass = new HashMap<>();

        void count(Object object, long size) {
            this.bytes += size;
            this.objects++;
            long[] entry = this.byClass.computeIfAbsent(object.getClass().getTypeName(), k -> new long[2]);
            entry[0] += size;
            entry[1]++;
        }

        /** @return the classes that weigh most, "name bytes/count", heaviest first */
        List<String> heaviest(int limit) {
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(this.byClass.entrySet());
            entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, entries.size()); i++) {
                Map.Entry<String, long[]> e = entries.get(i);
                lines.add(e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]);
            }
            return lines;
        }
    }

    /** @param boundary true for objects that are not part of what is measured */
    HeapWalker(Predicate<Object> boundary) {
        this.boundary = boundary;
    }

    /** Marks objects as already counted (or deliberately left out) without counting them. */
    void exclude(Object object) {
        this.seen.put(object, Boolean.TRUE);
    }

    /** Walks from objects that were excluded before (the boundary of an earlier walk). */
    Graph walkFrom(Object... roots) {
        for (Object root : roots) {
            this.seen.remove(root);
        }
        return walk(roots);
    }

    Graph walk(Object... roots) {
        Graph graph = new Graph();
        ArrayDeque<Object> pending = new ArrayDeque<>();
        for (Object root : roots) {
            pending.add(root);
        }
        VirtualMachine vm = VM.current();
        while (!pending.isEmpty()) {
            Object object = pending.poll();
            if (this.seen.containsKey(object) || this.boundary.test(object)) {
                continue;
            }
            this.seen.put(object, Boolean.TRUE);
            graph.count(object, vm.sizeOf(object));
            Class<?> type = object.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    int length = Array.getLength(object);
                    for (int i = 0; i < length; i++) {
                        Object element = Array.get(object, i);
                        if (element != null) {
                            pending.add(element);
                        }
                    }
                }
                continue;
            }
            for (Field field : referenceFields(type)) {
                Object value = UNSAFE.getObject(object, UNSAFE.objectFieldOffset(field));
                if (value != null) {
                    pending.add(value);
                }
            }
        }
        return graph;
    }

    /** @return how many classes had fields that could not be read (hidden classes, records) */
    int unreadableClasses() {
        return this.unreadableClasses;
    }

    private List<Field> referenceFields(Class<?> type) {
        List<Field> fields = this.fieldsByClass.get(type);
        if (fields != null) {
            return fields;
        }
        fields = new ArrayList<>();
        boolean unreadable = false;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    UNSAFE.objectFieldOffset(field);
                    fields.add(field);
                } catch (UnsupportedOperationException e) {
                    unreadable = true;
                }
            }
        }
        if (unreadable) {
            this.unreadableClasses++;
        }
        this.fieldsByClass.put(type, fields);
        return fields;
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Unsafe is not available", e);
        }
    }
}
