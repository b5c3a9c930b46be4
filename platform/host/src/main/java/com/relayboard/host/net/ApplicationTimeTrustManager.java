package com.relayboard.host.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import ej.bon.Util;

/**
 * Checks each certificate of the peer's chain against the board's application clock ({@link Util#currentTimeMillis()},
 * 1970 plus uptime until the firmware sets it), as mbedTLS does on the board (it flags {@code BADCERT_FUTURE} and
 * {@code BADCERT_EXPIRED} against {@code custom_mbedtls_time}), then leaves everything else to the JDK's manager: the
 * chain, the trust anchor and, through the socket's endpoint identification, the broker's name. No thread of its
 * own: it runs in the handshake, on the board's thread that connects.
 */
public final class ApplicationTimeTrustManager extends X509ExtendedTrustManager {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final X509ExtendedTrustManager jdk;

    ApplicationTimeTrustManager(X509ExtendedTrustManager jdk) {
        this.jdk = jdk;
    }

    /** @throws CertificateException naming the certificate, its dates and the board's clock, when they differ */
    static void checkDates(X509Certificate[] chain) throws CertificateException {
        long nowMs = Util.currentTimeMillis();
        Date now = new Date(nowMs);
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity(now);
            } catch (CertificateNotYetValidException e) {
                throw new CertificateNotYetValidException("certificate " + certificate.getSubjectX500Principal()
                        + " is not yet valid at the board's clock, " + UTC.format(Instant.ofEpochMilli(nowMs))
                        + " (valid from " + UTC.format(certificate.getNotBefore().toInstant())
                        + "): the board's clock is not set");
            } catch (CertificateExpiredException e) {
                throw new CertificateExpiredException("certificate " + certificate.getSubjectX500Principal()
                        + " has expired at the board's clock, " + UTC.format(Instant.ofEpochMilli(nowMs))
                        + " (valid until " + UTC.format(certificate.getNotAfter().toInstant()) + ")");
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkDates(chain);
        this.jdk.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkDates(chain);
        this.jdk.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkDates(chain);
        this.jdk.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkDates(chain);
        this.jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkDates(chain);
        this.jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkDates(chain);
        this.jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return this.jdk.getAcceptedIssuers();
    }
}
