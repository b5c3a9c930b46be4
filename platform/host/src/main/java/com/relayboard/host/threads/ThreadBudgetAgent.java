package com.relayboard.host.threads;

import java.lang.instrument.Instrumentation;

import com.relayboard.host.console.BoardSafepoints;
import com.relayboard.host.clock.ApplicationClockHook;
import com.relayboard.host.net.StationDatagramHook;

/**
 * The Java agent that lets the host platform refuse a board's thread beyond its budget: it makes
 * {@link Thread#start()} ask the thread's group first (see {@link ThreadStartHook}). Loaded by
 * {@code -javaagent:} in the tests' JVMs and by the simulator jar's {@code Launcher-Agent-Class}, before
 * {@code main}, so that no thread of the board starts unchecked. Prints nothing. It also installs
 * {@link BoardSafepoints}, which lets the board's UART hold every board thread as on the device, and
 * {@link ApplicationClockHook}, so that the board's code reads the board's clock, and {@link StationDatagramHook},
 * so that the board's UDP sockets count against its socket cap.
 */
public final class ThreadBudgetAgent {

    private ThreadBudgetAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        ThreadStartHook.install(inst);
        // The UART's whole-board stall: safepoints in the board's code (its own transformer).
        BoardSafepoints.install(inst);
        // The board's code reads the board's clock (1970 until the firmware sets it), not the desktop's.
        ApplicationClockHook.install(inst);
        // The board's UDP sockets are the station's: one of its 10 each, refused without a link.
        StationDatagramHook.install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        ThreadStartHook.install(inst);
        BoardSafepoints.install(inst);
        ApplicationClockHook.install(inst);
        StationDatagramHook.install(inst);
    }
}
