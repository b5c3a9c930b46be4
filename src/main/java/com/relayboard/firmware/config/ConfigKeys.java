package com.relayboard.firmware.config;

/**
 * The {@code relayboard.*} keys the firmware reads, and the refusal of any other. A misspelt key would
 * otherwise be ignored without a word: {@code relayboard.mqtt.cleansession=false} would leave the session
 * clean. A refusal names the known key nearest to the unknown one.
 */
public final class ConfigKeys {

    /** Every key of the firmware starts with this; other keys belong to someone else. */
    public static final String PREFIX = "relayboard.";
    private static final String[] SETTINGS = { ConfigLoader.WIFI_SSID, ConfigLoader.WIFI_PASSWORD,
            ConfigLoader.WIFI_SECURITY, ConfigLoader.WIFI_INTERFACE, ConfigLoader.MQTT_BROKER,
            ConfigLoader.MQTT_CA_CERT, ConfigLoader.MQTT_CLIENT_ID, ConfigLoader.MQTT_USERNAME,
            ConfigLoader.MQTT_PASSWORD, ConfigLoader.MQTT_QOS, ConfigLoader.MQTT_KEEPALIVE_S,
            ConfigLoader.MQTT_CLEAN_SESSION, ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, ConfigLoader.MQTT_LANES, ConfigLoader.MQTT_RETRY_MAX_S,
            ConfigLoader.MQTT_RESTART_AFTER_S, ConfigLoader.RELAY_EMPTY_PAYLOAD, ConfigLoader.LED_TOPIC,
            ConfigLoader.RELAY_GROUP, ConfigLoader.TIME_SERVER, ConfigLoader.TIME_RESYNC_S, ConfigLoader.RULES_TOPIC,
            ConfigLoader.TELEMETRY_PERIOD_S };
    /** What follows {@code relayboard.relay.<number>} in a rule's keys. */
    private static final String[] RULE_FIELDS = { ".from", ".to", ".suffix" };

    private ConfigKeys() {
    }

    /** @return every key the firmware reads: the settings, then rules 1 to {@link ConfigLoader#MAX_RULES} */
    public static String[] known() {
        String[] keys = new String[SETTINGS.length + ConfigLoader.MAX_RULES * RULE_FIELDS.length];
        System.arraycopy(SETTINGS, 0, keys, 0, SETTINGS.length);
        int next = SETTINGS.length;
        for (int number = 1; number <= ConfigLoader.MAX_RULES; number++) {
            for (int field = 0; field < RULE_FIELDS.length; field++) {
                keys[next++] = ConfigLoader.RELAY_PREFIX + number + RULE_FIELDS[field];
            }
        }
        return keys;
    }

    /**
     * Refuses the first key of {@code keys} that starts with {@link #PREFIX} and is not one the firmware reads.
     * Other keys are left alone: the platform and other libraries have their own.
     *
     * @param keys
     *            the keys that are set, as far as the platform can list them
     */
    public static void refuseUnknown(String[] keys) throws ConfigException {
        String[] known = known();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            if (key.startsWith(PREFIX) && indexOf(known, key) < 0) {
                if (ruleNumberOf(key) > ConfigLoader.MAX_RULES) {
                    throw new ConfigException("Configuration error: " + key + " is a rule the board does not have"
                            + " (rules are numbered 1 to " + ConfigLoader.MAX_RULES + ")");
                }
                throw new ConfigException("Configuration error: unknown key " + key + " (did you mean "
                        + nearest(key, known) + "?)");
            }
        }
    }

    /** @return the known key with the fewest edits from {@code key}; the first of them on a tie */
    public static String nearest(String key) {
        return nearest(key, known());
    }

    private static String nearest(String key, String[] known) {
        String best = known[0];
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < known.length; i++) {
            int distance = editDistance(key, known[i]);
            if (distance < bestDistance) {
                best = known[i];
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * @return the Levenshtein distance: how many characters must be inserted, deleted or replaced to turn
     *         {@code a} into {@code b} (a change of case counts as a replacement)
     */
    static int editDistance(String a, String b) {
        // Two rows of the dynamic-programming table: distances from a's first i characters to each prefix of b.
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int delete = previous[j] + 1;
                int insert = current[j - 1] + 1;
                current[j] = Math.min(replace, Math.min(delete, insert));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** @return N for a well-formed {@code relayboard.relay.N.from}, {@code .to} or {@code .suffix}, else -1 */
    private static int ruleNumberOf(String key) {
        if (!key.startsWith(ConfigLoader.RELAY_PREFIX)) {
            return -1;
        }
        int end = ConfigLoader.RELAY_PREFIX.length();
        int number = 0;
        while (end < key.length() && key.charAt(end) >= '0' && key.charAt(end) <= '9' && number < 100000) {
            number = number * 10 + (key.charAt(end) - '0');
            end++;
        }
        if (end == ConfigLoader.RELAY_PREFIX.length() || indexOf(RULE_FIELDS, key.substring(end)) < 0) {
            return -1;
        }
        return number;
    }

    private static int indexOf(String[] array, String value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
