package com.relayboard.host.threads;

import java.lang.instrument.Instrumentation;

import com.relayboard.host.console.BoardSafepoints;

/**
 * The Java agent that lets the host platform refuse a board's thread beyond its budget: it makes
 * {@link Thread#start()} ask the thread's group first (see {@link ThreadStartHook}). Loaded by
 * {@code -javaagent:} in the tests' JVMs and by the simulator jar's {@code Launcher-Agent-Class}, before
 * {@code main}, so that no thread of the board starts unchecked. Prints nothing. It also installs
 * {@link BoardSafepoints}, which lets the board's UART hold every board thread as on the device.
 */
public final class ThreadBudgetAgent {

    private ThreadBudgetAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        ThreadStartHook.install(inst);
        // The UART's whole-board stall: safepoints in the board's code (its own transformer).
        BoardSafepoints.install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        ThreadStartHook.install(inst);
        BoardSafepoints.install(inst);
    }
}
