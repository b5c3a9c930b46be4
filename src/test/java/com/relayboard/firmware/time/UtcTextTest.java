package com.relayboard.firmware.time;

import org.junit.Assert;
import org.junit.Test;

public class UtcTextTest {

    @Test
    public void formatsDatesAcrossLeapDaysAndCenturies() {
        Assert.assertEquals("1970-01-01 00:00:00 UTC", UtcText.format(0));
        Assert.assertEquals("2000-02-29 23:59:59 UTC", UtcText.format(951868799000L));
        Assert.assertEquals("2000-03-01 00:00:00 UTC", UtcText.format(951868800000L));
        Assert.assertEquals("2026-12-07 08:00:00 UTC", UtcText.format(1796630400250L));
        Assert.assertEquals("2100-03-01 12:30:05 UTC", UtcText.format(4107587405000L));
    }
}
