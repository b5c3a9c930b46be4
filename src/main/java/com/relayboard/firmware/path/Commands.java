package com.relayboard.firmware.path;

/**
 * Where messages on the board's command topic go (LED control) instead of the relay. Called on the
 * client's delivery thread: records the command and returns at once; the loop applies it.
 */
public interface Commands {

    void offer(byte[] payload);
}
