package com.relayboard.firmware.relay;

import com.relayboard.firmware.text.Utf8;

/** MQTT 3.1.1 topic names and filters (section 4.7 of the specification). */
public final class Topics {

    /** The longest topic the protocol can carry, in UTF-8 bytes. */
    public static final int MAX_TOPIC_BYTES = 65535;
    /**
     * How a shared subscription's filter starts: {@code $share/<group>/<filter>} (MQTT 5.0, section 4.8.2; mosquitto 2,
     * EMQX, HiveMQ and VerneMQ take it from MQTT 3.1.1 clients too). A broker that shares gives each message on
     * {@code <filter>} to one subscriber of the group, under its original topic.
     */
    public static final String SHARE_PREFIX = "$share/";

    private Topics() {
    }

    /** @return why {@code topic} cannot be published to, or {@code null} if it can */
    public static String checkTopicName(String topic) {
        String problem = checkCommon(topic);
        if (problem != null) {
            return problem;
        }
        if (topic.indexOf('#') >= 0 || topic.indexOf('+') >= 0) {
            return "a topic to publish to cannot contain the wildcards + or #";
        }
        return null;
    }

    /** @return why {@code filter} cannot be subscribed to, or {@code null} if it can */
    public static String checkTopicFilter(String filter) {
        String problem = checkCommon(filter);
        if (problem != null) {
            return problem;
        }
        int length = filter.length();
        for (int i = 0; i < length; i++) {
            char c = filter.charAt(i);
            boolean levelStart = i == 0 || filter.charAt(i - 1) == '/';
            boolean levelEnd = i == length - 1 || filter.charAt(i + 1) == '/';
            if (c == '+' && !(levelStart && levelEnd)) {
                return "+ must stand alone in a topic level";
            }
            if (c == '#' && !(levelStart && i == length - 1)) {
                return "# must be the last topic level, alone";
            }
        }
        return null;
    }

    /** @return whether {@code topic} (a topic name) matches {@code filter} */
    public static boolean matches(String filter, String topic) {
        // Topics starting with $ are the broker's; wildcards at the first level never match them.
        if (topic.length() > 0 && topic.charAt(0) == '$' && filter.length() > 0
                && (filter.charAt(0) == '+' || filter.charAt(0) == '#')) {
            return false;
        }
        int f = 0;
        int t = 0;
        int filterLength = filter.length();
        int topicLength = topic.length();
        while (f < filterLength) {
            char c = filter.charAt(f);
            if (c == '#') {
                return true;
            }
            if (c == '+') {
                while (t < topicLength && topic.charAt(t) != '/') {
                    t++;
                }
                f++;
            } else {
                if (t >= topicLength || topic.charAt(t) != c) {
                    // "a/#" also matches "a": the # level may be empty, parent included.
                    return t == topicLength && c == '/' && f + 2 == filterLength && filter.charAt(f + 1) == '#';
                }
                f++;
                t++;
            }
        }
        return t == topicLength;
    }

    /** @return the filter that subscribes to {@code filter} as one member of {@code group}'s shared subscription */
    public static String shared(String group, String filter) {
        return SHARE_PREFIX + group + "/" + filter;
    }

    /** @return the group of a shared subscription's filter ({@code $share/<group>/...}), or {@code null} */
    public static String shareGroupOf(String filter) {
        if (!filter.startsWith(SHARE_PREFIX)) {
            return null;
        }
        int end = filter.indexOf('/', SHARE_PREFIX.length());
        return end < 0 ? null : filter.substring(SHARE_PREFIX.length(), end);
    }

    /**
     * @return why {@code group} cannot name a shared subscription's group, or {@code null} if it can: one topic level,
     *         not empty, without {@code /}, {@code +} or {@code #} (MQTT 5.0, section 4.8.2)
     */
    public static String checkShareName(String group) {
        String problem = checkCommon(group);
        if (problem != null) {
            return problem;
        }
        if (group.indexOf('/') >= 0 || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) {
            return "a group name is one topic level, without / + or #";
        }
        return null;
    }

    private static String checkCommon(String topic) {
        if (topic == null || topic.length() == 0) {
            return "a topic cannot be empty";
        }
        if (topic.indexOf('\u0000') >= 0) {
            return "a topic cannot contain the NUL character";
        }
        if (Utf8.encode(topic).length > MAX_TOPIC_BYTES) {
            return "a topic cannot be longer than " + MAX_TOPIC_BYTES + " bytes";
        }
        return null;
    }
}
