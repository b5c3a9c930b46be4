package com.relayboard.firmware.util;

/**
 * The board's one bounded FIFO ring: every queue that hands work from one thread to another (reports and events
 * for the loop, the console's lines, the outbox's messages, the worker's jobs, LED commands, the LCD's pending
 * messages) is one of these, with a fixed capacity allocated once. Not synchronized: the class that owns a ring
 * guards it with its own monitor, and adds no lock of its own.
 */
public final class Ring<T> {

    private final Object[] items;
    private int head;
    private int size;

    /** @param capacity the most items held at once, at least 1 */
    public Ring(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least one item: " + capacity);
        }
        this.items = new Object[capacity];
    }

    /** @return whether {@code item} was added last; {@code false} when the ring is full */
    public boolean offer(T item) {
        if (this.size == this.items.length) {
            return false;
        }
        this.items[(this.head + this.size) % this.items.length] = item;
        this.size++;
        return true;
    }

    /** @return the first item, removed, or {@code null} when empty */
    public T poll() {
        if (this.size == 0) {
            return null;
        }
        T first = get(0);
        this.items[this.head] = null;
        this.head = (this.head + 1) % this.items.length;
        this.size--;
        return first;
    }

    /** @return the first item, left in place, or {@code null} when empty */
    public T peek() {
        return this.size == 0 ? null : get(0);
    }

    /** @return the {@code index}-th item from the first (0), without removing it */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= this.size) {
            // IllegalArgumentException, not IndexOutOfBoundsException: the allowlist proves the former's constructor only.
            throw new IllegalArgumentException("index " + index + " of " + this.size);
        }
        return (T) this.items[(this.head + index) % this.items.length];
    }

    /** Removes the {@code index}-th item, keeping the others in order; returns it. */
    public T removeAt(int index) {
        T removed = get(index);
        for (int i = index; i > 0; i--) {
            this.items[(this.head + i) % this.items.length] = this.items[(this.head + i - 1) % this.items.length];
        }
        this.items[this.head] = null;
        this.head = (this.head + 1) % this.items.length;
        this.size--;
        return removed;
    }

    /** @return the index of {@code item} (by identity), or -1 */
    public int indexOf(T item) {
        for (int i = 0; i < this.size; i++) {
            if (this.items[(this.head + i) % this.items.length] == item) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return this.size;
    }

    public int capacity() {
        return this.items.length;
    }

    public boolean isEmpty() {
        return this.size == 0;
    }

    public boolean isFull() {
        return this.size == this.items.length;
    }
}
