package com.relayboard.firmware.ui;

import java.util.ArrayList;
import java.util.List;

import com.relayboard.firmware.text.PayloadText;

/**
 * Records everything the board shows. {@link #holdMessages()} makes {@link #addMessage} block, which stops the
 * board's loop in the middle of handling a message, as a slow display would.
 */
public final class FakeScreen implements BoardScreen {

    /** Longest a held addMessage waits, so that a forgotten release cannot hang the build. */
    private static final long HOLD_LIMIT_MS = 10000;

    private final List<String> texts = new ArrayList<String>();
    private final List<String> messageTopics = new ArrayList<String>();
    private final List<byte[]> messagePayloads = new ArrayList<byte[]>();
    private final List<int[]> counters = new ArrayList<int[]>();
    private final List<String> notices = new ArrayList<String>();
    private boolean holding;
    private int held;
    /** What the next addMessage throws, or {@code null}: a bug in the screen code, as the loop sees it. */
    private RuntimeException nextMessageFault;

    @Override
    public synchronized void showWifi(String text, int severity) {
        this.texts.add(text);
    }

    @Override
    public synchronized void showMqtt(String text, int severity) {
        this.texts.add(text);
    }

    @Override
    public synchronized void showNotice(String text, boolean error) {
        this.texts.add(text);
        this.notices.add(text);
    }

    @Override
    public synchronized void addMessage(String topic, byte[] payload, int payloadLength) {
        RuntimeException fault = this.nextMessageFault;
        if (fault != null) {
            this.nextMessageFault = null;
            throw fault;
        }
        this.texts.add(topic);
        this.texts.add(PayloadText.escape(payload));
        this.messageTopics.add(topic);
        this.messagePayloads.add(payload.clone());
        if (this.holding) {
            this.held++;
            notifyAll();
            long deadline = System.currentTimeMillis() + HOLD_LIMIT_MS;
            while (this.holding && System.currentTimeMillis() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void showCounters(int received, int relayed, int dropped, int queued) {
        this.counters.add(new int[] { received, relayed, dropped, queued });
        this.texts.add("rx " + received + " relayed " + relayed + " dropped " + dropped + " queued " + queued);
    }

    /** Makes the next addMessage throw {@code fault}. */
    public synchronized void failNextMessage(RuntimeException fault) {
        this.nextMessageFault = fault;
    }

    public synchronized void holdMessages() {
        this.holding = true;
    }

    public synchronized void releaseMessages() {
        this.holding = false;
        notifyAll();
    }

    /** @return how many addMessage calls were held so far */
    public synchronized int held() {
        return this.held;
    }

    /** @return every text shown: status lines, notices, topics, payloads (escaped), counters */
    public synchronized List<String> texts() {
        return new ArrayList<String>(this.texts);
    }

    public synchronized List<String> notices() {
        return new ArrayList<String>(this.notices);
    }

    public synchronized List<String> messageTopics() {
        return new ArrayList<String>(this.messageTopics);
    }

    public synchronized List<byte[]> messagePayloads() {
        return new ArrayList<byte[]>(this.messagePayloads);
    }

    /** @return every showCounters call as {received, relayed, dropped, queued} */
    public synchronized List<int[]> counters() {
        return new ArrayList<int[]>(this.counters);
    }

    /** @return the counters shown last, or null */
    public synchronized int[] lastCounters() {
        return this.counters.isEmpty() ? null : this.counters.get(this.counters.size() - 1);
    }
}
