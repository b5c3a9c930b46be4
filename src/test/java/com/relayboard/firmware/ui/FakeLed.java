package com.relayboard.firmware.ui;

import java.util.ArrayList;
import java.util.List;

/** Records every colour shown. */
public final class FakeLed implements Led {

    private final List<Integer> shown = new ArrayList<Integer>();

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
