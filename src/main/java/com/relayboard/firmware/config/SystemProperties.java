package com.relayboard.firmware.config;

/**
 * The board's system properties: the defaults of {@code relayboard.properties.list}, overridden by
 * the application options ({@code microej.java.property.relayboard.*}) of the build.
 */
public final class SystemProperties implements PropertySource {

    @Override
    public String get(String key) {
        return System.getProperty(key);
    }
}
