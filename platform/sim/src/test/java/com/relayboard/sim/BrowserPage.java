package com.relayboard.sim;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A page in Debian's headless Chromium, driven step by step by {@code web/test/drive-page.mjs} (playwright-core from
 * {@code web/package.json}; run {@code npm ci} in {@code web/} first). Each step is one JSON line; a failed step
 * fails the test with the page's console.
 */
final class BrowserPage implements AutoCloseable {

    static final File WEB_DIR = new File("../../web");
    private static final long STEP_TIMEOUT_MS = 30000;

    private final Process node;
    private final BufferedReader results;
    private final OutputStream steps;

    private BrowserPage(Process node) {
        this.node = node;
        this.results = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        this.steps = node.getOutputStream();
    }

    static BrowserPage open(String url) throws IOException {
        File driver = new File(WEB_DIR, "test/drive-page.mjs");
        if (!new File(WEB_DIR, "node_modules/playwright-core").isDirectory()) {
            throw new AssertionError("run npm ci in " + WEB_DIR.getAbsolutePath() + " first (playwright-core, mqtt)");
        }
        Process node = new ProcessBuilder(List.of("node", driver.getAbsolutePath())).directory(WEB_DIR)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BrowserPage page = new BrowserPage(node);
        page.step("{\"op\":\"open\",\"url\":" + json(url) + "}");
        return page;
    }

    /** Loads {@code url} in the same browser (a new page load: the page's script starts afresh). */
    void go(String url) throws IOException {
        step("{\"op\":\"open\",\"url\":" + json(url) + "}");
    }

    /** Waits for an element matching {@code selector} whose text contains {@code text}; @return the first's text */
    String awaitText(String selector, String text) throws IOException {
        String result = step("{\"op\":\"waitText\",\"selector\":" + json(selector) + ",\"text\":" + json(text)
                + ",\"timeoutMs\":" + STEP_TIMEOUT_MS + "}");
        return result;
    }

    void fill(String selector, String value) throws IOException {
        step("{\"op\":\"fill\",\"selector\":" + json(selector) + ",\"value\":" + json(value) + "}");
    }

    void click(String selector) throws IOException {
        step("{\"op\":\"click\",\"selector\":" + json(selector) + "}");
    }

    /** Presses {@code key} (e.g. {@code "Enter"}) in the element matching {@code selector}. */
    void press(String selector, String key) throws IOException {
        step("{\"op\":\"press\",\"selector\":" + json(selector) + ",\"key\":" + json(key) + "}");
    }

    /** Waits for the JavaScript {@code expression}, evaluated in the page, to be true. */
    void awaitTrue(String expression) throws IOException {
        step("{\"op\":\"waitTrue\",\"expression\":" + json(expression) + ",\"timeoutMs\":" + STEP_TIMEOUT_MS
                + "}");
    }

    /** @return the step's JSON result, {@code {"ok":true,"value":...}}, holding the expression's value in the page */
    String evaluate(String expression) throws IOException {
        return step("{\"op\":\"evaluate\",\"expression\":" + json(expression) + "}");
    }

    /** @return the step's JSON result, holding every line the page wrote to its console so far */
    String consoleLines() throws IOException {
        return step("{\"op\":\"console\"}");
    }

    /** Waits for the input matching {@code selector} to hold {@code value}. */
    void awaitValue(String selector, String value) throws IOException {
        step("{\"op\":\"waitValue\",\"selector\":" + json(selector) + ",\"value\":" + json(value) + ",\"timeoutMs\":"
                + STEP_TIMEOUT_MS + "}");
    }

    /**
     * Makes the page's rule editor hold exactly {@code rulesJson} (a JSON array of {@code {from, to, suffix}}), with
     * its Remove and Add buttons and its fields, as a user would; Apply is a separate {@link #click}.
     */
    void editRules(String rulesJson) throws IOException {
        step("{\"op\":\"editRules\",\"rules\":" + rulesJson + "}");
    }

    /** @return the step's JSON result: {@code "source"} and {@code "rules"} as the page shows the rules in force */
    String rulesInForce() throws IOException {
        return step("{\"op\":\"rulesInForce\"}");
    }

    /** @return the step's JSON result: the editor's {@code "state"} and the {@code "rules"} in its fields */
    String rulesEditor() throws IOException {
        return step("{\"op\":\"rulesEditor\"}");
    }

    /** @return the step's JSON result: the telemetry figures as the page shows them */
    String telemetry() throws IOException {
        return step("{\"op\":\"telemetry\"}");
    }

    void screenshot(File png) throws IOException {
        png.getParentFile().mkdirs();
        step("{\"op\":\"screenshot\",\"path\":" + json(png.getAbsolutePath()) + "}");
    }

    /** @return the step's JSON result; fails unless it says ok */
    private String step(String json) throws IOException {
        this.steps.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        this.steps.flush();
        String result = this.results.readLine();
        if (result == null) {
            throw new AssertionError("the browser driver ended during " + json);
        }
        if (!result.startsWith("{\"ok\":true")) {
            throw new AssertionError("browser step " + json + " failed: " + result);
        }
        return result;
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            step("{\"op\":\"close\"}");
        } catch (AssertionError | IOException e) {
            // Closing anyway.
        }
        if (!this.node.waitFor(15, TimeUnit.SECONDS)) {
            this.node.destroyForcibly();
        }
    }
}
