package com.relayboard.host.net;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;


/**
 * The firmware's UDP sockets are the station's: {@code new DatagramSocket()} in the board's code makes a
 * {@link StationDatagramSocket}, which takes one of the board's nine sockets until it is closed and sends only while
 * the station has its address. Checked on a class of this test rewritten by hand as the agent rewrites the
 * firmware's, and loaded on its own. One JVM per test class, so the station's network is this class's alone.
 */
public class StationDatagramSocketTest {

    /** Makes a UDP socket as the firmware's SNTP client does. */
    public static final class Opener {
        public static DatagramSocket open() throws SocketException {
            return new DatagramSocket();
        }
    }

    @Rule
    public final RoomAccessPoint ap = RoomAccessPoint.joined();
    private final List<DatagramSocket> sockets = new ArrayList<>();

    @After
    public void tearDown() {
        for (DatagramSocket socket : this.sockets) {
            socket.close();
        }
    }

    @Test
    public void theFirmwaresNewDatagramSocket_isTheStationsAndCountsAgainstTheNine() throws Exception {
        Class<?> boardOpener = rewrittenOpener();
        StationNetwork network = StationNetwork.get();
        int before = network.openSockets();
        DatagramSocket socket = open(boardOpener);
        assertTrue("the rewritten class makes the station's socket: " + socket.getClass(),
                socket instanceof StationDatagramSocket);
        assertEquals(before + 1, network.openSockets());
        socket.close();
        socket.close(); // twice gives the place back once
        assertEquals(before, network.openSockets());
        assertTrue("the class as loaded still makes the JDK's", !(Opener.open() instanceof StationDatagramSocket));
    }

    @Test
    public void theTenthUdpSocket_isRefusedAsLwipRefusesIt() throws Exception {
        Class<?> boardOpener = rewrittenOpener();
        StationNetwork network = StationNetwork.get();
        while (network.openSockets() < network.maxSockets()) {
            this.sockets.add(open(boardOpener));
        }
        try {
            this.sockets.add(open(boardOpener));
            fail("a 10th socket was made");
        } catch (SocketException expected) {
            assertEquals(StationNetwork.NO_SOCKET_LEFT, expected.getMessage());
        }
        this.sockets.remove(0).close();
        this.sockets.add(open(boardOpener));
    }

    @Test
    public void withoutTheLink_nothingIsSent() throws Exception {
        DatagramSocket socket = open(rewrittenOpener());
        this.sockets.add(socket);
        byte[] nothing = new byte[1];
        this.ap.get().setInRange(false);
        try {
            socket.send(new DatagramPacket(nothing, 1, InetAddress.getLoopbackAddress(), 9));
            fail("sent without the link");
        } catch (NoRouteToHostException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    public void aClassWithoutUdpSockets_isLeftAlone() throws Exception {
        assertNull(StationDatagramHook.rewrite(classBytes(StationDatagramSocketTest.class)));
    }

    private static DatagramSocket open(Class<?> opener) throws Exception {
        try {
            return (DatagramSocket) opener.getMethod("open").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SocketException) {
                throw (SocketException) e.getCause();
            }
            throw e;
        }
    }

    private Class<?> rewrittenOpener() throws Exception {
        final byte[] rewritten = StationDatagramHook.rewrite(classBytes(Opener.class));
        assertNotNull("the class makes a DatagramSocket", rewritten);
        ClassLoader isolated = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Opener.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return isolated.loadClass(Opener.class.getName());
    }

    private static byte[] classBytes(Class<?> type) throws Exception {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
