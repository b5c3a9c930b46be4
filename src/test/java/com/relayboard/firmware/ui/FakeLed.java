package com.relayboard.firmware.ui;

import java.util.ArrayList;
import java.util.List;

/** Records every colour shown. */
public final class FakeLed implements Led {

    private final List<Integer> shown = new ArrayList<Integer>();
    private final int kind;

    /** An RGB light. */
    public FakeLed() {
        this(RGB);
    }

    /** @param kind {@link Led#RGB}, {@link Led#MONO} or {@link Led#NONE} */
    public FakeLed(int kind) {
        this.kind = kind;
    }

    @Override
    public int kind() {
        return this.kind;
    }

    @Override
    public synchronized void show(int rgb) {
        this.shown.add(Integer.valueOf(rgb));
    }

    public synchronized List<Integer> shown() {
        return new ArrayList<Integer>(this.shown);
    }

    /** @return the colour showing now, or -1 before any */
    public synchronized int current() {
        return this.shown.isEmpty() ? -1 : this.shown.get(this.shown.size() - 1).intValue();
    }
}
