package com.relayboard.host.paho;

/**
 * The host's check that the firmware's event loop never waits for the broker, as HiveMQ's MQTT client checks
 * that its Netty event loop runs only non-blocking code. MicroPaho on the board has no such check: there a
 * blocking call on the loop freezes the LED, the console and the liveness check until the client gives up,
 * which no test sees. The host's {@link org.eclipse.paho.client.mqttv3.MqttClient} calls {@link #refuseOnLoop}
 * before each blocking {@code connect}, {@code subscribe} and {@code publish}, so such a call fails every test
 * that reaches it.
 *
 * <p>The firmware marks its loop with the thread's name only ({@code RelayBoard.LOOP_THREAD_NAME}), so that it
 * needs no API the board lacks; {@link #LOOP_THREAD_NAME} repeats it (the host cannot depend on the firmware),
 * and the simulator's tests compare the two.
 */
public final class EventLoopCheck {

    /** The name of the firmware's loop thread: {@code com.relayboard.firmware.RelayBoard.LOOP_THREAD_NAME}. */
    public static final String LOOP_THREAD_NAME = "relayboard-loop";

    private EventLoopCheck() {
    }

    /**
     * @param call what the caller is about to do, e.g. {@code "publish to /t"}
     * @throws IllegalStateException when the current thread is the firmware's event loop
     */
    public static void refuseOnLoop(String call) {
        if (LOOP_THREAD_NAME.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("blocking MQTT call on the board's event loop (" + LOOP_THREAD_NAME
                    + "): " + call + " waits for the broker, and the loop must never wait");
        }
    }
}
