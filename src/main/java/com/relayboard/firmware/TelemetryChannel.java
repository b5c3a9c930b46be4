package com.relayboard.firmware;

import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.path.MessagePath;
import com.relayboard.firmware.text.Utf8;

/**
 * The telemetry document, on the loop thread: published retained every {@code relayboard.telemetry.periodS} (0: never
 * by itself) and whenever a request comes on {@code telemetry/get}, while the link is up. The publish is the network
 * worker's job ({@link NewestRetainedPublish}): requests faster than the worker merge into one document, the newest.
 */
final class TelemetryChannel {

    /** What the document says, built when it is published. */
    interface Document {
        String json();
    }

    private final long periodMs;
    private final MessagePath path;
    private final MqttLink link;
    private final Document document;
    private final NewestRetainedPublish publish;
    private long nextMs = -1;

    TelemetryChannel(int periodS, MessagePath path, MqttLink link, Document document, NewestRetainedPublish publish) {
        this.periodMs = periodS * 1000L;
        this.path = path;
        this.link = link;
        this.document = document;
        this.publish = publish;
    }

    void step(long nowMs) {
        boolean asked = this.path.takeTelemetryRequest();
        boolean due = false;
        if (this.periodMs > 0) {
            if (this.nextMs < 0) {
                this.nextMs = nowMs + this.periodMs;
            } else if (nowMs >= this.nextMs) {
                due = true;
                this.nextMs = nowMs + this.periodMs;
            }
        }
        if ((asked || due) && this.link.isConnected()) {
            this.publish.offer(Utf8.encode(this.document.json()));
        }
    }
}
