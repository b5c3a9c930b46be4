package com.relayboard.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and a server certificate for {@code localhost} made with Debian's openssl for one run, in its work folder
 * (P-256 keys, valid two days), as the simulator's TLS tests make theirs: mosquitto's TLS listener presents the
 * server certificate and the board trusts the CA ({@code relayboard.mqtt.caCert}).
 */
final class BenchCertificates {

    /** The name the board connects to and checks the certificate against (it refuses an IP address for TLS). */
    static final String HOST = "localhost";

    final File caCert;
    final File serverCert;
    final File serverKey;

    private BenchCertificates(File caCert, File serverCert, File serverKey) {
        this.caCert = caCert;
        this.serverCert = serverCert;
        this.serverKey = serverKey;
    }

    static BenchCertificates make(File workFolder) throws IOException, InterruptedException {
        File folder = new File(workFolder, "certs");
        Files.createDirectories(folder.toPath());
        File caCert = new File(folder, "ca.pem");
        File caKey = new File(folder, "ca.key");
        openssl(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days",
                "2", "-subj", "/CN=RelayBoard bench CA", "-keyout", caKey.getPath(), "-out", caCert.getPath(), "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        File serverCert = new File(folder, "server.pem");
        File serverKey = new File(folder, "server.key");
        File request = new File(folder, "server.csr");
        openssl(folder, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj",
                "/CN=" + HOST, "-keyout", serverKey.getPath(), "-out", request.getPath());
        File extensions = new File(folder, "server.ext");
        Files.write(extensions.toPath(), ("subjectAltName=DNS:" + HOST + ",IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n").getBytes(StandardCharsets.UTF_8));
        openssl(folder, "x509", "-req", "-in", request.getPath(), "-CA", caCert.getPath(), "-CAkey", caKey.getPath(),
                "-CAcreateserial", "-days", "2", "-extfile", extensions.getPath(), "-out", serverCert.getPath());
        return new BenchCertificates(caCert, serverCert, serverKey);
    }

    /** @return mosquitto.conf lines for a TLS listener on {@code port} with this certificate */
    List<String> listener(int port) {
        return Arrays.asList("listener " + port + " 127.0.0.1", "cafile " + this.caCert.getAbsolutePath(),
                "certfile " + this.serverCert.getAbsolutePath(), "keyfile " + this.serverKey.getAbsolutePath(),
                "tls_version tlsv1.2");
    }

    private static void openssl(File folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(arguments));
        File log = new File(folder, "openssl.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl failed: " + command + " (see " + log + ")");
        }
    }
}
