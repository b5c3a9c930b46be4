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

    /** Starts the board and waits until it is connected to the broker. */
    static BoardProcess start(String brokerUri, int qos, File workFolder) throws IOException {
        String java = new File(System.getProperty("java.home"), "bin/java").getPath();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Djava.awt.headless=true");
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
        command.add(new File(workFolder, "board-q" + qos + "-console.log").getPath());
        File stderr = new File(workFolder, "board-q" + qos + "-stderr.log");
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
