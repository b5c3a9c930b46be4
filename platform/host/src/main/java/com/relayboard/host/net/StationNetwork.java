package com.relayboard.host.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The simulated board's TCP stack: sockets that can only connect while the station is joined to the
 * {@link SimulatedAccessPoint}, and that are aborted when it loses the association. NET on the host
 * is the JDK's sockets; this is where the simulated Wi-Fi link reaches them.
 *
 * <p>It also holds the board's socket budget. lwIP on both ESP32 VEE Ports has {@link #LWIP_MAX_SOCKETS} sockets
 * ({@code CONFIG_LWIP_MAX_SOCKETS=10}), and the NET port's async_select keeps one of them for itself, so the
 * {@link #DEFAULT_MAX_SOCKETS 9}th socket the application holds is its last: asking for one more fails as lwIP's
 * {@code socket()} does there (docs/api-evidence.md, "Sockets"). Every board socket counts, TCP, TLS and UDP: the
 * TCP and TLS ones made here are counted from when they are made until they are closed; a socket made elsewhere
 * (a {@code DatagramSocket}) takes a place with {@link #reserve()} before it is made and gives it back with
 * {@link #release()} once closed.
 */
public final class StationNetwork {

    /** lwIP's sockets on both ESP32 VEE Ports: {@code CONFIG_LWIP_MAX_SOCKETS=10} in their sdkconfig. */
    public static final int LWIP_MAX_SOCKETS = 10;
    /** The NET port's async_select keeps a loopback socket of its own to wake its select task. */
    public static final int NET_PORT_OWN_SOCKETS = 1;
    /** What the application may hold at once on the board. */
    public static final int DEFAULT_MAX_SOCKETS = LWIP_MAX_SOCKETS - NET_PORT_OWN_SOCKETS;
    /**
     * What NET reports when lwIP has no socket left: {@code lwip_socket} fails with {@code ENOBUFS} (its netconn
     * pool, {@code MEMP_NUM_NETCONN = CONFIG_LWIP_MAX_SOCKETS}, is empty), which the port's
     * {@code map_to_java_exception} turns into {@code J_ENOMEM} (-19), and NET's message is
     * {@code NET-1.1:E=<id>}.
     */
    public static final String NO_SOCKET_LEFT = "NET-1.1:E=-19";

    private static final StationNetwork INSTANCE = new StationNetwork();

    private final List<Socket> open = new ArrayList<>();
    private final SocketFactory factory = new StationSocketFactory();
    /** Places taken with {@link #reserve()} and not yet given back or filled by a socket made here. */
    private int reserved;
    private int maxSockets = DEFAULT_MAX_SOCKETS;
    private int peak;
    private int refusals;
    private String lastRefusal;

    private StationNetwork() {
    }

    public static StationNetwork get() {
        return INSTANCE;
    }

    /** Plain TCP sockets of the station. */
    public SocketFactory socketFactory() {
        return this.factory;
    }

    /**
     * Plain TCP sockets of the station, made by the firmware's own {@code factory} (with the options it sets), but
     * refused while the station is not joined and aborted when it loses the link.
     */
    public SocketFactory socketFactory(SocketFactory factory) {
        return new FirmwareSocketFactory(factory);
    }

    /**
     * TLS sockets of the station: made by the firmware's {@code tls} factory (its own trust), but
     * refused while the station is not joined and aborted when it loses the link, like plain ones.
     */
    public SSLSocketFactory secureSocketFactory(SSLSocketFactory tls) {
        return new StationSslSocketFactory(tls);
    }

    /** How many of the station's sockets are open now (those reserved included). */
    public synchronized int openSockets() {
        prune();
        return this.open.size() + this.reserved;
    }

    /**
     * Takes a place for a socket the board makes outside this class (a {@code DatagramSocket}), before making it,
     * as lwIP's {@code socket()} would; {@link #release()} gives it back once the socket is closed.
     *
     * @throws SocketException
     *             {@link #NO_SOCKET_LEFT}, as on the board, when its sockets are all in use
     */
    public synchronized void reserve() throws SocketException {
        prune();
        int inUse = this.open.size() + this.reserved;
        if (inUse >= this.maxSockets) {
            this.refusals++;
            this.lastRefusal = "socket " + (inUse + 1) + " refused: " + inUse + " open, the board has "
                    + this.maxSockets + " for the application (" + LWIP_MAX_SOCKETS + " in lwIP, "
                    + NET_PORT_OWN_SOCKETS + " kept by NET's async_select)";
            throw new SocketException(NO_SOCKET_LEFT);
        }
        this.reserved++;
        this.peak = Math.max(this.peak, inUse + 1);
    }

    /** Gives back a place taken with {@link #reserve()}: the socket is closed (or was never made). */
    public synchronized void release() {
        if (this.reserved > 0) {
            this.reserved--;
        }
    }

    /**
     * Sets how many sockets the board's application may hold. The default is the board's; a test changes it only
     * with a reason, given here.
     */
    public synchronized void setMaxSockets(int max, String reason) {
        if (max < 1 || reason == null || reason.trim().isEmpty()) {
            throw new IllegalArgumentException("a socket budget of at least 1, and the reason for it");
        }
        this.maxSockets = max;
    }

    /** @return how many sockets the board's application may hold at once */
    public synchronized int maxSockets() {
        return this.maxSockets;
    }

    /** @return the most sockets the board held at once so far */
    public synchronized int peakSockets() {
        return this.peak;
    }

    /** @return how many sockets were refused because the board had none left */
    public synchronized int refusals() {
        return this.refusals;
    }

    /** @return what the last refusal was, or {@code null} */
    public synchronized String lastRefusal() {
        return this.lastRefusal;
    }

    /** @return one line: the peak, the budget, the refusals */
    public synchronized String describe() {
        prune();
        return "sockets: peak " + this.peak + " of " + this.maxSockets + " (" + LWIP_MAX_SOCKETS + " in lwIP, "
                + NET_PORT_OWN_SOCKETS + " kept by NET's async_select), " + (this.open.size() + this.reserved)
                + " open now, " + this.refusals + " refused"
                + (this.lastRefusal == null ? "" : " (last: " + this.lastRefusal + ")");
    }

    synchronized void abortAll(String why) {
        for (Socket socket : new ArrayList<>(this.open)) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already broken: aborting it is all that was wanted.
            }
        }
        this.open.clear();
    }

    /** The socket made for a place {@link #reserve() reserved} fills it, and is counted until it is closed. */
    synchronized void register(Socket socket) {
        this.open.add(socket);
        release();
    }

    synchronized void unregister(Socket socket) {
        this.open.remove(socket);
    }

    /** Forgets the sockets closed since: TLS sockets and the firmware's own cannot tell us when they close. */
    private void prune() {
        this.open.removeIf(Socket::isClosed);
    }

    /**
     * Makes a socket with the firmware's factory in a place of the board's budget, and registers it before it
     * connects (when the factory connects it, right after): a link lost meanwhile aborts it too.
     */
    private static Socket tracked(SocketMaker maker) throws IOException {
        INSTANCE.reserve();
        Socket socket;
        try {
            socket = maker.make();
        } catch (IOException | RuntimeException e) {
            INSTANCE.release();
            throw e;
        }
        INSTANCE.register(socket);
        return socket;
    }

    /** One of a factory's ways of making a socket. */
    private interface SocketMaker {
        Socket make() throws IOException;
    }

    /** Closes a socket that connected while the station's link went down, and says so. */
    static Socket stillJoined(Socket socket) throws IOException {
        if (!SimulatedAccessPoint.get().isStationJoined()) {
            socket.close();
            throw new NoRouteToHostException("network is unreachable: the Wi-Fi station lost its link");
        }
        return socket;
    }

    static void checkLink() throws NoRouteToHostException {
        SimulatedAccessPoint ap = SimulatedAccessPoint.get();
        if (!ap.isStationJoined()) {
            throw new NoRouteToHostException("network is unreachable: the Wi-Fi station is not joined");
        }
        if (!ap.hasLease()) {
            // lwIP would send from 0.0.0.0 and never hear back; refusing at once says what is wrong.
            throw new NoRouteToHostException("network is unreachable: the Wi-Fi station has no address yet (DHCP)");
        }
    }

    /** A socket that checks the station's link when it connects, and is tracked until closed. */
    static final class StationSocket extends Socket {

        /** Made in a place of the board's budget (made by {@link #create()}), counted until closed. */
        private StationSocket() {
        }

        static StationSocket create() throws SocketException {
            INSTANCE.reserve();
            StationSocket socket = new StationSocket();
            INSTANCE.register(socket);
            return socket;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            checkLink();
            super.connect(endpoint, timeout);
            // The link may have gone down while connecting.
            stillJoined(this);
        }

        @Override
        public synchronized void close() throws IOException {
            INSTANCE.unregister(this);
            super.close();
        }
    }

    private static final class StationSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            return StationSocket.create();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new java.net.InetSocketAddress(address, port));
        }

        private Socket connected(java.net.InetSocketAddress address) throws IOException {
            StationSocket socket = StationSocket.create();
            try {
                socket.connect(address, 0);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        }
    }

    /** Wraps the firmware's plain socket factory: each socket checks the link when made and is tracked. */
    private static final class FirmwareSocketFactory extends SocketFactory {

        private final SocketFactory firmware;

        FirmwareSocketFactory(SocketFactory firmware) {
            this.firmware = firmware;
        }

        @Override
        public Socket createSocket() throws IOException {
            checkLink();
            return tracked(() -> this.firmware.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            checkLink();
            return stillJoined(tracked(() -> this.firmware.createSocket(host, port)));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            checkLink();
            return stillJoined(tracked(() -> this.firmware.createSocket(host, port, localHost, localPort)));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            checkLink();
            return stillJoined(tracked(() -> this.firmware.createSocket(host, port)));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            checkLink();
            return stillJoined(tracked(() -> this.firmware.createSocket(address, port, localAddress, localPort)));
        }
    }

    /** Wraps the firmware's TLS factory: each socket checks the link when made and is tracked. */
    private static final class StationSslSocketFactory extends SSLSocketFactory {

        private final SSLSocketFactory tls;

        StationSslSocketFactory(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public Socket createSocket() throws IOException {
            // Paho makes the socket, then connects it at once: the link is checked here.
            checkLink();
            return tracked(() -> this.tls.createSocket());
        }

        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            checkLink();
            // TLS over a socket the board already holds: no socket of lwIP's more (the plain one is counted).
            return this.tls.createSocket(plain, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            checkLink();
            return tracked(() -> this.tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            checkLink();
            return tracked(() -> this.tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            checkLink();
            return tracked(() -> this.tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            checkLink();
            return tracked(() -> this.tls.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return this.tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return this.tls.getSupportedCipherSuites();
        }
    }
}
