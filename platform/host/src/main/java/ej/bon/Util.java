package ej.bon;

/**
 * BON time: a monotonic platform clock (never set, never jumps) and the application's wall clock.
 * On the host the platform clock is the JVM's monotonic clock.
 */
public class Util {

    private static final long ORIGIN_NS = System.nanoTime();
    private static long wallClockOffsetMs;

    private Util() {
    }

    /** @return milliseconds of the monotonic platform clock */
    public static long platformTimeMillis() {
        return (System.nanoTime() - ORIGIN_NS) / 1000000L;
    }

    /** @return nanoseconds of the monotonic platform clock */
    public static long platformTimeNanos() {
        return System.nanoTime() - ORIGIN_NS;
    }

    /** @return the application's wall-clock time, in milliseconds since the epoch */
    public static long currentTimeMillis() {
        synchronized (Util.class) {
            return System.currentTimeMillis() + wallClockOffsetMs;
        }
    }

    public static void setCurrentTimeMillis(long time) {
        synchronized (Util.class) {
            wallClockOffsetMs = time - System.currentTimeMillis();
        }
    }
}
