package com.relayboard.host.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The simulated board's TCP stack: sockets that can only connect while the station is joined to the
 * {@link SimulatedAccessPoint}, and that are aborted when it loses the association. NET on the host
 * is the JDK's sockets; this is where the simulated Wi-Fi link reaches them.
 */
public final class StationNetwork {

    private static final StationNetwork INSTANCE = new StationNetwork();

    private final List<Socket> open = new ArrayList<>();
    private final SocketFactory factory = new StationSocketFactory();

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

    /** How many of the station's sockets are open now. */
    public synchronized int openSockets() {
        return this.open.size();
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

    synchronized void register(Socket socket) {
        // TLS sockets cannot tell us when they close: forget the closed ones here.
        this.open.removeIf(Socket::isClosed);
        this.open.add(socket);
    }

    synchronized void unregister(Socket socket) {
        this.open.remove(socket);
    }

    /** Registers a socket the firmware's factory made, before it connects: a link lost meanwhile aborts it too. */
    private static Socket tracked(Socket socket) {
        INSTANCE.register(socket);
        return socket;
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

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            checkLink();
            INSTANCE.register(this);
            try {
                super.connect(endpoint, timeout);
            } catch (IOException e) {
                INSTANCE.unregister(this);
                throw e;
            }
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
            return new StationSocket();
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
            StationSocket socket = new StationSocket();
            socket.connect(address, 0);
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
            return tracked(this.firmware.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            checkLink();
            return stillJoined(tracked(this.firmware.createSocket(host, port)));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            checkLink();
            return stillJoined(tracked(this.firmware.createSocket(host, port, localHost, localPort)));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            checkLink();
            return stillJoined(tracked(this.firmware.createSocket(host, port)));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            checkLink();
            return stillJoined(tracked(this.firmware.createSocket(address, port, localAddress, localPort)));
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
            return tracked(this.tls.createSocket());
        }

        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            checkLink();
            return tracked(this.tls.createSocket(plain, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            checkLink();
            return tracked(this.tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            checkLink();
            return tracked(this.tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            checkLink();
            return tracked(this.tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            checkLink();
            return tracked(this.tls.createSocket(address, port, localAddress, localPort));
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
