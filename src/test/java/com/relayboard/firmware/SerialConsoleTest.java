package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.net.FakeClock;
import com.relayboard.firmware.net.Poll;

/**
 * The console in stepped time: its encoding, its budget of the UART's time, and its lines whole whatever thread
 * says them. The UART here takes every line at once; the budget counts bytes on the test's clock.
 */
public class SerialConsoleTest {

    private static final String NIHAO = "\u4F60\u597D";
    /** A message line, of {@link #LINE_BYTES} with its newline. */
    private static final String LINE = "New message (topic=\"/test/topic1\", message=\"0123456789ab\")";
    private static final int LINE_BYTES = LINE.length() + 1;

    /** State lines said at once in a burst of message lines. */
    private static final int STATE_LINES = 8;

    private final FakeClock clock = new FakeClock(1000);

    @Test
    public void linesArePrintedAtOnce_asUtf8_whateverTheStreamsEncoding() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The board's System.out encodes ISO-8859-1, which would print the two characters as "??".
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true, "ISO-8859-1"), this.clock);
        console.println("booting " + NIHAO);
        Assert.assertArrayEquals(("booting " + NIHAO + "\n").getBytes("UTF-8"), bytes.toByteArray());
    }

    @Test
    public void messageLines_printUtf8_throughAnIso88591Stream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true, "ISO-8859-1"), this.clock);
        console.printlnMessage("New message (topic=\"/test/topic1\", message=\"" + NIHAO + "\")");
        Assert.assertEquals("New message (topic=\"/test/topic1\", message=\"" + NIHAO + "\")\n",
                new String(bytes.toByteArray(), "UTF-8"));
    }

    @Test
    public void aQuietBoard_printsEveryMessageLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        // Ten lines a second of 59 bytes: 590 bytes a second, a fifth of the budget. And twenty at once, once.
        int lines = 0;
        for (int i = 0; i < 20; i++) {
            console.printlnMessage(LINE);
            lines++;
        }
        for (int i = 0; i < 300; i++) {
            this.clock.advance(100);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
            lines++;
        }
        console.saySkipped();
        Assert.assertEquals(0, console.skippedLines());
        Assert.assertEquals(lines, count(utf8(bytes), LINE));
        Assert.assertEquals("nothing to say", 0, count(utf8(bytes), "Console: skipped"));
    }

    @Test
    public void aFlood_spendsAtMostTheBudget_andSaysTheSkipsOnceWhenItIsOver() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        long startMs = this.clock.nowMs();
        int offered = 0;
        // A thousand message lines a second for 5 s: 59,000 bytes a second, twenty times the budget.
        for (int ms = 0; ms < 5000; ms++) {
            this.clock.advance(1);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
            offered++;
        }
        long burstMs = this.clock.nowMs() - startMs;
        Assert.assertTrue("not said while the burst goes on",
                console.nextActionMs(this.clock.nowMs()) > this.clock.nowMs());
        Assert.assertEquals("not said during a burst shorter than " + SerialConsole.SKIPS_SAID_EVERY_MS + " ms", 0,
                count(utf8(bytes), "Console: skipped"));

        int printed = count(utf8(bytes), LINE);
        long allowedBytes = SerialConsole.BUDGET_BURST_BYTES + SerialConsole.BUDGET_BYTES_PER_S * burstMs / 1000;
        Assert.assertTrue(printed * LINE_BYTES + " bytes of message lines in " + burstMs + " ms, at most "
                + allowedBytes, (long) printed * LINE_BYTES <= allowedBytes);
        Assert.assertTrue("the budget is used, not wasted: " + printed * LINE_BYTES + " of " + allowedBytes,
                (long) printed * LINE_BYTES > allowedBytes - 2 * LINE_BYTES);
        Assert.assertEquals(offered - printed, console.skippedLines());

        // Quiet again: once the budget is full (a second), one line says how many were skipped.
        long sayAtMs = console.nextActionMs(this.clock.nowMs());
        Assert.assertTrue("said when the budget is full again, within a second: " + (sayAtMs - this.clock.nowMs()),
                sayAtMs > this.clock.nowMs() + 1000 - 1000 * LINE_BYTES / SerialConsole.BUDGET_BURST_BYTES
                        && sayAtMs <= this.clock.nowMs() + 1000);
        this.clock.set(sayAtMs - 1);
        console.step(this.clock.nowMs());
        this.clock.set(sayAtMs);
        console.step(this.clock.nowMs());
        console.saySkipped();
        String text = utf8(bytes);
        Assert.assertEquals(text.substring(Math.max(0, text.length() - 400)), 1, count(text, "Console: skipped"));
        Assert.assertTrue(text.endsWith("Console: skipped " + (offered - printed) + " message line(s) (console budget"
                + " 25 % of 115200 baud); the counters count every message\n"));
    }

    @Test
    public void aLongFlood_saysTheSkipsEveryTenSeconds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        for (int ms = 0; ms < 25000; ms += 2) {
            this.clock.advance(2);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
        }
        console.saySkipped();
        Assert.assertEquals("at 10 s and 20 s, and at the board's stop", 3, count(utf8(bytes), "Console: skipped"));
        int said = 0;
        String text = utf8(bytes);
        for (int at = text.indexOf("Console: skipped "); at >= 0; at = text.indexOf("Console: skipped ", at + 1)) {
            int from = at + "Console: skipped ".length();
            said += Integer.parseInt(text.substring(from, text.indexOf(' ', from)));
        }
        Assert.assertEquals("together they say every skipped line", console.skippedLines(), said);
    }

    @Test
    public void stateLines_areNeverSkipped_andTakeTheirShareFromTheMessageLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        while (console.hasRoomForMessage(LINE_BYTES)) {
            console.printlnMessage(LINE);
        }
        int skippedBefore = console.skippedLines();
        for (int i = 0; i < STATE_LINES; i++) {
            console.println("MQTT: CONNECTED, line " + i);
        }
        Assert.assertEquals("no state line skipped", skippedBefore, console.skippedLines());
        // The budget had less than a line left; the state lines took 8 x 24 bytes more. 30 ms later (86 bytes of
        // budget) a message line would go had they not been counted; they were.
        this.clock.advance(30);
        Assert.assertFalse("the state lines' bytes counted", console.hasRoomForMessage(LINE_BYTES));
        console.saySkipped();
        for (int i = 0; i < STATE_LINES; i++) {
            Assert.assertEquals(1, count(utf8(bytes), "MQTT: CONNECTED, line " + i));
        }
    }

    @Test
    public void aLineLongerThanTheBurst_goesOutOnAQuietBoard() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        StringBuilder cjk = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            cjk.append('\u4F60'); // 3 bytes each: 3 KiB, more than the burst
        }
        Assert.assertTrue(console.hasRoomForMessage(3 * 1024));
        console.printlnMessage(cjk.toString());
        Assert.assertFalse("in debt now", console.hasRoomForMessage(LINE_BYTES));
        console.saySkipped();
        Assert.assertEquals(0, console.skippedLines());
        Assert.assertEquals(cjk + "\n", utf8(bytes));
    }

    @Test
    public void linesFromSeveralThreads_neverShareBytes() throws Exception {
        final ByteAtATimeUart uart = new ByteAtATimeUart();
        final SerialConsole console = new SerialConsole(uart, this.clock);
        final int threads = 4;
        final int linesEach = 50;
        Thread[] sayers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final String line = lineOf((char) ('a' + t), 100);
            final boolean message = t % 2 == 0;
            sayers[t] = new Thread(new Runnable() {
                @Override
                public void run() {
                    for (int i = 0; i < linesEach; i++) {
                        if (message) {
                            console.printlnMessage(line); // Past the budget's burst some are skipped.
                        } else {
                            console.println(line);
                        }
                    }
                }
            });
        }
        for (Thread sayer : sayers) {
            sayer.start();
        }
        for (Thread sayer : sayers) {
            Assert.assertTrue("a thread printing", Poll.ended(sayer));
        }
        String text = uart.text();
        Assert.assertTrue("ends with a newline", text.endsWith("\n"));
        int whole = 0;
        for (int from = 0; from < text.length(); from = text.indexOf('\n', from) + 1) {
            String line = text.substring(from, text.indexOf('\n', from));
            Assert.assertEquals("line " + whole + " is one thread's: " + line, lineOf(line.charAt(0), 100), line);
            whole++;
        }
        Assert.assertEquals("every line printed or counted", threads * linesEach, whole + console.skippedLines());
    }

    /** @return {@code length} times {@code c} */
    private static String lineOf(char c, int length) {
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(c);
        }
        return line.toString();
    }

    /**
     * A UART that takes a write one byte at a time, and lets another thread run between two bytes: what a thread
     * switch in the middle of a line looks like. Not synchronized, unlike the JDK's {@code PrintStream}, which would
     * hide a console that forgot to keep its lines whole.
     */
    private static final class ByteAtATimeUart extends PrintStream {

        private final ByteArrayOutputStream bytes;

        ByteAtATimeUart() {
            this(new ByteArrayOutputStream());
        }

        private ByteAtATimeUart(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                synchronized (this.bytes) {
                    this.bytes.write(buffer[offset + i]);
                }
                Thread.yield();
            }
        }

        @Override
        public void flush() {
            // Nothing buffered.
        }

        String text() {
            return utf8(this.bytes);
        }
    }

    static String utf8(ByteArrayOutputStream bytes) {
        try {
            synchronized (bytes) {
                return new String(bytes.toByteArray(), "UTF-8");
            }
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }
}
