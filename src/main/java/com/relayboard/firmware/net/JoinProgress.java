package com.relayboard.firmware.net;

/** How far the join last started by {@link WifiRadio#startJoin(String, String, String)} has come. */
public enum JoinProgress {
    /** No join asked for since the station last left. */
    NONE,
    /** Asked for and not finished yet (or waiting for an earlier join to finish first). */
    IN_PROGRESS,
    /** Associated with the access point; DHCP may not have given an address yet. */
    ASSOCIATED,
    /** Refused or failed: {@link WifiRadio#joinFailure()} says why. */
    FAILED
}
