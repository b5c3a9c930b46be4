package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.relayboard.firmware.config.ConfigLoader;

/**
 * The simulator's chip reset: a fresh board, as after {@code esp_restart()} (platform/README.md gives the lines to
 * add to the port's {@code main/microej.c}). A JVM runs one board, so the fresh board is a new process: this one
 * stays as the room (the embedded broker, the web page) and as the supervisor, passes the board's standard input
 * on, and starts the board again each time its VM ends, until it ends otherwise (then the simulator ends with its
 * status). The board whose VM ended here stays as the chip left it: its threads stopped, its connections open and
 * silent, until the broker closes them (the fresh board takes its client ids over) or gives them up.
 *
 * <p>A supervised board's process ends with {@link #EXIT_VM_ENDED} when its VM ends: the kernel then closes its
 * sockets at once, where a real chip's reset drops them without a word (the broker notices the fresh board's
 * connections instead). Nothing is said to the broker either way.
 */
final class ChipReset {

    /** The option that makes a simulator a supervised board (not for users: the supervisor adds it). */
    static final String SUPERVISED_OPTION = "--supervised-board";
    /** A supervised board's exit status when its VM ended: the supervisor resets the chip. */
    static final int EXIT_VM_ENDED = 3;

    private final List<String> command;
    private final PrintStream out;
    private volatile Process board;
    private volatile boolean started;

    /**
     * @param args
     *            the simulator's command line
     * @param embeddedBrokerUri
     *            this simulator's embedded broker, which the fresh boards use too, or {@code null}
     * @param clientId
     *            the board's client id, or {@code null}: the fresh boards keep it, as a chip keeps its MAC address
     *            (on the desktop, with no MAC, the default id is drawn at random for each process)
     */
    ChipReset(String[] args, String embeddedBrokerUri, String clientId, PrintStream out) {
        this.out = out;
        this.command = new ArrayList<>();
        this.command.add(new File(System.getProperty("java.home"), "bin/java").getAbsolutePath());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's agent would want the same port.
            if (!option.startsWith("-agentlib:jdwp")) {
                this.command.add(option);
            }
        }
        if (clientId != null) {
            this.command.add("-D" + ConfigLoader.MQTT_CLIENT_ID + "=" + clientId);
        }
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            // -jar, as the user ran it: the jar's manifest also starts the thread-budget agent.
            this.command.add("-jar");
            this.command.add(classPath);
        } else {
            this.command.add("-cp");
            this.command.add(classPath);
            this.command.add(Simulator.class.getName());
        }
        this.command.addAll(Arrays.asList(args));
        if (embeddedBrokerUri != null) {
            this.command.add("--broker");
            this.command.add(embeddedBrokerUri);
        }
        this.command.add(SUPERVISED_OPTION);
    }

    /** @return whether a fresh board runs (or is starting): standard input is then its */
    boolean started() {
        return this.started;
    }

    /** Resets the chip: starts the fresh board on a thread of its own, and returns. */
    synchronized void reset() {
        if (this.started) {
            return;
        }
        this.started = true;
        Thread supervisor = new Thread(this::superviseBoards, "chip-reset");
        supervisor.setDaemon(false);
        supervisor.start();
    }

    private void superviseBoards() {
        int resets = 0;
        while (true) {
            resets++;
            this.out.println("[simulator] Chip reset " + resets + ": a fresh board starts");
            int status;
            try {
                this.board = new ProcessBuilder(this.command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                status = this.board.waitFor();
            } catch (IOException e) {
                this.out.println("[simulator] the fresh board could not start: " + e.getMessage());
                status = 1;
            } catch (InterruptedException e) {
                this.board.destroy();
                status = 1;
            }
            if (status != EXIT_VM_ENDED) {
                System.exit(status);
            }
        }
    }

    /** Passes a line typed on the simulator's standard input to the board running now. */
    void forward(String line) {
        Process running = this.board;
        if (running == null) {
            return;
        }
        try {
            OutputStream in = running.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // The board is restarting: the line is lost, as a keystroke during a reset.
        }
    }

    /** The simulator's standard input ended: so does the board's. */
    void endOfInput() {
        Process running = this.board;
        if (running != null) {
            try {
                running.getOutputStream().close();
            } catch (IOException e) {
                // Closed already.
            }
        }
    }
}
