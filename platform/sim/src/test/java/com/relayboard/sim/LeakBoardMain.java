package com.relayboard.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.host.display.HostDisplay;

/**
 * One board in a JVM of its own, for {@link MosquittoNoLeakIT}: started with a small fixed heap, it runs
 * the firmware headless (the LCD is drawn, no PNG is written) and answers commands on standard input:
 * {@code heap} (the heap in use right after a full collection, once the LCD has caught up, then the
 * same before it caught up, then whether it did), {@code idle} (waits until the LCD has caught up),
 * {@code status}, {@code quit}.
 * Settings come as {@code -Drelayboard.*} options.
 */
public final class LeakBoardMain {

    static final String REPLY = "[leak-board] ";
    private static final long UI_IDLE_TIMEOUT_MS = 60000;

    private LeakBoardMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("relayboard.")) {
                settings.setProperty(key, System.getProperty(key));
            }
        }
        SimulatedBoard simulated = new SimulatedBoard(settings, null);
        RelayBoard board = simulated.start();
        System.out.println(REPLY + "started " + (board != null));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
            case "heap":
                // First as it is, then once the LCD has drawn everything it was asked to: the difference
                // is work still queued for the UI thread (a backlog that drains), not something kept.
                long queued = heapAfterFullGc();
                boolean idle = true;
                long settled = Long.MAX_VALUE;
                // The least of three: a frame being drawn or a packet being read at that instant is gone
                // in at least one of them; what the board keeps is in all three.
                for (int i = 0; i < 3; i++) {
                    idle &= HostDisplay.get().waitForIdle(UI_IDLE_TIMEOUT_MS);
                    settled = Math.min(settled, heapAfterFullGc());
                    Thread.sleep(50);
                }
                System.out.println(REPLY + "heap " + settled + " " + queued + " " + idle);
                break;
            case "idle":
                System.out.println(REPLY + "idle " + HostDisplay.get().waitForIdle(UI_IDLE_TIMEOUT_MS));
                break;
            case "status":
                System.out.println(REPLY + "status " + board.mqttState() + " received " + board.received()
                        + " relayed " + board.relayed() + " dropped " + board.dropped());
                break;
            case "quit":
                simulated.stop();
                System.out.println(REPLY + "stopped");
                System.exit(0);
                break;
            default:
                System.out.println(REPLY + "unknown command " + line);
            }
        }
        simulated.stop();
        System.exit(0);
    }

    /**
     * Full collections until the figure settles: what is left is what the board really holds. The figure
     * is each heap pool's usage as the collector left it (not polluted by what was allocated since).
     */
    private static long heapAfterFullGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (afterGc != null) {
                    now += afterGc.getUsed();
                }
            }
            if (Math.abs(now - used) < 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
