package com.relayboard.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.path.RelayCounters;

/**
 * A burst as a user makes one: numbered payloads piped into {@code mosquitto_pub -l}, which publishes
 * one message per line as fast as the broker takes them (about 0.4 s for 2,000 at QoS 1 here), and
 * the checks the burst tests share.
 */
final class Burst {

    static final String TOPIC1 = "/test/topic1";
    static final String TOPIC3 = "/test/topic3";
    /** What the two relay rules append. */
    static final String RELAYED_SUFFIX = " (relay1) (relay2)";

    private Burst() {
    }

    /** @return {@code prefix-00001} ... {@code prefix-<count>} */
    static List<String> payloads(String prefix, int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            payloads.add(prefix + "-" + String.format("%05d", i));
        }
        return payloads;
    }

    /** @return what comes out on topic3 for each payload */
    static List<String> relayed(List<String> payloads) {
        List<String> relayed = new ArrayList<>();
        for (String payload : payloads) {
            relayed.add(payload + RELAYED_SUFFIX);
        }
        return relayed;
    }

    /** Starts {@code mosquitto_pub -l -q qos -t topic} with the payloads on its standard input. */
    static Process publish(int port, String topic, int qos, List<String> payloads) throws IOException {
        Process process = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q",
                Integer.toString(qos), "-t", topic, "-l").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((String.join("\n", payloads) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }

    static void awaitExit(Process publisher, long timeoutMs) throws InterruptedException, IOException {
        if (!publisher.waitFor(timeoutMs, TimeUnit.MILLISECONDS) || publisher.exitValue() != 0) {
            publisher.destroyForcibly();
            throw new AssertionError("mosquitto_pub -l did not finish: "
                    + new String(publisher.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The settings of a board that loses nothing: QoS 1 on a persistent session under a fixed id. */
    static Properties persistentQos1(String brokerUri, String clientId) {
        Properties settings = new Properties();
        settings.setProperty("relayboard.mqtt.broker", brokerUri);
        settings.setProperty("relayboard.mqtt.clientId", clientId);
        settings.setProperty("relayboard.mqtt.qos", "1");
        settings.setProperty("relayboard.mqtt.cleanSession", "false");
        return settings;
    }

    /**
     * Waits until the board holds nothing in flight, then checks that its counters add up:
     * received = relayed + dropped.
     *
     * @return the counters then: received, relayed, dropped, in flight
     */
    static int[] awaitSettledCounters(RelayBoard board, long timeoutMs) throws InterruptedException {
        RelayCounters counters = board.counters();
        int[][] snapshot = new int[1][];
        Poll.until(timeoutMs, () -> (snapshot[0] = counters.snapshot())[3] == 0,
                () -> "messages still in flight: " + board.status());
        int[] now = snapshot[0];
        if (now[0] != now[1] + now[2]) {
            throw new AssertionError("received " + now[0] + " != relayed " + now[1] + " + dropped " + now[2]);
        }
        return now;
    }
}
