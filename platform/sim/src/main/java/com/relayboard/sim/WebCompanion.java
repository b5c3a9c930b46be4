package com.relayboard.sim;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the web companion page ({@code web/} of the repository, with its {@code node_modules} from {@code npm ci})
 * on loopback, as mosquitto's {@code http_dir} does on a real installation. Read-only: GET and HEAD of files under
 * the folder, nothing else.
 */
public final class WebCompanion {

    /** The port seed 002's mosquitto serves its page on; taken if free, else any free port. */
    public static final int PREFERRED_PORT = 8083;
    /** The folder is looked for here, relative to the working directory, then to the simulator's jar. */
    private static final String[] WEB_DIR_CANDIDATES = { "web", "../../web", "../../../web" };

    private final Path root;
    private HttpServer server;

    /** @param root the folder holding {@code index.html} */
    public WebCompanion(File root) throws IOException {
        this.root = root.toPath().toRealPath();
    }

    /**
     * @return the repository's {@code web/} folder with its mqtt.js installed, or {@code null} when there is none
     *         (a jar copied elsewhere, or {@code npm ci} not run)
     */
    public static File findWebDir() {
        File jarDir = new File(WebCompanion.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getParentFile();
        for (String candidate : WEB_DIR_CANDIDATES) {
            for (File base : new File[] { new File("."), jarDir }) {
                File dir = new File(base, candidate);
                if (new File(dir, "index.html").isFile()
                        && new File(dir, "node_modules/mqtt/dist/mqtt.min.js").isFile()) {
                    return dir;
                }
            }
        }
        return null;
    }

    /**
     * @param port where to serve; 0: {@link #PREFERRED_PORT} if free, else any free port
     * @return the port it serves on
     */
    public int start(int port) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (port == 0) {
            try {
                this.server = HttpServer.create(new InetSocketAddress(loopback, PREFERRED_PORT), 0);
            } catch (BindException taken) {
                this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            }
        } else {
            this.server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        }
        this.server.createContext("/", this::serve);
        this.server.start();
        return this.server.getAddress().getPort();
    }

    /**
     * Starts the page for the simulator's board, if the page is there.
     *
     * @return the lines the simulator prints about it, next to its mosquitto_sub and mosquitto_pub lines
     */
    static String[] startFor(SimulatedBoard simulated) {
        String websocketUri = simulated.embeddedBrokerWebSocketUri();
        String boardId = simulated.board() == null ? null : simulated.board().clientId();
        String wsLine = websocketUri != null ? "  MQTT over WebSockets: " + websocketUri
                : "  add &ws=ws://HOST:PORT/mqtt to it: your broker's WebSockets listener (see README)";
        File dir = findWebDir();
        if (dir == null) {
            return new String[] { "Web companion: not served (no web/ with its node_modules: run npm ci in web/)",
                    wsLine };
        }
        try {
            WebCompanion companion = new WebCompanion(dir);
            companion.start(0);
            return new String[] { "Web companion: " + companion.pageUri(websocketUri, boardId), wsLine };
        } catch (IOException e) {
            return new String[] { "Web companion: not served (" + e.getMessage() + ")", wsLine };
        }
    }

    /** @return the page's address, told where the broker's WebSockets are (and which board to follow, if given) */
    public String pageUri(String websocketUri, String boardId) {
        return pageUri(websocketUri, boardId, null);
    }

    /**
     * @param username
     *            the broker's user name to prefill, or null (the page then connects anonymously at once); there is
     *            no password parameter: the page takes it from its field only
     * @return the page's address, told where the broker's WebSockets are, which board to follow and as whom, if given
     */
    public String pageUri(String websocketUri, String boardId, String username) {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:").append(this.server.getAddress().getPort())
                .append("/index.html");
        char separator = '?';
        if (websocketUri != null) {
            uri.append(separator).append("ws=").append(URLEncoder.encode(websocketUri, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (boardId != null) {
            uri.append(separator).append("board=").append(URLEncoder.encode(boardId, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (username != null) {
            uri.append(separator).append("username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8));
        }
        return uri.toString();
    }

    public void stop() {
        if (this.server != null) {
            this.server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = this.root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(this.root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".json") || name.endsWith(".map")) {
            return "application/json";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }
}
