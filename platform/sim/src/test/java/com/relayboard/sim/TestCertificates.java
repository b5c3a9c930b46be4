package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates made for one test run with Debian's openssl CLI: two unrelated CAs, and server
 * certificates signed by them, for the right name or a wrong one. Valid for two days, P-256 keys.
 */
final class TestCertificates {

    /** A certificate and its key, both PEM files. */
    static final class Pair {
        final File cert;
        final File key;

        Pair(File cert, File key) {
            this.cert = cert;
            this.key = key;
        }
    }

    private final File folder;

    TestCertificates() throws IOException {
        this.folder = Files.createTempDirectory("relayboard-certs").toFile();
    }

    /** A self-signed CA. */
    Pair ca(String name) throws IOException, InterruptedException {
        Pair ca = new Pair(new File(this.folder, name + ".pem"), new File(this.folder, name + ".key"));
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=RelayBoard test " + name, "-keyout", ca.key.getAbsolutePath(), "-out",
                ca.cert.getAbsolutePath(), "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        return ca;
    }

    /**
     * A server certificate signed by {@code ca}.
     *
     * @param dnsName
     *            its common name and DNS subject alternative name
     * @param ip
     *            an IP subject alternative name as well, or null
     */
    Pair server(String fileName, Pair ca, String dnsName, String ip) throws IOException, InterruptedException {
        Pair server = new Pair(new File(this.folder, fileName + ".pem"), new File(this.folder, fileName + ".key"));
        File request = new File(this.folder, fileName + ".csr");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj",
                "/CN=" + dnsName, "-keyout", server.key.getAbsolutePath(), "-out", request.getAbsolutePath());
        File extensions = new File(this.folder, fileName + ".ext");
        String names = "DNS:" + dnsName + (ip == null ? "" : ",IP:" + ip);
        Files.write(extensions.toPath(), ("subjectAltName=" + names + "\nextendedKeyUsage=serverAuth\n"
                + "basicConstraints=CA:FALSE\n").getBytes(StandardCharsets.UTF_8));
        openssl("x509", "-req", "-in", request.getAbsolutePath(), "-CA", ca.cert.getAbsolutePath(), "-CAkey",
                ca.key.getAbsolutePath(), "-CAcreateserial", "-days", "2", "-extfile", extensions.getAbsolutePath(),
                "-out", server.cert.getAbsolutePath());
        return server;
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        DesktopClients.runTool(command);
    }
}
