package com.relayboard.firmware.relay;

/**
 * How a refusal names a rule's field: the options name it by key ({@code relayboard.relay.3.to}), a table taken
 * over MQTT by its place ({@code rule 3: "to"}). The checks ({@link RuleChecks}) are the same for both.
 */
public interface RuleNames {

    /** @return the name of {@code field} ({@code from}, {@code to}) of rule {@code number} */
    String field(int number, String field);

    /** @return the name of the relay group's setting */
    String group();
}
