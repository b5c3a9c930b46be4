package com.relayboard.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.relayboard.host.console.UartOutputStream;
import com.relayboard.host.net.BoardTrustProvider;

/**
 * Host-only entry points of the desktop platform. Never referenced by the firmware: the fidelity
 * gate refuses every class of this package.
 */
public final class HostPlatform {

    private static boolean booted;
    private static boolean uartInstalled;
    private static volatile BoardProfile board = BoardProfile.LCD_NEOPIXEL;
    private static volatile boolean boardInUse;

    private HostPlatform() {
    }

    /**
     * Makes {@code System.out} the board's serial console ({@link #uartConsole}). Once per JVM; later calls change
     * nothing.
     */
    public static synchronized void installUartConsole(int baud) {
        if (uartInstalled) {
            return;
        }
        uartInstalled = true;
        System.setOut(uartConsole(System.out, baud));
    }

    /**
     * @return the board's {@code System.out} over {@code wire}: a UART at {@code baud} (8N1) whose waits hold every
     *         board thread (see {@link UartOutputStream}), and text encoded ISO-8859-1, MicroEJ's default (docs
     *         {@code characterEncoding.rst}): a character above U+00FF prints as {@code ?} (Java's replacement; what
     *         the device prints there is inferred, see docs/api-evidence.md). Raw bytes pass as they are, which is
     *         how the firmware prints UTF-8.
     */
    public static PrintStream uartConsole(OutputStream wire, int baud) {
        return new PrintStream(new UartOutputStream(wire, baud), true, StandardCharsets.ISO_8859_1);
    }

    /**
     * Does what the MicroEJ launcher does before {@code main}: every {@code *.properties.list} resource
     * of the application becomes system properties, unless the property is already set (an
     * application option, here a {@code -D} or a simulator option, wins over the list).
     *
     * <p>It also makes the JVM's TLS the board's: certificate dates are checked against the board's application
     * clock, which starts at 1970 ({@link BoardTrustProvider}).
     *
     * @param listResources classpath resource names of the {@code *.properties.list} files
     */
    public static synchronized void boot(String... listResources) {
        if (booted) {
            return;
        }
        BoardTrustProvider.install();
        ClassLoader loader = HostPlatform.class.getClassLoader();
        for (String name : listResources) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("properties list not on the classpath: " + name);
                }
                Properties defaults = new Properties();
                defaults.load(in);
                for (String key : defaults.stringPropertyNames()) {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, defaults.getProperty(key));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
        booted = true;
    }

    /**
     * @return the values a {@code *.properties.list} resource declares, whatever overrides them: the
     *         firmware's defaults as built, which the simulated room (its access point) is set up from
     */
    public static Properties listDefaults(String listResource) {
        try (InputStream in = HostPlatform.class.getClassLoader().getResourceAsStream(listResource)) {
            if (in == null) {
                throw new IllegalStateException("properties list not on the classpath: " + listResource);
            }
            Properties defaults = new Properties();
            defaults.load(in);
            return defaults;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + listResource, e);
        }
    }

    /**
     * Makes this JVM's platform the given board: whether MicroUI has a display and how many LEDs. Call it before the
     * firmware starts: a board doesn't change under a running program.
     *
     * @throws IllegalStateException if the firmware already asked what the board has
     */
    public static void selectBoard(BoardProfile profile) {
        if (profile == null) {
            throw new NullPointerException("profile");
        }
        synchronized (HostPlatform.class) {
            if (boardInUse && profile != board) {
                throw new IllegalStateException("the board is " + board.id() + " already");
            }
            board = profile;
        }
    }

    /** @return the board this JVM is (default {@link BoardProfile#LCD_NEOPIXEL}); from now on it can't change */
    public static BoardProfile board() {
        boardInUse = true;
        return board;
    }
}
