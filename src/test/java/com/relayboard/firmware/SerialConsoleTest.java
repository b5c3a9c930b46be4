package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.net.FakeClock;
import com.relayboard.firmware.net.Poll;

/**
 * The console in stepped time: its encoding, its budget of the UART's time, and its bounded buffer. The UART here
 * never holds the writer unless a test holds it ({@link HeldConsole}); the budget counts bytes on the test's clock.
 */
public class SerialConsoleTest {

    private static final String NIHAO = "\u4F60\u597D";
    /** A message line, of {@link #LINE_BYTES} with its newline. */
    private static final String LINE = "New message (topic=\"/test/topic1\", message=\"0123456789ab\")";
    private static final int LINE_BYTES = LINE.length() + 1;

    private final FakeClock clock = new FakeClock(1000);

    @Test
    public void beforeStart_linesArePrintedAtOnce_asUtf8_whateverTheStreamsEncoding() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The board's System.out encodes ISO-8859-1, which would print the two characters as "??".
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true, "ISO-8859-1"), this.clock);
        console.println("booting " + NIHAO);
        Assert.assertArrayEquals(("booting " + NIHAO + "\n").getBytes("UTF-8"), bytes.toByteArray());
    }

    @Test
    public void aRunningConsole_printsUtf8_throughAnIso88591Stream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true, "ISO-8859-1"), this.clock);
        console.start();
        console.printlnMessage("New message (topic=\"/test/topic1\", message=\"" + NIHAO + "\")");
        console.stop();
        Assert.assertEquals("New message (topic=\"/test/topic1\", message=\"" + NIHAO + "\")\n",
                new String(bytes.toByteArray(), "UTF-8"));
    }

    @Test
    public void aQuietBoard_printsEveryMessageLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        console.start();
        // Ten lines a second of 59 bytes: 590 bytes a second, a fifth of the budget. And twenty at once, once.
        int lines = 0;
        for (int i = 0; i < 20; i++) {
            console.printlnMessage(LINE);
            lines++;
            awaitWritten(console);
        }
        for (int i = 0; i < 300; i++) {
            this.clock.advance(100);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
            lines++;
            awaitWritten(console);
        }
        console.stop();
        Assert.assertEquals(0, console.skippedLines());
        Assert.assertEquals(lines, count(utf8(bytes), LINE));
        Assert.assertEquals("nothing to say", 0, count(utf8(bytes), "Console: skipped"));
    }

    @Test
    public void aFlood_spendsAtMostTheBudget_andSaysTheSkipsOnceWhenItIsOver() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        console.start();
        long startMs = this.clock.nowMs();
        int offered = 0;
        // A thousand message lines a second for 5 s: 59,000 bytes a second, twenty times the budget.
        for (int ms = 0; ms < 5000; ms++) {
            this.clock.advance(1);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
            offered++;
            awaitWritten(console);
        }
        long burstMs = this.clock.nowMs() - startMs;
        Assert.assertTrue("not said while the burst goes on",
                console.nextActionMs(this.clock.nowMs()) > this.clock.nowMs());
        awaitText(console, bytes, offered - console.skippedLines(), LINE);
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
        console.stop();
        String text = utf8(bytes);
        Assert.assertEquals(text.substring(Math.max(0, text.length() - 400)), 1, count(text, "Console: skipped"));
        Assert.assertTrue(text.endsWith("Console: skipped " + (offered - printed) + " message line(s) (console budget"
                + " 25 % of 115200 baud); the counters count every message\n"));
    }

    @Test
    public void aLongFlood_saysTheSkipsEveryTenSeconds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        console.start();
        for (int ms = 0; ms < 25000; ms += 2) {
            this.clock.advance(2);
            console.step(this.clock.nowMs());
            console.printlnMessage(LINE);
            awaitWritten(console);
        }
        console.stop();
        Assert.assertEquals("at 10 s and 20 s, and at the stop", 3, count(utf8(bytes), "Console: skipped"));
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
        console.start();
        while (console.hasRoomForMessage(LINE_BYTES)) {
            console.printlnMessage(LINE);
        }
        int skippedBefore = console.skippedLines();
        for (int i = 0; i < SerialConsole.RESERVED_LINES; i++) {
            console.println("MQTT: CONNECTED, line " + i);
        }
        Assert.assertEquals("no state line skipped", skippedBefore, console.skippedLines());
        // The budget had less than a line left; the state lines took 8 x 24 bytes more. 30 ms later (86 bytes of
        // budget) a message line would go had they not been counted; they were.
        this.clock.advance(30);
        Assert.assertFalse("the state lines' bytes counted", console.hasRoomForMessage(LINE_BYTES));
        console.stop();
        for (int i = 0; i < SerialConsole.RESERVED_LINES; i++) {
            Assert.assertEquals(1, count(utf8(bytes), "MQTT: CONNECTED, line " + i));
        }
    }

    @Test
    public void aLineLongerThanTheBurst_goesOutOnAQuietBoard() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        console.start();
        StringBuilder cjk = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            cjk.append('\u4F60'); // 3 bytes each: 3 KiB, more than the burst
        }
        Assert.assertTrue(console.hasRoomForMessage(3 * 1024));
        console.printlnMessage(cjk.toString());
        Assert.assertFalse("in debt now", console.hasRoomForMessage(LINE_BYTES));
        console.stop();
        Assert.assertEquals(0, console.skippedLines());
        Assert.assertEquals(cjk + "\n", utf8(bytes));
    }

    @Test
    public void aHeldUart_neverHoldsTheCaller_andTheBufferIsBoundedInLines() {
        final HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart, this.clock);
        console.start();
        int lines = SerialConsole.MAX_LINES * 3;
        for (int i = 0; i < lines; i++) {
            console.println("line " + i); // Returns at once: the test would hang here otherwise.
        }
        Assert.assertTrue("lines skipped: " + console.skippedLines(), console.skippedLines() >= lines
                - SerialConsole.MAX_LINES - 1);
        uart.release();
        console.stop();
        Assert.assertTrue("the first lines are kept", uart.text().startsWith("line 0\n"));
        Assert.assertTrue("the skipped lines said at the stop", uart.text().indexOf("Console: skipped ") > 0);
    }

    @Test
    public void longLines_areBoundedByBytesToo() {
        HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart, this.clock);
        console.start();
        StringBuilder kilobyte = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            kilobyte.append('x');
        }
        for (int i = 0; i < SerialConsole.MAX_LINES; i++) {
            console.println(kilobyte.toString());
        }
        // The writer may hold one line; the rest must fit MAX_BYTES.
        int kept = SerialConsole.MAX_LINES - console.skippedLines();
        Assert.assertTrue("kept " + kept + " lines of 1 KiB", kept <= SerialConsole.MAX_BYTES / 1024 + 1);
        uart.release();
        console.stop();
    }

    @Test
    public void messageLines_leaveRoomInTheBufferForTheStateLines() {
        final HeldConsole uart = new HeldConsole(true);
        SerialConsole console = new SerialConsole(uart, this.clock);
        console.start();
        for (int i = 0; i < SerialConsole.MAX_LINES * 2; i++) {
            this.clock.advance(1000); // The budget is full each time: only the buffer decides.
            console.printlnMessage("New message " + i);
        }
        Assert.assertFalse("message lines stop short of the whole buffer", console.hasRoomForMessage(20));
        for (int i = 0; i < SerialConsole.RESERVED_LINES - 1; i++) {
            console.println("MQTT: CONNECTED, line " + i);
        }
        uart.release();
        console.stop();
        for (int i = 0; i < SerialConsole.RESERVED_LINES - 1; i++) {
            Assert.assertTrue(uart.text(), uart.text().indexOf("MQTT: CONNECTED, line " + i + "\n") >= 0);
        }
    }

    @Test
    public void anInterruptedWriter_goesOnPrinting() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerialConsole console = new SerialConsole(new PrintStream(bytes, true), this.clock);
        console.start();
        console.writerThread().interrupt();
        console.println("after the interrupt");
        Poll.until("the line printed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return bytes.toString().indexOf("after the interrupt") >= 0;
            }
        });
        Assert.assertTrue(console.writerThread().isAlive());
        console.stop();
    }

    /**
     * Waits until the writer took every waiting line, as a UART at full speed would have in the stepped time: so
     * that only the budget decides what is skipped, not the test's pace against the writer thread.
     */
    private static void awaitWritten(SerialConsole console) {
        long deadline = System.currentTimeMillis() + Poll.DEADLINE_MS;
        while (console.waitingLines() > 0) {
            if (System.currentTimeMillis() > deadline) {
                Assert.fail("the writer took no line for " + Poll.DEADLINE_MS + " ms");
            }
            Thread.yield();
        }
    }

    private static void awaitText(SerialConsole console, final ByteArrayOutputStream bytes, final int lines,
            final String fragment) {
        Poll.until(lines + " lines printed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return count(utf8(bytes), fragment) >= lines;
            }
        });
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
