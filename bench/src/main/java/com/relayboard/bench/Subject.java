package com.relayboard.bench;

/** Something the harness times: a message goes in on one topic and is waited for on another. */
final class Subject implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final String FLOOR_1 = "floor-1hop";
    static final String FLOOR_3 = "floor-3hops";
    static final String BOARD = "relayboard";
    /**
     * The same firmware with its console off: what the board costs without its 115,200-baud UART, which holds the
     * whole board while it prints; the distance from it to the synchronous floor is the firmware's own overhead.
     */
    static final String BOARD_QUIET = "relayboard-console-off";
    static final String PYTHON = "python-relay";
    /** The 3-hop floor built only from what the firmware may use: synchronous clients, the board's lanes. */
    static final String FLOOR_SYNC = "floor-3hops-sync";
    /** The board and the Python relay with their broker connections through the Wi-Fi-like link. */
    static final String BOARD_LINK = "relayboard-link";
    static final String PYTHON_LINK = "python-relay-link";

    final String key;
    final String label;
    final String inTopic;
    final String outTopic;

    Subject(String key, String label, String inTopic, String outTopic) {
        this.key = key;
        this.label = label;
        this.inTopic = inTopic;
        this.outTopic = outTopic;
    }

    @Override
    public String toString() {
        return this.label;
    }
}
