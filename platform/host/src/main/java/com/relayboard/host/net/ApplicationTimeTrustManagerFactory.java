package com.relayboard.host.net;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/** The JDK's PKIX trust managers, each wrapped to check dates against the board's clock first. */
public final class ApplicationTimeTrustManagerFactory extends TrustManagerFactorySpi {

    private final TrustManagerFactory jdk;

    public ApplicationTimeTrustManagerFactory() throws NoSuchAlgorithmException {
        try {
            this.jdk = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        } catch (java.security.NoSuchProviderException e) {
            throw new NoSuchAlgorithmException("the JDK's SunJSSE provider is missing", e);
        }
    }

    @Override
    protected void engineInit(KeyStore keyStore) throws KeyStoreException {
        this.jdk.init(keyStore);
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) throws InvalidAlgorithmParameterException {
        this.jdk.init(parameters);
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
        TrustManager[] managers = this.jdk.getTrustManagers().clone();
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof X509ExtendedTrustManager) {
                managers[i] = new ApplicationTimeTrustManager((X509ExtendedTrustManager) managers[i]);
            }
        }
        return managers;
    }
}
