package com.relayboard.host.threads;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The board's threads, bounded as on the device: a thread group the board runs in, so that every thread the
 * firmware starts, and those the host platform starts for it (MicroUI's display pump, MicroPaho's), belongs to
 * it; and a budget, {@code core.memory.threads.size} of {@code build/common.properties}. {@link Thread#start()}
 * of the (budget + 1)-th live thread throws {@link InternalLimitsError}, as the MicroEJ Core Engine does.
 * Threads of the host itself (the simulator's front panel, the embedded broker, the tests and their clients)
 * are started outside the group and count for nothing.
 *
 * <p>The refusal needs the {@link ThreadBudgetAgent} (see {@link #enforced()}); without it the group still
 * holds the board's threads but nothing is counted.
 */
public final class BoardThreads {

    /** The MicroEJ application option this bounds. */
    public static final String BUDGET_OPTION = "core.memory.threads.size";

    /** Where the build copies {@code build/common.properties}, the board's options (platform/host/pom.xml). */
    static final String OPTIONS_RESOURCE = "com/relayboard/host/common.properties";

    private final Group group;

    private BoardThreads(String name, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget " + budget);
        }
        this.group = new Group(name, budget);
    }

    /** @return a board's threads bounded by {@code budget} live threads, in a new group outside the caller's */
    public static BoardThreads create(String name, int budget) {
        return new BoardThreads(name, budget);
    }

    /** @return a board's threads bounded by {@link #configuredBudget()} */
    public static BoardThreads create(String name) {
        return new BoardThreads(name, configuredBudget());
    }

    /** @return {@code core.memory.threads.size} as {@code build/common.properties} sets it */
    public static int configuredBudget() {
        try (InputStream in = BoardThreads.class.getClassLoader().getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the board's options are not on the classpath: " + OPTIONS_RESOURCE);
            }
            Properties options = new Properties();
            options.load(in);
            String value = options.getProperty(BUDGET_OPTION);
            if (value == null) {
                throw new IllegalStateException(BUDGET_OPTION + " is not set in build/common.properties");
            }
            return Integer.parseInt(value.trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPTIONS_RESOURCE, e);
        }
    }

    /** @return whether {@code thread} is one of a board's: in a board's group, however deep */
    public static boolean isBoardThread(Thread thread) {
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group instanceof Group) {
                return true;
            }
        }
        return false;
    }

    /** @return whether this JVM refuses threads beyond a budget (the agent rewrote {@link Thread#start()}) */
    public static boolean enforced() {
        return ThreadStartHook.installed();
    }

    /** @return why {@link #enforced()} is false, or {@code null} */
    public static String notEnforcedBecause() {
        return ThreadStartHook.failure();
    }

    /**
     * Runs {@code body} on the board's {@code main} thread (in the group; it ends when {@code body} returns, as
     * the device's main thread does when {@code main} returns) and waits for it.
     */
    public <T> T runAsMain(Callable<T> body) throws Exception {
        final Object[] result = new Object[1];
        final Throwable[] thrown = new Throwable[1];
        Thread main = new Thread(this.group, () -> {
            try {
                result[0] = body.call();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "main");
        main.start();
        main.join();
        if (thrown[0] instanceof Exception) {
            throw (Exception) thrown[0];
        }
        if (thrown[0] instanceof Error) {
            throw (Error) thrown[0];
        }
        if (thrown[0] != null) {
            throw new IllegalStateException(thrown[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** @return the group the board's threads are in */
    public ThreadGroup group() {
        return this.group;
    }

    public int budget() {
        return this.group.budget;
    }

    /** @return how many of the board's threads are alive now */
    public int live() {
        synchronized (this.group) {
            this.group.purge();
            return this.group.alive.size();
        }
    }

    /** @return the most of the board's threads ever alive at once */
    public int peak() {
        synchronized (this.group) {
            return this.group.peak;
        }
    }

    /** @return the names of the board's threads when {@link #peak()} was first reached */
    public List<String> peakNames() {
        synchronized (this.group) {
            return this.group.peakNames;
        }
    }

    /** @return how many starts were refused */
    public int refusals() {
        synchronized (this.group) {
            return this.group.refusals;
        }
    }

    /** @return the message of the last refusal, or {@code null} */
    public String lastRefusal() {
        synchronized (this.group) {
            return this.group.lastRefusal;
        }
    }

    /** @return one line: the peak, the budget and the threads at the peak */
    public String describePeak() {
        synchronized (this.group) {
            return "threads: peak " + this.group.peak + " of " + BUDGET_OPTION + "=" + this.group.budget
                    + (this.group.refusals > 0 ? ", " + this.group.refusals + " refused" : "")
                    + (enforced() ? "" : " (not enforced: " + notEnforcedBecause() + ")")
                    + "; at the peak: " + String.join(", ", this.group.peakNames);
        }
    }

    /** The group; {@link Thread#start()} hands it each thread of its own before starting it. */
    private static final class Group extends ThreadGroup implements Consumer<Thread> {

        final int budget;
        /** Guarded by this. Admitted threads not yet terminated (a started thread is alive or about to be). */
        final List<Thread> alive = new ArrayList<>();
        int peak;
        List<String> peakNames = Collections.emptyList();
        int refusals;
        String lastRefusal;

        Group(String name, int budget) {
            super(name);
            this.budget = budget;
        }

        /** Called by {@link Thread#start()} of a thread of this group, before it starts. */
        @Override
        public synchronized void accept(Thread thread) {
            purge();
            if (this.alive.contains(thread)) {
                // Started twice: Thread.start() throws IllegalThreadStateException next.
                return;
            }
            if (this.alive.size() >= this.budget) {
                this.refusals++;
                this.lastRefusal = "Too many alive java threads: " + this.alive.size() + " alive, "
                        + BUDGET_OPTION + "=" + this.budget + "; cannot start \"" + thread.getName()
                        + "\". Alive: " + String.join(", ", names());
                throw new InternalLimitsError(this.lastRefusal);
            }
            this.alive.add(thread);
            if (this.alive.size() > this.peak) {
                this.peak = this.alive.size();
                this.peakNames = Collections.unmodifiableList(names());
            }
        }

        void purge() {
            this.alive.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            for (Thread t : this.alive) {
                names.add(t.getName());
            }
            return names;
        }
    }
}
