package com.relayboard.host.paho;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.Assert;
import org.junit.Test;

/** The host's MicroPaho refuses blocking calls from the firmware's event loop, and only from there. */
public class EventLoopCheckTest {

    /** Runs {@code body} on a thread named {@code name}; returns what it threw, or {@code null}. */
    private static Throwable runOn(String name, final Runnable body) throws InterruptedException {
        final Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    body.run();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }
        }, name);
        thread.start();
        thread.join(10000);
        Assert.assertFalse("the call returned", thread.isAlive());
        return thrown[0];
    }

    @Test
    public void publishOnTheLoop_isRefusedBeforeItTouchesTheNetwork() throws InterruptedException {
        final MqttClient client = new MqttClient("tcp://127.0.0.1:1", "loop-check");
        Throwable thrown = runOn(EventLoopCheck.LOOP_THREAD_NAME, new Runnable() {
            @Override
            public void run() {
                try {
                    client.publish("/t", new byte[] { 1 }, 1, false);
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    throw new AssertionError("not refused as a blocking call on the loop: " + e);
                }
            }
        });
        Assert.assertTrue(String.valueOf(thrown), thrown instanceof IllegalStateException);
        Assert.assertTrue(thrown.getMessage(), thrown.getMessage().contains("publish to /t"));
        Assert.assertTrue(thrown.getMessage(), thrown.getMessage().contains("event loop"));
    }

    @Test
    public void connectAndSubscribeOnTheLoop_areRefused() throws InterruptedException {
        final MqttClient client = new MqttClient("tcp://127.0.0.1:1", "loop-check");
        Throwable connect = runOn(EventLoopCheck.LOOP_THREAD_NAME, new Runnable() {
            @Override
            public void run() {
                try {
                    client.connect(new org.eclipse.paho.client.mqttv3.MqttConnectOptions());
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    throw new AssertionError("not refused: " + e);
                }
            }
        });
        Assert.assertTrue(String.valueOf(connect), connect instanceof IllegalStateException);
        Throwable subscribe = runOn(EventLoopCheck.LOOP_THREAD_NAME, new Runnable() {
            @Override
            public void run() {
                try {
                    client.subscribe("/t", 1);
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    throw new AssertionError("not refused: " + e);
                }
            }
        });
        Assert.assertTrue(String.valueOf(subscribe), subscribe instanceof IllegalStateException);
    }

    @Test
    public void publishOnAnotherThread_goesToTheClient() throws InterruptedException {
        final MqttClient client = new MqttClient("tcp://127.0.0.1:1", "loop-check");
        Throwable thrown = runOn("relayboard-net", new Runnable() {
            @Override
            public void run() {
                try {
                    client.publish("/t", new byte[] { 1 }, 1, false);
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    // Not connected: the client's own refusal, not the loop check's.
                    throw new IllegalArgumentException(e);
                }
            }
        });
        Assert.assertTrue("the client answered, not the check: " + thrown, thrown instanceof IllegalArgumentException);
    }
}
