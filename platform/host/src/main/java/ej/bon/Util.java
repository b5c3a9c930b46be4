package ej.bon;

import java.util.Date;

/**
 * BON time: a monotonic platform clock (never set, never jumps) and the application's clock, which the board's
 * {@code System.currentTimeMillis()} reads and its TLS stack checks certificate dates against.
 *
 * <p>As on MicroEJ's ESP32 ports ({@code core/src/microej_time_freertos.c}: the application time is the platform
 * time plus an offset that starts at 0), the application clock starts at 1970-01-01 plus the board's uptime and
 * moves only when the application sets it. On the host the platform clock is the JVM's monotonic clock, and the
 * host platform's agent makes the firmware's {@code System.currentTimeMillis()} calls read
 * {@link #currentTimeMillis()} (com.relayboard.host.clock.ApplicationClockHook).
 */
public class Util {

    private static final long ORIGIN_NS = System.nanoTime();
    /** Application time minus platform time; 0 until the application sets the clock. */
    private static long applicationOffsetMs;

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

    /** @return the application time, in milliseconds since 1970-01-01 (UTC) as far as the board knows */
    public static long currentTimeMillis() {
        synchronized (Util.class) {
            return platformTimeMillis() + applicationOffsetMs;
        }
    }

    public static void setCurrentTimeMillis(long time) {
        synchronized (Util.class) {
            applicationOffsetMs = time - platformTimeMillis();
        }
    }

    public static void setCurrentTimeMillis(Date time) {
        setCurrentTimeMillis(time.getTime());
    }
}
