package com.relayboard.firmware.time;

import java.io.IOException;

/**
 * Asks an SNTP server for the time: one request, one reply, blocking at most the given timeout. The board's is
 * {@link UdpTimeSource}; tests give a fake that answers what they want.
 */
public interface TimeSource {

    /**
     * @return the server's time when its reply arrived, in milliseconds since 1970 (UTC)
     * @throws IOException
     *             with a reason that reads after the server's name ("did not answer within 5.0 s")
     */
    long ask(String host, int port, int timeoutMs) throws IOException;
}
