package com.relayboard.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.console.UartStall;
import com.relayboard.host.display.HostDisplay;
import com.relayboard.host.net.StationNetwork;
import com.relayboard.sim.SimulatedBoard;

/**
 * The board's side of the benchmark, in a JVM of its own (one board per JVM, as on the device): boots
 * the real firmware headless through the simulator's {@link SimulatedBoard} against the harness's
 * broker, then answers the harness's commands on standard input, one line each, on standard output.
 * The firmware's console goes to a file.
 *
 * <p>Commands: {@code snapshot} (counters, LCD flush accounting, bytes allocated per thread group),
 * {@code heap} (retained sizes), {@code threads}, {@code png FILE}, {@code lanes} (how many lanes the session has),
 * {@code peaks} (the most board threads and station sockets at once so far), {@code mark} then
 * {@code await-reconnect TIMEOUT_MS} (after the harness cut the board's link: how long from the mark until the board
 * tried again and until it was connected again), {@code quit}.
 */
public final class BoardAgent {

    /** Thread groups whose allocations are reported. */
    static final String LOOP = "loop";
    static final String OUTBOX = "outbox";
    static final String UI = "ui";
    static final String MQTT = "mqtt";
    static final String OTHER = "other";

    /** The console on the board's UART (115,200 baud, holding the whole board while it sends), as on the device. */
    static final String CONSOLE_UART = "uart";
    /**
     * The console printing nowhere: no UART, no stall. Only for the console's own measurement (bench/run
     * --console-burst), which compares the board with and without it; every other run has the UART.
     */
    static final String CONSOLE_OFF = "off";

    private static final long CONNECT_TIMEOUT_MS = 60000;
    private static final long SETTLE_MS = 10000;

    private BoardAgent() {
    }

