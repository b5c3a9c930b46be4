package com.relayboard.bench;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class PayloadsTest {

    @Test
    public void aPayloadHasItsSizeAndItsNumberSurvivesTheRelaysSuffixes() {
        byte[] payload = Payloads.make(4242, 16);
        assertEquals(16, payload.length);
        assertEquals("0000004242 xxxxx", new String(payload, StandardCharsets.US_ASCII));
        byte[] relayed = (new String(payload, StandardCharsets.US_ASCII) + " (relay1) (relay2)")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(4242, Payloads.idOf(relayed));
        assertEquals(1024, Payloads.make(1, 1024).length);
    }

    @Test
    public void aPayloadWithoutANumberHasNone() {
        assertEquals(-1, Payloads.idOf("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, Payloads.idOf("123".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test(expected = IllegalArgumentException.class)
    public void tooSmallAPayloadIsRefused() {
        Payloads.make(1, 8);
    }
}
