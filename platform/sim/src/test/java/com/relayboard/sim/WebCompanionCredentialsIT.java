package com.relayboard.sim;

import static com.relayboard.sim.AbstractRelayIT.TIMEOUT_MS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.Properties;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import com.relayboard.firmware.RelayBoard;

/**
 * The web companion page against a broker that wants a password, set up as seed 002 and 003 do: Debian's mosquitto
 * with a {@code password_file} made with {@code mosquitto_passwd}, no anonymous clients (mosquitto 2's default), and
 * a {@code protocol websockets} listener. The board logs in with the same user; the page, loaded in Debian's headless
 * Chromium, takes the user name from its address and the password from its field only. mosquitto logs each refusal as
 * {@code Sending CONNACK to <address> (0, 5)}: the tests count them to see that the page tried once. A page that
 * gives up has ended its mqtt.js client ({@code client.disconnected}, set only by {@code end()}), after which mqtt.js
 * schedules no reconnect.
 */
public class WebCompanionCredentialsIT {

    private static final String USER = "maker";
    private static final String PASSWORD = "Pw-page-5e1d0b7a";
    private static final String WRONG_PASSWORD = "Pw-wrong-91c24f";

    /** The board, its broker and the web page's server: closed after the class. */
    @ClassRule
    public static final BoardRoom ROOM = new BoardRoom();

    private static ConsoleCapture console;
    private static MosquittoBroker broker;
    private static RelayBoard board;
    private static WebCompanion companion;

    @BeforeClass
    public static void boot() throws Exception {
        console = ROOM.console();
        broker = ROOM.mosquitto(new MosquittoBroker.Options().user(USER, PASSWORD).noAnonymous()
                .websocketListener());
        Properties settings = BoardRoom.settings(broker.uri());
        settings.setProperty("relayboard.mqtt.username", USER);
        settings.setProperty("relayboard.mqtt.password", PASSWORD);
        board = ROOM.startConnected(settings);
        companion = new WebCompanion(BrowserPage.WEB_DIR);
        ROOM.closing(companion::stop);
        companion.start(EmbeddedBroker.freePort());
    }

    /** @return how many CONNECTs mosquitto has refused as not authorized, over the whole class */
    private static int refusals() throws IOException {
        return broker.log().split("\\(0, 5\\)\n", -1).length - 1;
    }

