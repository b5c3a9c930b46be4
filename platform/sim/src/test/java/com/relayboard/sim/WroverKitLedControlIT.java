package com.relayboard.sim;

import static com.relayboard.sim.AbstractRelayIT.TIMEOUT_MS;
import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.host.BoardProfile;
import com.relayboard.host.led.HostLeds;

/** LED control on the ESP-WROVER-KIT's one red LED: the level is its steady brightness, a colour is refused. */
public class WroverKitLedControlIT {

    /** The board {@link AbstractRelayIT} boots, and what surrounds it: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = AbstractRelayIT.ROOM;

    @BeforeClass
    public static void boot() throws Exception {
        AbstractRelayIT.bootBoard(null, BoardProfile.WROVER_KIT);
    }

    @Test
    public void level_setsTheRedLedsBrightness_andAColourIsRefusedWithAClearLine() throws Exception {
        int port = AbstractRelayIT.brokerPort;
        String prefix = "relayboard/" + AbstractRelayIT.board.clientId();
        int dim = (LedIndicator.MONO_DIM >> 16) << 16;
        Refusals.awaitLed(dim);

        DesktopClients.publish(port, prefix + "/led/set", "{\"level\": 50}");
        int half = (LedIndicator.scale(LedIndicator.MONO_DIM, 50) >> 16) << 16;
        Refusals.awaitLed(half);
        AbstractRelayIT.console.awaitLine("LED: level 50 %, color #FF0000", TIMEOUT_MS);

        DesktopClients.publish(port, prefix + "/led/set", "{\"level\": 80, \"color\": \"#00FF00\"}");
        AbstractRelayIT.console.awaitLine(
                "LED command refused: this board's light is one red LED: it takes \"level\", not \"color\"", TIMEOUT_MS);
        assertEquals("the refused command left the light as it was", half, HostLeds.rgb());

        DesktopClients.Subscription state = DesktopClients.subscribe(port, prefix + "/led", 1,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        assertEquals(List.of("{\"level\":50,\"color\":\"#FF0000\"}"), state.awaitMessages(TIMEOUT_MS));
    }
}
