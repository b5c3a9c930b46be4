package com.relayboard.firmware.net;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.Test;

/**
 * {@link MicroPahoCalls} on the host's MicroPaho (Eclipse Paho 1.2.5 behind MicroPaho's shape): each call sets what
 * it says, and the reason codes written there are those the host's engine reports. Host-only (it reads the options
 * back through the host's package-private getters, which MicroPaho does not have), so it lives here, not in the
 * firmware's tests.
 */
public class MicroPahoCallsTest {

    private static Object read(MqttConnectOptions options, String getter) throws Exception {
        Method method = MqttConnectOptions.class.getDeclaredMethod(getter);
        method.setAccessible(true);
        return method.invoke(options);
    }

    @Test
    public void optionsAreSetAsSaid() throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        MicroPahoCalls.setWill(options, "relayboard/b/status", "offline".getBytes(), 1, true);
        MicroPahoCalls.setCleanSession(options, false);
        MicroPahoCalls.setKeepAliveInterval(options, 17);
        MicroPahoCalls.setCredentials(options, "board", "secret");
        assertEquals("relayboard/b/status", read(options, "willTopic"));
        assertArrayEquals("offline".getBytes(), (byte[]) read(options, "willPayload"));
        assertEquals(1, read(options, "willQos"));
        assertEquals(false, read(options, "cleanSession"));
        assertEquals(17, read(options, "keepAliveS"));
        assertEquals("board", read(options, "userName"));
        assertArrayEquals("secret".toCharArray(), (char[]) read(options, "password"));

        MqttConnectOptions noPassword = new MqttConnectOptions();
        MicroPahoCalls.setCredentials(noPassword, "board", null);
        assertEquals("board", read(noPassword, "userName"));
        assertNull(read(noPassword, "password"));
    }

    @Test
    public void socketFactories() throws Exception {
        MqttConnectOptions plain = new MqttConnectOptions();
        AbandonableSockets sockets = new AbandonableSockets(
                new NoDelaySocketFactory(javax.net.SocketFactory.getDefault()), new Object());
        MicroPahoCalls.usePlainSockets(plain, sockets);
        assertSame(sockets, read(plain, "socketFactory"));

        SSLSocketFactory tls = SSLContext.getDefault().getSocketFactory();
        MqttConnectOptions secure = new MqttConnectOptions();
        MicroPahoCalls.useTlsSockets(secure, tls);
        assertSame(tls, read(secure, "socketFactory"));
    }

    @Test
    public void reasonCodesAreTheHostEnginesOnes() {
        // The host's engine is Eclipse Paho 1.2.5, relocated: its constants are the source of the values written.
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_CLIENT_TIMEOUT,
                MicroPahoCalls.CLIENT_TIMEOUT);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_SERVER_CONNECT_ERROR,
                MicroPahoCalls.SERVER_CONNECT_ERROR);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_MAX_INFLIGHT,
                MicroPahoCalls.MAX_INFLIGHT);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_SUBSCRIBE_FAILED,
                MicroPahoCalls.SUBACK_FAILURE);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION,
                MicroPahoCalls.CONNACK_BAD_PROTOCOL);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_INVALID_CLIENT_ID,
                MicroPahoCalls.CONNACK_CLIENT_ID_REJECTED);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_BROKER_UNAVAILABLE,
                MicroPahoCalls.CONNACK_SERVER_UNAVAILABLE);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_FAILED_AUTHENTICATION,
                MicroPahoCalls.CONNACK_BAD_CREDENTIALS);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_NOT_AUTHORIZED,
                MicroPahoCalls.CONNACK_NOT_AUTHORIZED);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_CLIENT_CONNECTED,
                MicroPahoCalls.CLIENT_CONNECTED);
        assertEquals(com.relayboard.host.paho.mqttv3.MqttException.REASON_CODE_CONNECTION_LOST,
                MicroPahoCalls.CONNECTION_LOST);
    }

    @Test
    public void failuresAreSortedByReasonCode() {
        assertEquals(MicroPahoCalls.CONNACK_NOT_AUTHORIZED,
                MicroPahoCalls.reasonCode(new MqttException(MicroPahoCalls.CONNACK_NOT_AUTHORIZED)));
        assertEquals(MicroPahoCalls.NOT_MQTT, MicroPahoCalls.reasonCode(new IOException("reset")));
        assertEquals(MicroPahoCalls.NOT_MQTT, MicroPahoCalls.reasonCode(null));
        for (int code = MicroPahoCalls.CONNACK_BAD_PROTOCOL; code <= MicroPahoCalls.CONNACK_NOT_AUTHORIZED; code++) {
            assertTrue("CONNACK " + code, MicroPahoCalls.isRefusal(code));
        }
        assertFalse(MicroPahoCalls.isRefusal(0));
        assertFalse(MicroPahoCalls.isRefusal(6));
        assertFalse(MicroPahoCalls.isRefusal(MicroPahoCalls.CLIENT_TIMEOUT));
        assertFalse(MicroPahoCalls.isRefusal(MicroPahoCalls.NOT_MQTT));
    }
}