    @Test
    public void wrongPassword_isRefusedInWords_once_thenTheRightOneRelays_andThePasswordIsKeptNowhere()
            throws Exception {
        String url = companion.pageUri(broker.websocketUri(), board.clientId(), USER);
        int refusalsBefore = refusals();
        try (BrowserPage page = BrowserPage.open(url)) {
            // The user name comes from the address; with it, the page waits for the password, typed in hidden.
            page.awaitText("#connection-message", "Type the password for " + USER + ", then Enter.");
            page.awaitText("#connection", "disconnected");
            assertTrue(page.evaluate("document.getElementById('broker-username').value").contains("\"" + USER + "\""));
            assertTrue(page.evaluate("document.getElementById('broker-password').type").contains("\"password\""));
            assertTrue(page.evaluate("document.activeElement.id").contains("\"broker-password\""));

            // 1. A wrong password, then Enter: the refusal in words; the attempt is over (mqtt.js will not retry
            // it), and the fields are open again to fix it.
            page.fill("#broker-password", WRONG_PASSWORD);
            page.press("#broker-password", "Enter");
            page.awaitText("#connection-message", "The broker at " + broker.websocketUri() + " refused the connection: "
                    + "not authorized (code 5): check the user name and password");
            page.awaitTrue("client.disconnected");
            page.awaitTrue("!document.getElementById('connect-fields').disabled");
            page.awaitText("#connection", "disconnected");

            // 2. The right password: connected, the fields locked while connected, and the board relays what the
            // page publishes.
            page.fill("#broker-password", PASSWORD);
            page.click("#connect-button");
            page.awaitText("#connection", "connected");
            page.awaitText("#connection-message", "Connected to " + broker.websocketUri() + " as " + USER + ".");
            page.awaitTrue("document.getElementById('connect-fields').disabled");
            page.awaitText("#connect-button", "Disconnect");
            page.awaitText("#board-status", "online");
            page.fill("#publish-text", "hello");
            page.click("#publish-button");
            page.awaitText("#chain td:nth-child(3)", "hello (relay1) (relay2)");
            page.awaitText("#chain td:nth-child(2)", "hello (relay1)");
            console.awaitLine("New message (topic=\"/test/topic1\", message=\"hello\")", TIMEOUT_MS);
            page.screenshot(new File("target/web-companion/credentials.png"));

            // The address keeps what worked, for a reload or a bookmark: the broker and user name, no password.
            String address = page.evaluate("location.href");
            assertTrue(address, address.contains("username=" + USER));
            // Neither password anywhere the browser keeps or shows text: address, storage, page text, console.
            String[] places = { address, page.evaluate("JSON.stringify(localStorage)"),
                    page.evaluate("JSON.stringify(sessionStorage)"), page.evaluate("document.body.innerText"),
                    page.consoleLines() };
            for (String place : places) {
                for (String secret : new String[] { PASSWORD, WRONG_PASSWORD }) {
                    assertFalse("a password shows in " + place, place.contains(secret));
                }
            }

            // 3. Disconnect: the fields open again.
            page.click("#connect-button");
            page.awaitText("#connection", "disconnected");
            page.awaitTrue("!document.getElementById('connect-fields').disabled");
        }
        // By now the page has connected once more and relayed: the wrong password was tried exactly once.
        assertEquals("refusals of the page's wrong password", 1, refusals() - refusalsBefore);
    }

    @Test
    public void anAnonymousPage_anUnreachableAddress_andAPasswordInTheAddress_areEachSaidInWords() throws Exception {
        int refusalsBefore = refusals();
        // No user name: the page connects at once, as with the simulator's broker; this one wants a user.
        try (BrowserPage page = BrowserPage.open(companion.pageUri(broker.websocketUri(), board.clientId()))) {
            page.awaitText("#connection-message", "refused the connection: not authorized (code 5): this broker "
                    + "wants a user name and password (mosquitto 2 refuses anonymous clients by default)");
            page.awaitTrue("client.disconnected");
            assertTrue(page.evaluate("document.activeElement.id").contains("\"broker-username\""));
            assertEquals("refusals of the anonymous page", 1, refusals() - refusalsBefore);

            // mosquitto answers a wrong password with code 5; code 4, which other brokers send, has its own words.
            String words = page.evaluate("refusalWords(4, 'maker')");
            assertTrue(words, words.contains("bad user name or password (code 4)"));

            // Nothing listens at the address: said, and not retried.
            String nowhere = "ws://127.0.0.1:" + EmbeddedBroker.freePort() + "/mqtt";
            page.go(companion.pageUri(nowhere, null));
            page.awaitText("#connection-message", "Cannot reach the broker at " + nowhere + ": check the address, and "
                    + "that the broker listens for WebSockets there");
            page.awaitTrue("client.disconnected");
            page.awaitText("#connection", "disconnected");

            // A password put in the address is not used, and is taken out of it.
            page.go(companion.pageUri(broker.websocketUri(), null, USER) + "&password=" + WRONG_PASSWORD);
            page.awaitText("#connection-message", "The password in the page's address was not used");
            String address = page.evaluate("location.href");
            assertFalse(address, address.contains(WRONG_PASSWORD));
            assertTrue(address, address.contains("username=" + USER));
            String password = page.evaluate("document.getElementById('broker-password').value");
            assertTrue("the password field stays empty: " + password, password.contains("\"value\":\"\""));
        }
        assertEquals("no refusal after the anonymous one", 1, refusals() - refusalsBefore);
    }
}
