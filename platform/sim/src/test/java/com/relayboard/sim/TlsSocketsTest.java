package com.relayboard.sim;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.junit.Test;

import com.relayboard.firmware.net.TlsSockets;

/**
 * Where the board finds its CA certificate: a classpath resource as on the device (this one, in
 * src/test/resources, is a CA certificate whose key was thrown away), else a file; and what it says
 * when there is neither, or when the file is not a certificate. Runs on Java SE's SSL and security
 * classes, which the host uses for MicroEJ's SSL and SECURITY libraries.
 */
public class TlsSocketsTest {

    @Test
    public void caAsClasspathResource_givesTlsSockets() throws IOException {
        SocketFactory factory = TlsSockets.trusting("/certificates/relayboard-test-ca.pem");
        assertNotNull(factory);
        assertTrue(factory instanceof SSLSocketFactory);
    }

    @Test
    public void caAsFile_givesTlsSockets() throws IOException {
        File copy = File.createTempFile("broker-ca", ".pem");
        try {
            Files.copy(TlsSocketsTest.class.getResourceAsStream("/certificates/relayboard-test-ca.pem"), copy.toPath(),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(TlsSockets.trusting(copy.getAbsolutePath()) instanceof SSLSocketFactory);
        } finally {
            copy.delete();
        }
    }

    @Test
    public void missingCa_isNamed() {
        try {
            TlsSockets.trusting("/certificates/no-such-ca.pem");
            fail("a missing CA must be refused");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().equals(
                    "CA certificate /certificates/no-such-ca.pem not found (neither a resource nor a file)"));
        }
    }

    @Test
    public void notACertificate_isRefusedWithItsName() throws IOException {
        File junk = File.createTempFile("not-a-ca", ".pem");
        try {
            Files.write(junk.toPath(), "-----BEGIN CERTIFICATE-----\nnot base64\n".getBytes(StandardCharsets.US_ASCII));
            TlsSockets.trusting(junk.getAbsolutePath());
            fail("a file that is not a certificate must be refused");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("CA certificate " + junk.getAbsolutePath()
                    + " is not usable: "));
        } finally {
            junk.delete();
        }
    }
}
