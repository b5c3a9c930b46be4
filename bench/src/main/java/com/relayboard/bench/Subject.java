package com.relayboard.bench;

/** Something the harness times: a message goes in on one topic and is waited for on another. */
final class Subject implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final String FLOOR_1 = "floor-1hop";
    static final String FLOOR_3 = "floor-3hops";
    static final String BOARD = "relayboard";
    static final String PYTHON = "python-relay";

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
