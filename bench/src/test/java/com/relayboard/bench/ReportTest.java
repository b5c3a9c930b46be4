package com.relayboard.bench;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ReportTest {

    @Test
    public void heaviestClassesReadAsJavaNames() {
        assertEquals("`byte[]` 1408/37, `java.lang.Object[]` 392/7, `com.example.Row` 320/5",
                Report.classList("[B:1408/37;[Ljava.lang.Object;:392/7;com.example.Row:320/5"));
        assertEquals("`byte[]` 1408/37, `java.lang.String` 816/34",
                Report.classList("byte[]:1408/37;java.lang.String:816/34"));
    }

    @Test
    public void theLinkBoundIsOneRoundTripPerHopAndLane() {
        // 10 ms round trip, two hops: one lane carries both hops in turn, two lanes one each side by side.
        assertEquals(50.0, Report.linkBound(1, 10.0), 1e-9);
        assertEquals(100.0, Report.linkBound(2, 10.0), 1e-9);
        assertEquals(80.0, Report.linkBound(2, 12.5), 1e-9);
    }
}
