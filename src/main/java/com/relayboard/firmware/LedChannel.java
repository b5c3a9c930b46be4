package com.relayboard.firmware;

import com.relayboard.firmware.led.LedControl;
import com.relayboard.firmware.net.BrokerException;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.LifecycleListener;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.RetainedPublish;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.ui.Console;

/**
 * LED control over MQTT, on the loop thread: applies the commands the message path took, and
 * publishes the setting applied, retained, on every change and on every connect. It sees the
 * lifecycles' changes before the status presenter does, so that after a connect the light waits for
 * the retained command instead of showing the default setting first.
 */
final class LedChannel implements LifecycleListener {

    private final LedControl control;
    /** Where commands come, or {@code null} when LED control is off. */
    private final String commandTopic;
    private final String stateTopic;
    private final BrokerSession session;
    private final Clock clock;
    private final Console console;
    /** Told of every change after this channel. */
    private final LifecycleListener next;
    private boolean connected;

    LedChannel(LedControl control, String commandTopic, String stateTopic, BrokerSession session, Clock clock,
            Console console, LifecycleListener next) {
        this.control = control;
        this.commandTopic = commandTopic;
        this.stateTopic = stateTopic;
        this.session = session;
        this.clock = clock;
        this.console = console;
        this.next = next;
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
        try {
            RetainedPublish.publish(this.session, this.stateTopic, this.control.stateJson());
        } catch (BrokerException e) {
            this.console.println("Could not publish the LED state on " + this.stateTopic + ": " + e.getMessage());
        }
    }
}
