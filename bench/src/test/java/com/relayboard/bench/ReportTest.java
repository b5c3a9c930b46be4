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
}
