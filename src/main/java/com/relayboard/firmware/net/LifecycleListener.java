package com.relayboard.firmware.net;

/** Told of every state change of the Wi-Fi and MQTT lifecycles, on the loop thread. */
public interface LifecycleListener {

    /**
     * @param detail
     *            the address when connected, the reason and the retry delay when backing off, the
     *            SSID when joining
     */
    void wifiChanged(WifiState state, String detail);

    /**
     * @param detail
     *            the broker when connecting or connected, the reason and the retry delay when backing
     *            off
     */
    void mqttChanged(MqttState state, String detail);
}
