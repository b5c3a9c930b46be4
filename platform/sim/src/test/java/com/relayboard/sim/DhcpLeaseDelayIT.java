package com.relayboard.sim;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.host.net.SimulatedAccessPoint;

/**
 * DHCP as on MicroEJ's ESP32 ports: the join returns on association and the address reads 0.0.0.0 until the
 * lease. The whole board, on the embedded broker, with a 2 s lease: it says it waits for DHCP, starts MQTT only
 * once it has the address, then relays. With a lease that never comes it gives up after the DHCP timeout, leaves,
 * backs off, and connects on a later join.
 */
public class DhcpLeaseDelayIT {

    private static final long LEASE_DELAY_MS = 2000;
    private static final long TIMEOUT_MS = 30000;
    private static final String WAITING_LINE = "WiFi: WAITING_FOR_ADDRESS joined \"RelayBoard-AP\", waiting for DHCP";
    private static final String CONNECTED_LINE = "WiFi: CONNECTED 127.0.0.1";

    /** The board on the simulator's embedded broker: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    private static ConsoleCapture console;
    private static SimulatedBoard simulated;
    private static RelayBoard board;
    private static int brokerPort;

    /** How many times the station lost its association: to the simulator's wifi down, or by leaving. */
    private static int linkDowns;

    @BeforeClass
    public static void boot() throws Exception {
        SimulatedAccessPoint.get().addLinkListener(joined -> {
            synchronized (DhcpLeaseDelayIT.class) {
                if (!joined) {
                    linkDowns++;
                }
                DhcpLeaseDelayIT.class.notifyAll();
            }
        });
        console = ROOM.console();
        simulated = ROOM.board(new SimulatedBoard(new Properties(), ROOM.lcdPng()).leaseDelayMs(LEASE_DELAY_MS));
        board = ROOM.start();
        brokerPort = simulated.embeddedBrokerPort();
        ROOM.awaitConnected(TIMEOUT_MS);
    }

    @Test
    public void slowLease_boardSaysItWaits_startsMqttOnlyWithTheAddress_thenRelays() throws Exception {
        List<String> lines = console.lines();
        int waiting = lines.indexOf(WAITING_LINE);
        int connected = lines.indexOf(CONNECTED_LINE);
        assertTrue("the wait for DHCP is said:\n" + console.text(), waiting >= 0);
        assertTrue("then the address:\n" + console.text(), connected > waiting);
        for (int i = 0; i < connected; i++) {
            String line = lines.get(i);
            assertTrue("no MQTT before Wi-Fi has its address: " + line + "\n" + console.text(),
                    !line.startsWith("MQTT: ") || line.startsWith("MQTT: WAITING_FOR_NETWORK"));
        }
        int connecting = firstStartingWith(lines, "MQTT: CONNECTING ");
        assertTrue("MQTT connects after the address:\n" + console.text(), connecting > connected);
        long waitedMs = console.timesOf(WAITING_LINE).get(0).longValue();
        long leasedMs = console.timesOf(CONNECTED_LINE).get(0).longValue();
        assertTrue("waited " + (leasedMs - waitedMs) + " ms for a " + LEASE_DELAY_MS + " ms lease",
                leasedMs - waitedMs >= LEASE_DELAY_MS - 300);

        relays("hello");
    }

    @Test
    public void leaseThatNeverComes_timesOutLeavesAndBacksOff_thenALaterLeaseConnects() throws Exception {
        SimulatedAccessPoint.get().setLeaseDelayMs(SimulatedAccessPoint.LEASE_NEVER);
        int waitingBefore = console.count(WAITING_LINE);
        simulated.setWifi(false);
        console.awaitLineContaining("MQTT: WAITING_FOR_NETWORK", TIMEOUT_MS);
        // From here on only the board itself can take the station off the access point: by leaving.
        int downsBefore = linkDowns();
        simulated.setWifi(true);
        String timedOut = console.awaitLineContaining("WiFi: BACKOFF joined \"RelayBoard-AP\" but DHCP gave no "
                + "address within 10.0 s; retry in ", TIMEOUT_MS);
        // DHCP works again from the next join on (the board backs off about 1 s first).
        SimulatedAccessPoint.get().setLeaseDelayMs(0);
        assertTrue(timedOut + " after a wait for DHCP:\n" + console.text(), console.count(WAITING_LINE) > waitingBefore);
        assertTrue("MQTT stays down without an address", board.mqttState() != MqttState.CONNECTED);
        awaitLinkDowns(downsBefore + 1);

        // The next join gets an address and the board reconnects by itself.
        AbstractRelayIT.awaitConnected(board, console, TIMEOUT_MS);
        relays("after the DHCP outage");
    }

    private static void relays(String text) throws Exception {
        DesktopClients.Subscription topic3 = DesktopClients.subscribe(brokerPort, "/test/topic3", 1,
                AbstractRelayIT.SUB_TIMEOUT_S, null);
        topic3.awaitSubscribed(TIMEOUT_MS);
        DesktopClients.publish(brokerPort, "/test/topic1", text);
        assertEquals(List.of(text + " (relay1) (relay2)"), topic3.awaitMessages(TIMEOUT_MS));
    }

    private static synchronized int linkDowns() {
        return linkDowns;
    }

    /** Waits until the station was taken off the access point {@code count} times in all. */
    private static synchronized void awaitLinkDowns(int count) throws InterruptedException {
        Poll.untilNotified(DhcpLeaseDelayIT.class, TIMEOUT_MS, () -> linkDowns >= count,
                () -> "the board never left the access point after giving up on DHCP:\n" + console.text());
    }

    private static int firstStartingWith(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
