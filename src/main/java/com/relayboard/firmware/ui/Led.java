package com.relayboard.firmware.ui;

/** The board's status light. */
public interface Led {

    /** Shows a colour, 0xRRGGBB. */
    void show(int rgb);
}
