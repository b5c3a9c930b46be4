package com.relayboard.sim;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's serial console in a test: everything printed on {@code System.out} is kept (and still
 * shown), so tests can wait for a line as a user watching the console would.
 */
final class ConsoleCapture extends OutputStream {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final boolean echo;
    /** The line being written, and every finished line with the time it ended (ms). */
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    private final List<String> timedLines = new ArrayList<>();
    private final List<Long> lineTimesMs = new ArrayList<>();

    private ConsoleCapture(PrintStream original, boolean echo) {
        this.original = original;
        this.echo = echo;
    }

    static ConsoleCapture install() {
        return install(true);
    }

    /**
     * Keeps the console without showing it: for tests that print thousands of messages, which would
     * only flood the build's output.
     */
    static ConsoleCapture installQuiet() {
        return install(false);
    }

    private static ConsoleCapture install(boolean echo) {
        ConsoleCapture capture = new ConsoleCapture(System.out, echo);
        System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
        return capture;
    }

    /** Gives {@code System.out} back as it was before {@link #install()}; what was kept stays readable. */
    void uninstall() {
        System.out.flush();
        System.setOut(this.original);
    }

    @Override
    public synchronized void write(int b) {
        this.captured.write(b);
        if (this.echo) {
            this.original.write(b);
        }
        timeLines(new byte[] { (byte) b }, 0, 1);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        this.captured.write(b, off, len);
        if (this.echo) {
            this.original.write(b, off, len);
        }
        timeLines(b, off, len);
        notifyAll();
    }

    private void timeLines(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                this.timedLines.add(this.pendingLine.toString(StandardCharsets.UTF_8));
                this.lineTimesMs.add(System.currentTimeMillis());
                this.pendingLine.reset();
            } else {
                this.pendingLine.write(b[i]);
            }
        }
    }

    /**
     * @return the times (System.currentTimeMillis) at which lines containing {@code fragment} were
     *         printed, in order
     */
    synchronized List<Long> timesOf(String fragment) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < this.timedLines.size(); i++) {
            if (this.timedLines.get(i).contains(fragment)) {
                times.add(this.lineTimesMs.get(i));
            }
        }
        return times;
    }

    synchronized String text() {
        return this.captured.toString(StandardCharsets.UTF_8);
    }

    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String line : text().split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return lines;
    }

    /** Waits until a line equal to {@code expected} was printed; fails with the console otherwise. */
    void awaitLine(String expected, long timeoutMs) throws InterruptedException {
        awaitLineMatching(expected, true, timeoutMs);
    }

    /** Waits until a line containing {@code fragment} was printed; returns that line. */
    String awaitLineContaining(String fragment, long timeoutMs) throws InterruptedException {
        return awaitLineMatching(fragment, false, timeoutMs);
    }

    private synchronized String awaitLineMatching(String text, boolean exact, long timeoutMs)
            throws InterruptedException {
        String[] found = new String[1];
        Poll.untilNotified(this, timeoutMs, () -> (found[0] = find(text, exact)) != null,
                () -> "the console never showed " + (exact ? "the line " : "a line with ") + "\"" + text + "\" within "
                        + timeoutMs + " ms; it showed:\n" + text());
        return found[0];
    }

    private String find(String text, boolean exact) {
        for (String line : lines()) {
            if (exact ? line.equals(text) : line.contains(text)) {
                return line;
            }
        }
        return null;
    }

    /** @return how many lines contain {@code fragment} */
    int count(String fragment) {
        int count = 0;
        for (String line : lines()) {
            if (line.contains(fragment)) {
                count++;
            }
        }
        return count;
    }
}
