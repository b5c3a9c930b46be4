package com.relayboard.firmware.net;

import java.util.ArrayList;
import java.util.List;

/** Records every lifecycle change, as "STATE detail". */
public final class RecordingLifecycleListener implements LifecycleListener {

    private final List<WifiState> wifiStates = new ArrayList<WifiState>();
    private final List<String> wifiDetails = new ArrayList<String>();
    private final List<MqttState> mqttStates = new ArrayList<MqttState>();
    private final List<String> mqttDetails = new ArrayList<String>();

    @Override
    public synchronized void wifiChanged(WifiState state, String detail) {
        this.wifiStates.add(state);
        this.wifiDetails.add(detail);
    }

    @Override
    public synchronized void mqttChanged(MqttState state, String detail) {
        this.mqttStates.add(state);
        this.mqttDetails.add(detail);
    }

    public synchronized List<WifiState> wifiStates() {
        return new ArrayList<WifiState>(this.wifiStates);
    }

    public synchronized String lastWifiDetail() {
        return this.wifiDetails.isEmpty() ? null : this.wifiDetails.get(this.wifiDetails.size() - 1);
    }

    public synchronized List<MqttState> mqttStates() {
        return new ArrayList<MqttState>(this.mqttStates);
    }

    public synchronized String lastMqttDetail() {
        return this.mqttDetails.isEmpty() ? null : this.mqttDetails.get(this.mqttDetails.size() - 1);
    }

    public synchronized List<String> mqttDetails() {
        return new ArrayList<String>(this.mqttDetails);
    }
}
