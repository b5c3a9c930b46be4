package org.eclipse.paho.client.mqttv3;

/**
 * MicroPaho's callback: exactly two methods. (Eclipse Paho adds {@code deliveryComplete}; MicroEJ's
 * examples built on MicroPaho implement only these two, so firmware must not rely on a third.)
 */
public interface MqttCallback {

    void connectionLost(Throwable cause);

    void messageArrived(String topic, MqttMessage message) throws Exception;
}
