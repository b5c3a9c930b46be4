package com.relayboard.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The harness's handle on a {@link BoardAgent} JVM: starts it, sends it commands, reads its answers. */
final class BoardProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;
    private final File stderr;

    private BoardProcess(Process process, File stderr) {
        this.process = process;
        this.stderr = stderr;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Where the host platform's agent is built (platform/host/pom.xml), from the repository's root. */
    static final String AGENT_FOLDER = "platform/host/target";
    static final String AGENT_SUFFIX = "-thread-agent.jar";

    /** Starts the board, its console on the board's UART, and waits until it is connected to the broker. */
    static BoardProcess start(String brokerUri, int qos, File workFolder) throws IOException {
        return start(brokerUri, qos, workFolder, BoardAgent.CONSOLE_UART, "q" + qos);
    }

    /**
     * Starts the board and waits until it is connected to the broker. Its JVM has the host platform's agent, as the
     * simulator and the tests do: the thread budget, and the UART that holds the whole board while it sends.
     *
     * @param console
     *            {@link BoardAgent#CONSOLE_UART} (as on the board) or {@link BoardAgent#CONSOLE_OFF}
     * @param label
     *            names the board's log files in {@code workFolder}
     */
    static BoardProcess start(String brokerUri, int qos, File workFolder, String console, String label)
            throws IOException {
        return start(brokerUri, qos, workFolder, console, label, java.util.Collections.emptyMap());
    }

    /** @param settings the firmware's options beyond broker, QoS and client ID (rules, the CA, the lanes) */
    static BoardProcess start(String brokerUri, int qos, File workFolder, String console, String label,
            Map<String, String> settings) throws IOException {
        String java = new File(System.getProperty("java.home"), "bin/java").getPath();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Djava.awt.headless=true");
        command.add("-javaagent:" + agentJar().getPath());
        String extra = System.getProperty("bench.boardJvmOptions", "").trim();
        if (!extra.isEmpty()) {
            // For profiling the board, e.g. -XX:StartFlightRecording=filename=board.jfr
            command.addAll(Arrays.asList(extra.split(" +")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BoardAgent.class.getName());
        command.add(brokerUri);
        command.add(Integer.toString(qos));
        String name = "board-" + label;
        command.add(new File(workFolder, name + "-console.log").getPath());
        command.add(console);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            command.add(setting.getKey() + "=" + setting.getValue());
        }
        File stderr = new File(workFolder, name + "-stderr.log");
        Process process = new ProcessBuilder(command).redirectError(stderr).start();
        BoardProcess board = new BoardProcess(process, stderr);
        String first = board.answers.readLine();
        while (first != null && !first.equals("ready") && !first.startsWith("error")) {
            // Something else printed on the JVM's standard output (a profiler starting, say).
            first = board.answers.readLine();
        }
        if (!"ready".equals(first)) {
            board.close();
            throw new IllegalStateException("the board did not start: " + first + " (see " + stderr + ")");
        }
        return board;
    }

    /** @return the host platform's agent jar, which the build makes; the board never runs without it */
    static File agentJar() {
        File folder = new File(System.getProperty("bench.repo", "."), AGENT_FOLDER);
        File[] jars = folder.listFiles((dir, name) -> name.endsWith(AGENT_SUFFIX));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("the host platform's agent (*" + AGENT_SUFFIX + ") is not built in "
                    + folder.getAbsolutePath() + ": build with bench/run");
        }
        return jars[0];
    }

    /** @return the answer's {@code key=value} words */
    Map<String, String> ask(String command) throws IOException {
        this.commands.write(command + "\n");
        this.commands.flush();
        String answer = this.answers.readLine();
        if (answer == null || answer.startsWith("error")) {
            throw new IllegalStateException("the board answered " + command + " with " + answer + " (see "
                    + this.stderr + ")");
        }
        Map<String, String> values = new HashMap<>();
        for (String word : answer.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                values.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        values.put("", answer);
        return values;
    }

    @Override
    public void close() {
        try {
            if (this.process.isAlive()) {
                this.commands.write("quit\n");
                this.commands.flush();
            }
        } catch (IOException e) {
            // Gone already.
        }
        try {
            if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
                this.process.destroy();
                if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
                    this.process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
