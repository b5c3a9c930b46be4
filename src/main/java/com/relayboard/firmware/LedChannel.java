package com.relayboard.firmware;

import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttState;
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
    private final Clock clock;
    /** The job that publishes the newest setting, on the worker. */
    private final NewestRetainedPublish statePublish;
    /** Told of every change after this channel. */
    private final LifecycleListener next;
    private boolean connected;

    /** @param worker where the state is published, off the loop */
    LedChannel(LedControl control, String commandTopic, String stateTopic, BrokerSession session, JobRunner worker,
            Clock clock, Console console, LifecycleListener next) {
        this.control = control;
        this.commandTopic = commandTopic;
        this.clock = clock;
        this.next = next;
        this.statePublish = new NewestRetainedPublish(session, worker, stateTopic, "LED state", console);
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
        this.statePublish.offer(this.control.stateJson());
    }
}