    /**
     * @param args
     *            broker URI, QoS, console log file, {@link #CONSOLE_UART} or {@link #CONSOLE_OFF}, then any number of
     *            {@code key=value} settings for the firmware (rules, the CA, the lanes), as its options
     */
    public static void main(String[] args) throws Exception {
        PrintStream control = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        boolean consoleOff = args.length > 3 && args[3].equals(CONSOLE_OFF);
        PrintStream console = new PrintStream(consoleOff ? OutputStream.nullOutputStream()
                : new BufferedOutputStream(new FileOutputStream(args[2])), false, "UTF-8");
        System.setOut(console);
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", args[0]);
        settings.setProperty("relayboard.mqtt.qos", args[1]);
        settings.setProperty("relayboard.mqtt.clientId", "bench-board-q" + args[1]);
        for (int i = 4; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            settings.setProperty(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        // The UART off only where the console's cost is what is measured: the same board without it.
        SimulatedBoard simulated = new SimulatedBoard(settings, null).uartConsole(!consoleOff);
        RelayBoard board = simulated.start();
        if (board == null) {
            control.println("error the firmware refused its configuration; see " + args[2]);
            System.exit(2);
        }
        long deadline = System.currentTimeMillis() + CONNECT_TIMEOUT_MS;
        while (board.mqttState() != MqttState.CONNECTED && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (board.mqttState() != MqttState.CONNECTED) {
            control.println("error the board did not connect: " + board.status());
            System.exit(3);
        }
        control.println("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        long markNs = 0;
        int markReconnects = 0;
        while ((line = commands.readLine()) != null) {
            // A command that fails is answered, never left unanswered: the harness waits for a line.
            try {
                String[] words = line.trim().split(" ", 2);
                switch (words[0]) {
                case "snapshot":
                    control.println(snapshot(board));
                    break;
                case "heap":
                    control.println(RetainedHeap.measure(board));
                    break;
                case "threads":
                    control.println("threads " + threadGroups().toString());
                    break;
                case "lanes":
                    control.println("lanes count=" + laneCount(board));
                    break;
                case "peaks":
                    control.println("peaks threads=" + simulated.peakThreads() + " sockets="
                            + StationNetwork.get().peakSockets() + " threadBudget=" + simulated.threads().budget());
                    break;
                case "mark":
                    markNs = System.nanoTime();
                    markReconnects = board.reconnects();
                    control.println("mark reconnects=" + markReconnects);
                    break;
                case "await-reconnect":
                    control.println(awaitReconnect(board, markNs, markReconnects, Long.parseLong(words[1])));
                    break;
                case "png":
                    HostDisplay.get().waitForIdle(SETTLE_MS);
                    HostDisplay.get().writePng(new File(words[1]));
                    control.println("png " + words[1]);
                    break;
                case "quit":
                    simulated.stop();
                    console.flush();
                    control.println("bye");
                    System.exit(0);
                    break;
                default:
                    control.println("error unknown command " + words[0]);
                    break;
                }
            } catch (Exception | LinkageError e) {
                control.println("error " + line.trim() + " failed: " + e);
            }
        }
        simulated.stop();
        console.flush();
    }

    /** @return the session's lanes: each a receiving and a publishing connection (PahoBrokerSession.lanes) */
    static int laneCount(RelayBoard board) throws ReflectiveOperationException {
        java.lang.reflect.Field session = RelayBoard.class.getDeclaredField("session");
        session.setAccessible(true);
        Object value = session.get(board);
        java.lang.reflect.Field lanes = value.getClass().getDeclaredField("lanes");
        lanes.setAccessible(true);
        return ((Object[]) lanes.get(value)).length;
    }

    /**
     * Polls the board's MQTT state every millisecond until it has connected again after the mark (one more
     * reconnect, state CONNECTED), noting when it first left BACKOFF for CONNECTING.
     *
     * @return {@code reconnect connectingMs=.. connectedMs=..}, both from the mark, or an error on timeout
     */
    private static String awaitReconnect(RelayBoard board, long markNs, int markReconnects, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1000000L;
        long connectingNs = 0;
        boolean wasDown = false;
        while (System.nanoTime() < deadline) {
            MqttState state = board.mqttState();
            if (state != MqttState.CONNECTED) {
                wasDown = true;
            }
            if (wasDown && state == MqttState.CONNECTING && connectingNs == 0) {
                connectingNs = System.nanoTime();
            }
            if (state == MqttState.CONNECTED && board.reconnects() > markReconnects) {
                long now = System.nanoTime();
                return "reconnect connectingMs=" + (connectingNs == 0 ? -1 : (connectingNs - markNs) / 1e6)
                        + " connectedMs=" + (now - markNs) / 1e6;
            }
            Thread.sleep(1);
        }
        return "error no reconnect within " + timeoutMs + " ms: " + board.status();
    }

    /** Counters, LCD accounting and allocations, once the screen has caught up with the last message. */
    private static String snapshot(RelayBoard board) throws InterruptedException {
        HostDisplay display = HostDisplay.get();
        display.waitForIdle(SETTLE_MS);
        // The "relayed" count moves when the loop hears of the last publish; let it and the screen settle.
        Thread.sleep(200);
        display.waitForIdle(SETTLE_MS);
        StringBuilder out = new StringBuilder("snapshot");
        out.append(" received=").append(board.received());
        out.append(" relayed=").append(board.relayed());
        out.append(" dropped=").append(board.dropped());
        out.append(" pixels=").append(display.pixelsFlushed());
        out.append(" flushes=").append(display.flushCount());
        out.append(" uartStallNs=").append(UartStall.stalledNanos());
        out.append(" consoleSkipped=").append(board.skippedConsoleLines());
        for (Map.Entry<String, Long> group : allocatedBytes().entrySet()) {
            out.append(" alloc.").append(group.getKey()).append('=').append(group.getValue());
        }
        return out.toString();
    }

    /** Bytes allocated so far by the live threads of each group (the JVM's per-thread counters). */
    static Map<String, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        Map<String, Long> sums = new TreeMap<>();
        for (String group : new String[] { LOOP, OUTBOX, UI, MQTT, OTHER }) {
            sums.put(group, 0L);
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long bytes = threads.getThreadAllocatedBytes(thread.getId());
            if (bytes > 0) {
                sums.merge(groupOf(thread.getName()), bytes, Long::sum);
            }
        }
        return sums;
    }

    /** @return which part of the board a thread belongs to, by the names the firmware, MicroUI and Paho give */
    static String groupOf(String threadName) {
        if (threadName.equals("relayboard-loop")) {
            return LOOP;
        }
        if (threadName.equals("relayboard-outbox")) {
            return OUTBOX;
        }
        if (threadName.equals("MicroUI")) {
            return UI;
        }
        if (threadName.startsWith("MQTT ")) {
            return MQTT;
        }
        return OTHER;
    }

    private static Map<String, List<String>> threadGroups() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            groups.computeIfAbsent(groupOf(thread.getName()), k -> new java.util.ArrayList<>()).add(thread.getName());
        }
        return groups;
    }
}
