package com.relayboard.host.net;

import java.security.Provider;
import java.security.Security;

/**
 * The board's certificate checks on the host: a JSSE provider, put first by the host platform, whose
 * {@code TrustManagerFactory "X509"} (the algorithm the firmware asks for, as MicroEJ's TLS example does) is the
 * JDK's PKIX factory with each trust manager wrapped in an {@link ApplicationTimeTrustManager}. So the board's TLS
 * refuses certificates whose dates do not cover the board's application clock, as the ports' mbedTLS does
 * ({@code custom_mbedtls_time} returns the application time; docs/api-evidence.md), while name and chain checks
 * stay the JDK's.
 */
public final class BoardTrustProvider extends Provider {

    private static final long serialVersionUID = 1L;
    static final String NAME = "RelayBoardTrust";
    private static boolean installed;

    BoardTrustProvider() {
        super(NAME, "1.0", "TrustManagerFactory X509 checking certificate dates against the board's application clock");
        putService(new Service(this, "TrustManagerFactory", "X509", ApplicationTimeTrustManagerFactory.class.getName(),
                null, null));
    }

    /** Puts the provider first in this JVM, once: every later {@code TrustManagerFactory.getInstance("X509")}. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Security.insertProviderAt(new BoardTrustProvider(), 1);
        installed = true;
    }
}
