package com.relayboard.firmware.net;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS sockets that trust exactly one CA: the one that signed the broker's certificate. Built with the
 * SSL and SECURITY APIs the way MicroEJ's own TLS MQTT example does (docs/api-evidence.md). The
 * broker's name is checked against its certificate by the TLS stack itself: JSSE's endpoint
 * identification under Paho on the desktop, mbedTLS's host name check on the board.
 *
 * <p>It is also the one place the firmware uses two unproven members of SSL and FS (docs/api-evidence.md): each in
 * a method of its own, on a line marked {@code unproven} with its fallback beside it (platform/README.md).
 */
public final class TlsSockets {

    /** The board's TLS stack (mbedTLS on the ESP32 ports) speaks TLS 1.2 at most. */
    private static final String PROTOCOL = "TLSv1.2";
    private static final String TRUST_ALGORITHM = "X509";
    private static final String CERTIFICATE_TYPE = "X.509";
    private static final String CA_ALIAS = "relayboard-broker-ca";

    private TlsSockets() {
    }

    /**
     * @param caCert
     *            a classpath resource (as on the board, listed in a {@code *.resources.list}) or,
     *            when there is no such resource, a file path
     * @return a factory of TLS sockets that trust only that CA
     * @throws IOException
     *             with a reason a person can act on, when the CA cannot be read or used
     */
    public static SSLSocketFactory trusting(String caCert) throws IOException {
        InputStream in = TlsSockets.class.getResourceAsStream(caCert);
        if (in == null) {
            in = openFile(caCert);
        }
        if (in == null) {
            throw new IOException("CA certificate " + caCert + " not found (neither a resource nor a file)");
        }
        try {
            Certificate ca = CertificateFactory.getInstance(CERTIFICATE_TYPE).generateCertificate(in);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(CA_ALIAS, ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TRUST_ALGORITHM);
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception e) {
            // Certificate, key store and TLS set-up failures all mean the same to the user: this file.
            throw new IOException("CA certificate " + caCert + " is not usable: " + e.getMessage());
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // Read already; nothing to release.
            }
        }
    }

    /** @return the file's content, or {@code null} when it cannot be opened */
    private static InputStream openFile(String path) {
        try {
            // FileInputStream(File), as MicroEJ's Example-Hoka opens files (FileInputStream(String) is not established).
            return new FileInputStream(new File(path));
        } catch (Exception e) {
            return null;
        }
    }

    /** @return whether a connect failed in the TLS handshake (to word the reason) */
    static boolean isTlsFailure(Throwable cause) {
        return cause instanceof SSLException; // unproven: if missing, use return false; (the reason is then
        // the TLS stack's own message, not "TLS handshake ... failed")
    }
}
