package com.relayboard.host.clock;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;

import org.junit.Test;

import ej.bon.Util;

/**
 * The rewrite the agent applies to the board's classes: {@code System.currentTimeMillis()} becomes BON's application
 * time. Checked on a class of this test (outside the board's packages, so loaded unchanged) rewritten by hand and
 * loaded on its own.
 */
public class ApplicationClockHookTest {

    /** 2026-12-07 08:00:00 UTC. */
    private static final long SET_TO_MS = 1796630400000L;

    /** Reads the desktop's clock as loaded; the board's once rewritten. */
    public static final class Reader {
        public static long now() {
            return System.currentTimeMillis();
        }
    }

    @Test
    public void onlyTheBoardsPackagesAreRewritten() {
        assertTrue(ApplicationClockHook.isBoardCode("com/relayboard/firmware/net/Outbox"));
        assertTrue(ApplicationClockHook.isBoardCode("org/eclipse/paho/client/mqttv3/MqttClient"));
        assertFalse(ApplicationClockHook.isBoardCode("com/relayboard/sim/SimulatedBoard"));
        assertFalse(ApplicationClockHook.isBoardCode("com/relayboard/host/paho/mqttv3/MqttClient"));
        assertFalse(ApplicationClockHook.isBoardCode("java/lang/System"));
    }

    @Test
    public void rewrittenCallsReadTheApplicationClock() throws Exception {
        byte[] original;
        String resource = Reader.class.getName().replace('.', '/') + ".class";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            original = in.readAllBytes();
        }
        final byte[] rewritten = ApplicationClockHook.rewrite(original);
        assertTrue("the class calls System.currentTimeMillis()", rewritten != null);
        assertNull("a class without the call is left alone",
                ApplicationClockHook.rewrite(classBytes(ApplicationClockHookTest.class)));
        ClassLoader isolated = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Reader.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        Class<?> boardReader = isolated.loadClass(Reader.class.getName());
        try {
            Util.setCurrentTimeMillis(SET_TO_MS);
            long boardMs = (Long) boardReader.getMethod("now").invoke(null);
            assertTrue("the rewritten class reads the board's clock: " + boardMs,
                    boardMs >= SET_TO_MS && boardMs < SET_TO_MS + 1000);
            Util.setCurrentTimeMillis(0);
            boardMs = (Long) boardReader.getMethod("now").invoke(null);
            assertTrue("and follows it back to 1970: " + boardMs, boardMs < 1000);
            assertTrue("the class as loaded still reads the desktop's", Reader.now() > SET_TO_MS - 365L * 86400000L);
        } finally {
            Util.setCurrentTimeMillis(Util.platformTimeMillis());
        }
    }

    private static byte[] classBytes(Class<?> type) throws Exception {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
