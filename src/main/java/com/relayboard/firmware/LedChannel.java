package com.relayboard.firmware;

import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.RetainedPublish;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.ui.Console;

/**
 * LED control over MQTT, on the loop thread: applies the commands the message path took, and has the
 * setting applied published, retained, on every change and on every connect. The publish (QoS 1, it waits
 * for the broker's acknowledgement) is a job of the network worker, never the loop's: on a dead link the
 * LED, the console and the liveness check go on. Changes made while a publish is waiting for the worker
 * merge into it: the worker publishes the newest setting, and its queue never fills with LED states. It
 * sees the lifecycles' changes before the status presenter does, so that after a connect the light waits
 * for the retained command instead of showing the default setting first.
 */
final class LedChannel implements LifecycleListener {

    private final LedControl control;
    /** Where commands come, or {@code null} when LED control is off. */
    private final String commandTopic;
    private final String stateTopic;
    private final Clock clock;
    /** The job that publishes the newest setting, on the worker. */
    private final StatePublish statePublish;
    private final Console console;
    /** Told of every change after this channel. */
    private final LifecycleListener next;
    private boolean connected;

    /** @param worker where the state is published, off the loop */
    LedChannel(LedControl control, String commandTopic, String stateTopic, BrokerSession session, JobRunner worker,
            Clock clock, Console console, LifecycleListener next) {
        this.control = control;
        this.commandTopic = commandTopic;
        this.stateTopic = stateTopic;
        this.clock = clock;
        this.console = console;
        this.next = next;
        this.statePublish = new StatePublish(session, worker);
    }

    /** Applies the commands that came since the last step; publishes the setting if it changed. */
    void step() {
        if (this.control.applyPending()) {
            publishState();
        }
    }

    @Override
    public void wifiChanged(WifiState state, String detail) {
        this.next.wifiChanged(state, detail);
    }

    @Override
    public void mqttChanged(MqttState state, String detail) {
        this.connected = state == MqttState.CONNECTED;
        if (this.connected) {
            // The retained command comes with the subscription: the light shows "connected" only once it
            // is applied (or took too long), never the default setting first.
            if (this.commandTopic != null) {
                this.control.connected(this.clock.nowMs());
            }
            this.control.applyPending();
        }
        this.next.mqttChanged(state, detail);
        if (this.connected) {
            publishState();
        }
    }

    private void publishState() {
        if (this.commandTopic == null || !this.connected) {
            return;
        }
        if (!this.statePublish.offer(this.control.stateJson())) {
            this.console.println("Could not publish the LED state on " + this.stateTopic
                    + ": the network worker is busy");
        }
    }

    /**
     * The LED state's publish, on the worker. The loop offers the newest setting; the worker publishes whatever
     * is newest when it runs, so a run of changes costs one queued job, not one per change.
     */
    private final class StatePublish implements Runnable {

        private final BrokerSession session;
        private final JobRunner worker;
        /**
         * The newest setting: written by the loop only, read by the worker. Volatile, no lock: the loop writes it
         * before it reads {@link #queued}, the worker clears {@link #queued} before it reads this, so a setting
         * written while a job runs is either seen by that job or queues another.
         */
        private volatile byte[] newest;
        /** Whether a job is queued that has not yet read {@link #newest}: set by the loop, cleared by the worker. */
        private volatile boolean queued;

        StatePublish(BrokerSession session, JobRunner worker) {
            this.session = session;
            this.worker = worker;
        }

        /** On the loop. @return whether the state will be published (queued now, or merged into a queued job) */
        boolean offer(byte[] state) {
            this.newest = state;
            if (this.queued) {
                return true;
            }
            this.queued = true;
            if (this.worker.submit(this)) {
                return true;
            }
            this.queued = false;
            return false;
        }

        @Override
        public void run() {
            this.queued = false;
            byte[] state = this.newest;
            try {
                RetainedPublish.publish(this.session, LedChannel.this.stateTopic, state);
            } catch (BrokerException e) {
                LedChannel.this.console.println("Could not publish the LED state on " + LedChannel.this.stateTopic
                        + ": " + e.getMessage());
            }
        }
    }
}
