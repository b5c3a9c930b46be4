package com.relayboard.firmware.path;

/**
 * Where the message path leaves what the loop shows or acts on. Every method records and returns at
 * once, whatever thread calls it: the path never waits for the console, the LCD or the loop.
 */
public interface PathEvents {

    /**
     * @return whether the report was kept; {@code false} when the reports waiting to be shown are
     *         already at their bound (the loop then says how many it could not show)
     */
    boolean report(MessageReport report);

    /** A publish failed and the message stays queued, to be published again after the reconnect. */
    void publishRetrying(String topic, String reason);

    /** A command arrived (see {@link Commands}): the loop should wake and apply it. */
    void commandArrived();

    /** The client reported a connection lost. */
    void connectionLost(String reason, boolean closedByBroker);
}
