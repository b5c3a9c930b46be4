package com.relayboard.sim;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulator jar in its own process, as a user starts it: its output collected line by line, commands written
 * to its standard input.
 */
final class SimulatorProcess implements AutoCloseable {

    static final File JAR = new File("target/relayboard-sim.jar");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final long timeoutMs;
    private final Thread reader;

    private SimulatorProcess(Process process, long timeoutMs) {
        this.process = process;
        this.timeoutMs = timeoutMs;
        this.reader = new Thread(this::collect, "simulator-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * @param jvmOptions options for the simulator's JVM, before {@code -jar}
     * @param environment variables added to the simulator's environment
     * @param args the simulator's options
     */
    static SimulatorProcess start(List<String> jvmOptions, Map<String, String> environment, List<String> args,
            long timeoutMs) throws IOException {
        if (!JAR.isFile()) {
            throw new IllegalStateException("build the jar first: " + JAR.getAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.getAbsolutePath()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new SimulatorProcess(builder.start(), timeoutMs);
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this.lines) {
                    this.lines.add(line);
                    this.lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The simulator ended.
        }
    }

    /** @return every line printed so far */
    List<String> lines() {
        synchronized (this.lines) {
            return new ArrayList<>(this.lines);
        }
    }

    /** @return the first line printed that contains {@code fragment}, or null */
    String find(String fragment) {
        for (String line : lines()) {
            if (line.contains(fragment)) {
                return line;
            }
        }
        return null;
    }

    /** @return the first line that contains {@code fragment}, once printed */
    String awaitLine(String fragment) throws InterruptedException {
        synchronized (this.lines) {
            String[] found = new String[1];
            Poll.untilNotified(this.lines, this.timeoutMs, () -> (found[0] = find(fragment)) != null,
                    () -> "the simulator never printed \"" + fragment + "\":\n" + String.join("\n", this.lines));
            return found[0];
        }
    }

    /** Forgets a line already read, so that the next wait for the same text waits for a new one. */
    void forget(String line) {
        synchronized (this.lines) {
            this.lines.remove(line);
        }
    }

    /** Types a command on the simulator's standard input. */
    void send(String command) throws IOException {
        OutputStream in = this.process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes the simulator's standard input, as a run in the background or from a script has it. */
    void closeInput() throws IOException {
        this.process.getOutputStream().close();
    }

    /** @return whether the process ended within the timeout; if so, {@link #lines()} holds all it printed */
    boolean awaitExit() throws InterruptedException {
        if (!this.process.waitFor(this.timeoutMs, TimeUnit.MILLISECONDS)) {
            return false;
        }
        this.reader.join(this.timeoutMs);
        return true;
    }

    int exitValue() {
        return this.process.exitValue();
    }

    @Override
    public void close() {
        this.process.destroyForcibly();
    }
}
