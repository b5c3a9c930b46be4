package com.relayboard.sim;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A board in a process of its own: the simulator jar, headless, as a user runs it. For what a board
 * in the test's JVM cannot do: die by SIGKILL, or run next to a second board (one board per JVM).
 */
final class BoardProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final File lcdPng;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> lineTimesMs = new ArrayList<>();

    private BoardProcess(String name, Process process, File lcdPng) {
        this.name = name;
        this.process = process;
        this.lcdPng = lcdPng;
        Thread reader = new Thread(this::readOutput, "board " + name + " console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -Dkey=value... -jar relayboard-sim.jar --headless --lcd-png <tmp>}.
     *
     * @param settings
     *            {@code relayboard.*} configuration, passed as -D options
     */
    static BoardProcess start(String name, Map<String, String> settings) throws IOException {
        return start(name, settings, new String[0]);
    }

    /** As {@link #start(String, Map)}, with more simulator options after the usual ones. */
    static BoardProcess start(String name, Map<String, String> settings, String... options) throws IOException {
        File jar = new File("target/relayboard-sim.jar");
        if (!jar.isFile()) {
            throw new AssertionError("build the jar first: " + jar.getAbsolutePath());
        }
        File png = new File(Files.createTempDirectory("lcd-" + name).toFile(), "lcd.png");
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getAbsolutePath());
        command.add("-Djava.awt.headless=true");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            command.add("-D" + setting.getKey() + "=" + setting.getValue());
        }
        command.addAll(List.of("-jar", jar.getAbsolutePath(), "--headless", "--lcd-png", png.getAbsolutePath()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new BoardProcess(name, process, png);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("[" + this.name + "] " + line);
                synchronized (this) {
                    this.lines.add(line);
                    this.lineTimesMs.add(System.currentTimeMillis());
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    File lcdPng() {
        return this.lcdPng;
    }

    /** Waits for a console line containing {@code fragment}; returns the time it was read, in ms. */
    synchronized long awaitLine(String fragment, long timeoutMs) throws InterruptedException {
        return this.lineTimesMs.get(awaitIndex(0, fragment, timeoutMs));
    }

    /** @return how many console lines the board printed so far */
    synchronized int lineCount() {
        return this.lines.size();
    }

    /** Waits for a console line after the first {@code after} ones that contains {@code fragment}; returns it. */
    synchronized String awaitLineAfter(int after, String fragment, long timeoutMs) throws InterruptedException {
        return this.lines.get(awaitIndex(after, fragment, timeoutMs));
    }

    /** @return the index of the first line after the first {@code after} ones that contains {@code fragment} */
    private synchronized int awaitIndex(int after, String fragment, long timeoutMs) throws InterruptedException {
        int[] found = new int[1];
        Poll.untilNotified(this, timeoutMs, () -> (found[0] = indexOf(after, fragment)) >= 0,
                () -> "board " + this.name + " never printed \"" + fragment + "\" within " + timeoutMs + " ms:\n"
                        + String.join("\n", this.lines));
        return found[0];
    }

    private int indexOf(int after, String fragment) {
        for (int i = after; i < this.lines.size(); i++) {
            if (this.lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** @return how many console lines contain {@code fragment} */
    synchronized int count(String fragment) {
        int count = 0;
        for (String line : this.lines) {
            if (line.contains(fragment)) {
                count++;
            }
        }
        return count;
    }

    synchronized String console() {
        return String.join("\n", this.lines);
    }

    /** Types a simulator command (status, wifi down, ...). */
    void send(String command) throws IOException {
        OutputStream in = this.process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGKILL: the board dies at once, says nothing more, closes nothing politely. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("board " + this.name + " survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (this.process.isAlive()) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
