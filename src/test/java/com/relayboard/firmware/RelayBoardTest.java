package com.relayboard.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.After;
import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.config.Config;
import com.relayboard.firmware.config.ConfigException;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.config.MapPropertySource;
import com.relayboard.firmware.time.TimeSource;
import com.relayboard.firmware.time.TimeState;
import com.relayboard.firmware.time.WallClock;
import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.FakeClock;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.DeliveryReceipt;
import com.relayboard.firmware.net.FakeBrokerSession;
import com.relayboard.firmware.net.FakeWifiRadio;
import com.relayboard.firmware.net.MqttLink;
import com.relayboard.firmware.net.MqttState;
import com.relayboard.firmware.net.SessionSettings;
import com.relayboard.firmware.net.Poll;
import com.relayboard.firmware.net.WifiState;
import com.relayboard.firmware.text.Bytes;
import com.relayboard.firmware.ui.FakeLed;
import com.relayboard.firmware.ui.FakeScreen;
import com.relayboard.firmware.ui.LedIndicator;

public class RelayBoardTest {

    private static final String IDENTITY = "a1b2c3";
    private static final String STATUS_TOPIC = "relayboard/relayboard-a1b2c3/status";
    private static final String TOPIC1 = "/test/topic1";
    private static final String TOPIC2 = "/test/topic2";
    private static final String TOPIC3 = "/test/topic3";
    /** 2026-12-07 08:00:00 UTC. */
    private static final long SERVER_TIME_MS = 1796630400000L;

    private final FakeWifiRadio radio = new FakeWifiRadio();
    private final FakeBrokerSession session = new FakeBrokerSession();
    private final FakeScreen screen = new FakeScreen();
    private final FakeLed led = new FakeLed();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    /** The board's clock, unless a test steps the loop on its own: the real time. */
    private final Clock clock = new Clock() {
        @Override
        public long nowMs() {
            return System.currentTimeMillis();
        }
    };
    /** Why the board's SNTP server does not answer, or {@code null}: it answers at once with a fixed time. */
    private volatile String timeServerFailure;
    private final TimeSource timeServer = new TimeSource() {
        @Override
        public long ask(String host, int port, int timeoutMs) throws IOException {
            String failure = timeServerFailure;
            if (failure != null) {
                throw new IOException(failure);
            }
            return SERVER_TIME_MS;
        }
    };
    /** The board's application clock, as the board sets it. */
    private final WallClock wallClock = new WallClock() {
        @Override
        public void set(long utcMs) {
            wallClockSetTo = utcMs;
        }
    };
    private volatile long wallClockSetTo = -1;
    private RelayBoard board;
    /** The console to give the board instead of {@link #consoleBytes}, or {@code null}. */
    private PrintStream consoleOverride;


    // ------------------------------------------------------------------ helpers

    private RelayBoard create(MapPropertySource properties) throws ConfigException {
        return create(properties, this.clock);
    }

    private RelayBoard create(MapPropertySource properties, Clock boardClock) throws ConfigException {
        Config config = ConfigLoader.load(properties, IDENTITY);
        final FakeBrokerSession fake = this.session;
        PrintStream console = this.consoleOverride != null ? this.consoleOverride
                : new PrintStream(this.consoleBytes, true);
        this.board = new RelayBoard(config, boardClock, new Random(17), console,
                this.screen, new LedIndicator(this.led), this.radio, new BrokerSessionFactory() {
                    @Override
                    public BrokerSession open(BrokerListener listener, JobRunner worker) {
                        fake.setListener(listener);
                        return fake;
                    }
                }, this.timeServer, this.wallClock);
        return this.board;
    }

    private RelayBoard startConnected(MapPropertySource properties) throws ConfigException {
        create(properties).start();
        awaitConnected(1);
        return this.board;
    }

    private void awaitConnected(final int connects) {
        Poll.until("board connected (" + connects + " connect(s))", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() == MqttState.CONNECTED && session.publishedTo(STATUS_TOPIC).size() >= connects;
            }
        });
    }

    private void awaitPublished(final String topic, final int count) {
        Poll.until(count + " publish(es) to " + topic, new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.publishedTo(topic).size() >= count;
            }
        });
    }

    private void awaitConsoleLines(final String start, final int count) {
        Poll.until(count + " console line(s) starting with " + start, new Poll.Condition() {
            @Override
            public boolean holds() {
                return linesStartingWith(start).size() >= count;
            }
        });
    }

    /**
     * Waits for {@code line} among the screen's notices: the loop prints a line before it shows it, so a test that saw
     * the console line may look at the screen a moment too soon.
     */
    private void awaitNotice(final String line) {
        Poll.until("the notice \"" + line + "\" on the screen", new Poll.Condition() {
            @Override
            public boolean holds() {
                return screen.notices().contains(line);
            }
        });
    }

    /** As {@link #awaitNotice(String)}, for the newest notice starting with {@code start}. */
    private void awaitNewestNoticeStartingWith(final String start) {
        Poll.until("the newest notice starting with \"" + start + "\"", new Poll.Condition() {
            @Override
            public boolean holds() {
                List<String> notices = screen.notices();
                return !notices.isEmpty() && notices.get(notices.size() - 1).startsWith(start);
            }
        });
    }

    private void awaitConsoleLine(final String start) {
        Poll.until("a console line starting with " + start, new Poll.Condition() {
            @Override
            public boolean holds() {
                return linesStartingWith(start).size() > 0;
            }
        });
    }

    private void stopWithinDeadline() {
        final RelayBoard stopping = this.board;
        this.board = null;
        Thread stopper = new Thread(new Runnable() {
            @Override
            public void run() {
                stopping.stop();
            }
        }, "test-stopper");
        stopper.start();
        Assert.assertTrue("stop() did not return", Poll.ended(stopper));
    }

    private String console() {
        return this.consoleBytes.toString();
    }

    private List<String> consoleLines() {
        String text = console();
        List<String> lines = new ArrayList<String>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private List<String> linesStartingWith(String start) {
        List<String> matching = new ArrayList<String>();
        for (String line : consoleLines()) {
            if (line.startsWith(start)) {
                matching.add(line);
            }
        }
        return matching;
    }

    private static boolean countersAre(int[] counters, int received, int relayed, int dropped, int queued) {
        return counters != null && counters[0] == received && counters[1] == relayed && counters[2] == dropped
                && counters[3] == queued;
    }

    // ------------------------------------------------------------------ the relay, end to end

    @Test
    public void hello_isRelayedToTopic2ThenTopic3AndShownOnConsoleScreenAndLed() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        Assert.assertEquals(WifiState.CONNECTED, this.board.wifiState());
        Assert.assertTrue(this.session.subscriptions().contains(TOPIC1));
        Assert.assertTrue(this.session.subscriptions().contains(TOPIC2));

        Assert.assertTrue("message refused", this.session.deliver(TOPIC1, Bytes.ascii("hello"), 1));
        awaitPublished(TOPIC2, 1);
        FakeBrokerSession.Published hop1 = this.session.publishedTo(TOPIC2).get(0);
        Bytes.assertBytes("relay 1", Bytes.ascii("hello (relay1)"), hop1.payload);
        Assert.assertEquals(1, hop1.qos);
        Assert.assertFalse(hop1.retained);

        // The broker sends it back, since the board subscribes to /test/topic2 too.
        Assert.assertTrue(this.session.deliver(TOPIC2, hop1.payload, 1));
        awaitPublished(TOPIC3, 1);
        Bytes.assertBytes("relay 2", Bytes.ascii("hello (relay1) (relay2)"),
                this.session.publishedTo(TOPIC3).get(0).payload);

        Poll.until("2 received, 2 relayed on the screen", new Poll.Condition() {
            @Override
            public boolean holds() {
                return countersAre(screen.lastCounters(), 2, 2, 0, 0);
            }
        });
        Assert.assertEquals(2, this.board.received());
        Assert.assertEquals(2, this.board.relayed());
        Assert.assertEquals(0, this.board.dropped());

        awaitConsoleLines("New message", 2);
        List<String> messageLines = linesStartingWith("New message");
        Assert.assertEquals(console(), 2, messageLines.size());
        Assert.assertEquals("New message (topic=\"/test/topic1\", message=\"hello\")", messageLines.get(0));
        Assert.assertEquals("New message (topic=\"/test/topic2\", message=\"hello (relay1)\")", messageLines.get(1));

        // The LCD takes a new message at most every 100 ms: the second one may come a moment later.
        Poll.until("both messages on the screen", new Poll.Condition() {
            @Override
            public boolean holds() {
                return screen.messageTopics().size() >= 2;
            }
        });
        List<String> topics = this.screen.messageTopics();
        Assert.assertEquals(2, topics.size());
        Assert.assertEquals(TOPIC1, topics.get(0));
        Assert.assertEquals(TOPIC2, topics.get(1));
        Bytes.assertBytes("screen 1", Bytes.ascii("hello"), this.screen.messagePayloads().get(0));
        Bytes.assertBytes("screen 2", Bytes.ascii("hello (relay1)"), this.screen.messagePayloads().get(1));

        List<Integer> colours = this.led.shown();
        int rule1 = colours.indexOf(Integer.valueOf(LedIndicator.RULE_1));
        int rule2 = colours.lastIndexOf(Integer.valueOf(LedIndicator.RULE_2));
        Assert.assertTrue("LED never flashed rule 1's colour: " + colours, rule1 >= 0);
        Assert.assertTrue("LED did not flash rule 2's colour after rule 1's: " + colours, rule2 > rule1);
        Poll.until("the LED back to the steady colour", new Poll.Condition() {
            @Override
            public boolean holds() {
                return led.current() == LedIndicator.IDLE;
            }
        });
    }

    @Test
    public void aFaultInTheLoop_isSaidOnConsoleAndScreen_andTheBoardGoesOnRelaying() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        this.screen.failNextMessage(new IllegalStateException("screen bug"));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("first"), 1));
        awaitConsoleLine("Board fault 1: java.lang.IllegalStateException: screen bug; the loop goes on");
        awaitNotice("Board fault 1: java.lang.IllegalStateException: screen bug; the loop goes on");
        Assert.assertTrue(this.board.status(), this.board.status().endsWith(
                "| loop faults 1, last: java.lang.IllegalStateException: screen bug"));

        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("second"), 1));
        awaitPublished(TOPIC2, 2);
        Poll.until("the second message on the screen", new Poll.Condition() {
            @Override
            public boolean holds() {
                return screen.messageTopics().size() >= 1;
            }
        });
        Assert.assertEquals(1, this.board.loopFaults());
    }

    @Test
    public void stop_returnsWithinASecond_whileTheBrokerNeverAnswersTheConnect() throws Exception {
        this.session.hangConnects();
        create(MapPropertySource.defaults()).start();
        Poll.until("a connect in progress", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.connects() >= 1;
            }
        });
        // The loop stays live meanwhile: it is not the thread that waits on the broker.
        Assert.assertNotSame(Thread.currentThread(), this.session.connectThread());
        Assert.assertEquals(MqttState.CONNECTING, this.board.mqttState());
        final long loopsBefore = this.board.loopIterations();
        Poll.until("the loop runs while the connect waits", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.loopIterations() > loopsBefore + 2;
            }
        });

        final RelayBoard stopping = this.board;
        this.board = null;
        final long[] tookMs = new long[1];
        Thread stopper = new Thread(new Runnable() {
            @Override
            public void run() {
                long startMs = System.currentTimeMillis();
                stopping.stop();
                tookMs[0] = System.currentTimeMillis() - startMs;
            }
        }, "test-stopper");
        stopper.start();
        Assert.assertTrue("stop() did not return", Poll.ended(stopper));
        Assert.assertTrue("stop() took " + tookMs[0] + " ms", tookMs[0] < 1000);
        Assert.assertTrue("the connect in progress was given up", this.session.abandons() >= 1);
    }

    @Test
    public void aConnectionLostWithTheAccessPoint_isSaidToBeTheWifi() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        // The station's sockets close as its link goes: the client reports that before the Wi-Fi poll sees it.
        this.radio.dropLink();
        this.session.loseConnection("Socket closed");
        awaitConsoleLine("MQTT: WAITING_FOR_NETWORK Wi-Fi is down");
        Assert.assertEquals("Wi-Fi is down", this.board.lastDisconnectReason());
        awaitConnected(2);
        Assert.assertTrue(console(), console().indexOf("Socket closed") < 0);
    }

    @Test
    public void watchdog_restartsWifiAndMqtt_whenTheBrokerStaysOutOfReachWithWifiUp() throws ConfigException {
        this.session.failEveryConnect("cannot reach broker 127.0.0.1:1883 (connection refused)", false);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_RESTART_AFTER_S, "1")).start();
        awaitConsoleLine("Watchdog: no broker connection for 1.0 s with Wi-Fi up (relayboard.mqtt.restartAfterS); "
                + "Wi-Fi and MQTT start again");
        awaitConsoleLine("MQTT: WAITING_FOR_NETWORK restarted by the watchdog");
        awaitConsoleLine("WiFi: BACKOFF restarted by the watchdog; leaving \"RelayBoard-AP\" to join again; "
                + "retry in 0.0 s");
        Poll.until("Wi-Fi joined again after the restart", new Poll.Condition() {
            @Override
            public boolean holds() {
                return linesStartingWith("WiFi: CONNECTED").size() >= 2;
            }
        });
        Assert.assertTrue("the radio left the access point", this.radio.leaves() >= 1);
        Assert.assertTrue("the dying clients were given up", this.session.abandons() >= 1);

        this.session.connectNormally();
        awaitConnected(1);
    }

    @Test
    public void relayGroup_sharesOnlyTheSources_andMessagesRelayUnderTheirOwnTopics() throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "g1"));
        List<String> subscriptions = this.session.subscriptions();
        // The LED and telemetry request topics first, then the last rule's source first, then the probe: only the
        // sources are shared. (The rules topic is the session's, taken before it receives anything.)
        Assert.assertEquals(subscriptions.toString(), 5, subscriptions.size());
        Assert.assertEquals("relayboard/relayboard-a1b2c3/led/set", subscriptions.get(0));
        Assert.assertEquals("relayboard/relayboard-a1b2c3/telemetry/get", subscriptions.get(1));
        Assert.assertEquals("$share/g1//test/topic2", subscriptions.get(2));
        Assert.assertEquals("$share/g1//test/topic1", subscriptions.get(3));
        Assert.assertEquals("relayboard/relayboard-a1b2c3" + RelayBoard.PROBE_SUFFIX, subscriptions.get(4));

        // A broker that shares delivers under the message's own topic: the rules take it as ever.
        Assert.assertTrue("message refused", this.session.deliver(TOPIC1, Bytes.ascii("hello"), 1));
        awaitPublished(TOPIC2, 1);
        Bytes.assertBytes("relay 1", Bytes.ascii("hello (relay1)"), this.session.publishedTo(TOPIC2).get(0).payload);
        Assert.assertTrue(console(), console().indexOf("relay group \"g1\"") >= 0);
    }

    // ------------------------------------------------------------------ LED control

    private static final String LED_SET_TOPIC = "relayboard/relayboard-a1b2c3/led/set";
    private static final String LED_STATE_TOPIC = "relayboard/relayboard-a1b2c3/led";

    @Test
    public void ledCommand_setsTheLight_isNotRelayed_andTheStateIsPublishedRetained() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        Assert.assertEquals("LED topic subscribed first, before the sources", LED_SET_TOPIC,
                this.session.subscriptions().get(0));
        awaitPublished(LED_STATE_TOPIC, 1);
        FakeBrokerSession.Published onConnect = this.session.publishedTo(LED_STATE_TOPIC).get(0);
        Bytes.assertBytes("state on connect", Bytes.ascii("{\"level\":100,\"color\":\"#001800\"}"), onConnect.payload);
        Assert.assertTrue(onConnect.retained);

        Assert.assertTrue(this.session.deliver(LED_SET_TOPIC, Bytes.ascii("{\"level\": 50, \"color\": \"#FF8000\"}"), 1));
        awaitPublished(LED_STATE_TOPIC, 2);
        FakeBrokerSession.Published changed = this.session.publishedTo(LED_STATE_TOPIC).get(1);
        Bytes.assertBytes("state on change", Bytes.ascii("{\"level\":50,\"color\":\"#FF8000\"}"), changed.payload);
        Assert.assertTrue(changed.retained);
        Assert.assertEquals(1, changed.qos);
        Assert.assertEquals(0x804000, this.led.current());
        Assert.assertEquals("a command is not a message: neither shown nor counted", 0, this.board.received());
        Assert.assertTrue(this.screen.messageTopics().isEmpty());
        Assert.assertTrue(linesStartingWith("New message").isEmpty());
    }

    /**
     * The loop never waits for the broker: on a link that died silently during an LED change, the LED state's
     * publish waits (on the worker, never on the loop), and meanwhile the light changes, {@code status} answers
     * and the liveness check finds the dead link and gives it up. The test steps the loop on its own thread,
     * which the fake session refuses to block, as the host's MicroPaho refuses the board's loop thread.
     */
    @Test
    public void deadLinkDuringAnLedChange_leavesTheLedStatusAndLivenessCheckLive() throws Exception {
        FakeClock time = new FakeClock(0);
        create(MapPropertySource.defaults(), time).startStepped();
        this.session.refuseCallsFrom(Thread.currentThread());
        stepUntil(time, "connected, the LED state published", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() == MqttState.CONNECTED && session.publishedTo(LED_STATE_TOPIC).size() == 1;
            }
        });
        this.session.hangPublishesTo(LED_STATE_TOPIC);
        Assert.assertEquals(DeliveryReceipt.State.SAFE, this.session.deliverWithoutWaiting(LED_SET_TOPIC,
                Bytes.ascii("{\"level\": 50, \"color\": \"#FF8000\"}"), 1).awaitSafe(0));
        stepUntil(time, "the light changed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return led.current() == 0x804000;
            }
        });
        Assert.assertTrue(this.board.status(), this.board.status().contains("MQTT CONNECTED"));
        stepUntil(time, "the dead link found by the liveness check", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() != MqttState.CONNECTED;
            }
        });
        Assert.assertTrue(String.valueOf(this.board.lastDisconnectReason()),
                this.board.lastDisconnectReason().endsWith("the link is dead"));
        Assert.assertTrue("the dead link given up", this.session.abandons() >= 1);
        Assert.assertEquals("no blocking call on the loop", "[]", this.session.refusedCalls().toString());
        Assert.assertEquals("no loop fault", 0, this.board.loopFaults());
        Assert.assertTrue(this.board.status(), this.board.status().contains("last disconnect: no answer from the broker"));
    }

    @Test
    public void badLedCommand_isRefusedOnConsoleAndScreen_andNothingIsPublished() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        awaitPublished(LED_STATE_TOPIC, 1);
        Assert.assertTrue(this.session.deliver(LED_SET_TOPIC, Bytes.ascii("{\"color\": \"#12\"}"), 1));
        awaitConsoleLine("LED command refused: ");
        List<String> refusals = linesStartingWith("LED command refused: ");
        Assert.assertEquals(console(), 1, refusals.size());
        Assert.assertEquals("LED command refused: \"color\" must be \"#RRGGBB\" (six hex digits), not \"#12\"",
                refusals.get(0));
        awaitNotice(linesStartingWith("LED command refused: ").get(0));
        Assert.assertEquals(LedIndicator.IDLE, this.led.current());
        // The next good command is the next state published: the refused one published none.
        Assert.assertTrue(this.session.deliver(LED_SET_TOPIC, Bytes.ascii("off"), 1));
        awaitPublished(LED_STATE_TOPIC, 2);
        Bytes.assertBytes("state after off", Bytes.ascii("{\"level\":0,\"color\":\"#001800\"}"),
                this.session.publishedTo(LED_STATE_TOPIC).get(1).payload);
    }

    @Test
    public void emptyLedTopicKey_turnsLedControlOff() throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.LED_TOPIC, ""));
        Assert.assertFalse(this.session.subscriptions().contains(LED_SET_TOPIC));
        awaitConsoleLine("LED control: off");
        // A relayed message comes after the connect's own publishes: by then a state would have been published.
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("hello"), 1));
        awaitPublished(TOPIC2, 1);
        Assert.assertTrue(this.session.publishedTo(LED_STATE_TOPIC).isEmpty());
    }

    @Test
    public void start_printsTheConfigurationAndAnnouncesOnline() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        // The console's writer thread prints behind the board: the start lines come before the MQTT ones.
        awaitConsoleLine("MQTT: CONNECTED");
        List<String> lines = consoleLines();
        Assert.assertTrue(console(), lines.get(0).startsWith("RelayBoard " + RelayBoard.VERSION + " starting: "));
        Assert.assertTrue(console(), lines.contains("Relay 1: /test/topic1 -> /test/topic2 + \" (relay1)\""));
        Assert.assertTrue(console(), lines.contains("Relay 2: /test/topic2 -> /test/topic3 + \" (relay2)\""));
        FakeBrokerSession.Published online = this.session.publishedTo(STATUS_TOPIC).get(0);
        Bytes.assertBytes("status", Bytes.ascii(MqttLink.ONLINE), online.payload);
        Assert.assertTrue(online.retained);
        Assert.assertEquals("relayboard-" + IDENTITY, this.board.clientId());
        Assert.assertEquals(WifiState.CONNECTED, this.board.wifiState());
    }

    @Test
    public void binaryPayload_isRelayedByteForByteAndPrintedEscaped() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        byte[] binary = Bytes.of(0xFF, 0xFE, 0x00, 0x41);
        Assert.assertTrue(this.session.deliver(TOPIC1, binary, 1));
        awaitPublished(TOPIC2, 1);
        Bytes.assertBytes("relayed", Bytes.concat(binary, Bytes.ascii(" (relay1)")),
                this.session.publishedTo(TOPIC2).get(0).payload);
        awaitConsoleLine("New message");
        List<String> messageLines = linesStartingWith("New message");
        Assert.assertEquals(1, messageLines.size());
        Assert.assertEquals("New message (topic=\"/test/topic1\", message=\"\\xFF\\xFE\\x00A\")", messageLines.get(0));
        Bytes.assertBytes("on screen", binary, this.screen.messagePayloads().get(0));
    }

    @Test
    public void payloadOverMaxPayloadBytes_isNotRelayedButCountedAndReportedOnce() throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, "16"));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("0123456789ABCDEF!"), 1)); // 17 bytes
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("0123456789ABCDEF"), 1)); // 16: at the limit
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("small"), 1));
        awaitPublished(TOPIC2, 2);
        Poll.until("relayed counted", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.relayed() == 2;
            }
        });

        // The outbox keeps order: had the large message been queued, it would have been published first.
        List<FakeBrokerSession.Published> relayed = this.session.publishedTo(TOPIC2);
        Assert.assertEquals(2, relayed.size());
        Bytes.assertBytes("at the limit", Bytes.ascii("0123456789ABCDEF (relay1)"), relayed.get(0).payload);
        Bytes.assertBytes("small", Bytes.ascii("small (relay1)"), relayed.get(1).payload);
        Assert.assertEquals(1, this.board.dropped());
        Assert.assertEquals(3, this.board.received());

        awaitConsoleLine("Dropped");
        List<String> reports = new ArrayList<String>();
        for (String line : consoleLines()) {
            if (line.indexOf("Dropped") >= 0) {
                reports.add(line);
            }
        }
        Assert.assertEquals(console(), 1, reports.size());
        Assert.assertTrue(reports.get(0), reports.get(0).indexOf(TOPIC1) >= 0);
        Assert.assertTrue(reports.get(0), reports.get(0).indexOf("17 bytes") >= 0);
        awaitNotice(reports.get(0)); // the screen shows it too
    }

    @Test
    public void passwords_neverAppearOnTheConsoleOrTheScreen() throws ConfigException {
        String mqttSecret = "mqtt-S3cret";
        String wifiSecret = "wifi-S3cret";
        this.radio.failNextJoins(1, "wrong password for \"RelayBoard-AP\"");
        this.session.failNextConnects(1, "broker refused the connection: bad user name or password", true);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_USERNAME, "relay-user")
                .set(ConfigLoader.MQTT_PASSWORD, mqttSecret).set(ConfigLoader.WIFI_PASSWORD, wifiSecret)).start();
        awaitConnected(1);
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("hello"), 1));
        awaitPublished(TOPIC2, 1);
        stopWithinDeadline();

        Assert.assertEquals("the board did use the Wi-Fi passphrase", wifiSecret, this.radio.lastPassphrase());
        Assert.assertTrue("the failures were reported: " + console(), console().indexOf("wrong password") >= 0
                && console().indexOf("bad user name or password") >= 0);
        Assert.assertTrue("console shows the MQTT password", console().indexOf(mqttSecret) < 0);
        Assert.assertTrue("console shows the Wi-Fi password", console().indexOf(wifiSecret) < 0);
        for (String text : this.screen.texts()) {
            Assert.assertTrue("screen shows the MQTT password: " + text, text.indexOf(mqttSecret) < 0);
            Assert.assertTrue("screen shows the Wi-Fi password: " + text, text.indexOf(wifiSecret) < 0);
        }
    }

    // ------------------------------------------------------------------ flow control and acknowledgement

    /** Delivers without waiting, then checks the receipt once without waiting either. */
    private DeliveryReceipt.State deliverNow(String topic, String payload, int qos) throws InterruptedException {
        return this.session.deliverWithoutWaiting(topic, Bytes.ascii(payload), qos).awaitSafe(0);
    }

    private void awaitCounts(final int received, final int relayed, final int dropped, final int inFlight) {
        Poll.until("received " + received + ", relayed " + relayed + ", dropped " + dropped + ", in flight " + inFlight,
                new Poll.Condition() {
                    @Override
                    public boolean holds() {
                        return countersAre(board.counters().snapshot(), received, relayed, dropped, inFlight);
                    }
                });
    }

    @Test
    public void fullOutbox_holdsTheDeliveryThreadInsteadOfRefusing() throws Exception {
        this.session.failEveryConnect("cannot reach broker", false);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_QOS, "0")).start();
        for (int i = 0; i < RelayBoard.OUTBOX_CAPACITY; i++) {
            Assert.assertEquals("message " + i + " with room in the outbox", DeliveryReceipt.State.SAFE,
                    deliverNow(TOPIC1, "m" + i, 0));
        }
        DeliveryReceipt waiting = this.session.deliverWithoutWaiting(TOPIC1, Bytes.ascii("one more"), 0);
        Assert.assertEquals("a full outbox holds the delivery thread: the broker keeps the rest",
                DeliveryReceipt.State.WAITING, waiting.awaitSafe(0));
        awaitCounts(RelayBoard.OUTBOX_CAPACITY + 1, 0, 0, RelayBoard.OUTBOX_CAPACITY + 1);

        this.session.connectNormally();
        Assert.assertEquals("taken once the outbox drains", DeliveryReceipt.State.SAFE,
                waiting.awaitSafe(FakeBrokerSession.DELIVERY_TIMEOUT_MS));
        awaitPublished(TOPIC2, RelayBoard.OUTBOX_CAPACITY + 1);
        awaitCounts(RelayBoard.OUTBOX_CAPACITY + 1, RelayBoard.OUTBOX_CAPACITY + 1, 0, 0);
        Assert.assertEquals("nothing dropped, nothing refused", 0, this.board.dropped());
    }

    @Test
    public void qos1Message_isAcknowledgedOnlyOnceItsRelayedCopyIsPublished() throws Exception {
        this.session.failEveryConnect("cannot reach broker", false);
        create(MapPropertySource.defaults()).start();
        DeliveryReceipt receipt = this.session.deliverWithoutWaiting(TOPIC1, Bytes.ascii("hello"), 1);
        Assert.assertEquals("queued, but not yet safe: the board would lose it if it died now",
                DeliveryReceipt.State.WAITING, receipt.awaitSafe(0));
        awaitCounts(1, 0, 0, 1);

        this.session.connectNormally();
        Assert.assertEquals(DeliveryReceipt.State.SAFE, receipt.awaitSafe(FakeBrokerSession.DELIVERY_TIMEOUT_MS));
        Assert.assertEquals("safe only after the broker took the copy", 1, this.session.publishedTo(TOPIC2).size());
        awaitCounts(1, 1, 0, 0);
    }

    @Test
    public void qos1MessageGivenBack_isWithdrawnAndNoLongerCounted() throws Exception {
        this.session.failEveryConnect("cannot reach broker", false);
        create(MapPropertySource.defaults()).start();
        DeliveryReceipt receipt = this.session.deliverWithoutWaiting(TOPIC1, Bytes.ascii("given back"), 1);
        Assert.assertEquals(DeliveryReceipt.State.WAITING, receipt.awaitSafe(0));
        // Its connection ended: the broker delivers it again, so the board must forget it.
        receipt.giveBack();
        Assert.assertEquals(DeliveryReceipt.State.GIVEN_BACK, receipt.awaitSafe(0));
        awaitCounts(0, 0, 0, 0);
        Assert.assertEquals(1, this.board.counters().givenBack());

        this.session.connectNormally();
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("delivered again"), 1));
        // The outbox keeps order: had the withdrawn copy been queued still, it would have gone first.
        List<FakeBrokerSession.Published> relayed = this.session.publishedTo(TOPIC2);
        Assert.assertEquals(1, relayed.size());
        Bytes.assertBytes("only the redelivered copy", Bytes.ascii("delivered again (relay1)"), relayed.get(0).payload);
        awaitCounts(1, 1, 0, 0);
    }

    @Test
    public void payloadOverMaxPayloadBytes_isSafeAtOnce() throws Exception {
        this.session.failEveryConnect("cannot reach broker", false);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, "4")).start();
        Assert.assertEquals("dropped on purpose: acknowledged, or the broker would send it forever",
                DeliveryReceipt.State.SAFE, deliverNow(TOPIC1, "too large", 1));
        awaitCounts(1, 0, 1, 0);
    }

    @Test
    public void emptyPayloadWithSkip_isShownButNotRelayedNorCounted() throws Exception {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.RELAY_EMPTY_PAYLOAD, "skip"));
        Assert.assertTrue("acknowledged: nothing to keep", this.session.deliver(TOPIC1, new byte[0], 1));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("after"), 1));
        awaitConsoleLines("New message", 2);
        List<FakeBrokerSession.Published> relayed = this.session.publishedTo(TOPIC2);
        Assert.assertEquals("only the message with a payload is relayed", 1, relayed.size());
        Bytes.assertBytes("relayed", Bytes.ascii("after (relay1)"), relayed.get(0).payload);
        Assert.assertEquals("New message (topic=\"/test/topic1\", message=\"\")", linesStartingWith("New message").get(0));
        awaitCounts(1, 1, 0, 0);
    }

    @Test
    public void consoleSlowerThanMessages_skipsLinesAndSaysHowMany() throws Exception {
        final HeldConsole uart = new HeldConsole(false);
        this.consoleOverride = uart;
        startConnected(MapPropertySource.defaults().set(ConfigLoader.MQTT_QOS, "0"));
        // Held, the UART holds the loop in the middle of a message line (on the board it would hold every thread);
        // the message path goes on, and the reports the loop cannot take meanwhile are counted as skipped lines.
        uart.hold();
        int messages = BoardEvents.REPORT_CAPACITY * 16;
        for (int i = 0; i < messages; i++) {
            Assert.assertTrue("message " + i + " held back by the console", this.session.deliver(TOPIC1,
                    Bytes.ascii("burst " + i), 0));
        }
        awaitPublished(TOPIC2, messages);
        uart.release();
        Poll.until("a line saying how many console lines were skipped", new Poll.Condition() {
            @Override
            public boolean holds() {
                return uart.text().indexOf("Console: skipped ") >= 0;
            }
        });
        Assert.assertTrue("lines were skipped: " + this.board.skippedConsoleLines(), this.board.skippedConsoleLines() > 0);
        awaitCounts(messages, messages, 0, 0);
    }

    @Test
    public void publishFailedByALostConnection_isSentAfterTheReconnect() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        // The settings published on connect first, on the worker: the failure must hit the relayed copy, not them.
        awaitPublished(LED_STATE_TOPIC, 1);
        awaitPublished(RULES_TOPIC, 1);
        this.session.failNextPublishes(1, "publishing to /test/topic2 failed: the broker closed the connection");
        // QoS 0: the broker would not deliver it again, so its copy stays queued for the next connection.
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("hello"), 0));
        awaitConsoleLine("Publish to /test/topic2 failed");

        this.session.loseConnection("the broker closed the connection");
        awaitConnected(2);
        awaitPublished(TOPIC2, 1);
        Bytes.assertBytes("after reconnect", Bytes.ascii("hello (relay1)"), this.session.publishedTo(TOPIC2).get(0).payload);
        Poll.until("counted as relayed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.relayed() == 1;
            }
        });
        Assert.assertEquals(0, this.board.dropped());
        List<String> subscriptions = this.session.subscriptions();
        Assert.assertEquals("resubscribed (the LED and telemetry request topics, both rules and the probe topic)"
                + " after the reconnect: " + subscriptions, 10, subscriptions.size());
        Assert.assertTrue(console(), console().indexOf("connection lost: the broker closed the connection") >= 0);
    }

    @Test
    public void stop_endsTheLoopAndPublisherThreads() throws Exception {
        // Taken while the broker is away, so that its copy goes through the outbox's publisher (online, a
        // copy is published by the delivery thread that hands it over, here the test's).
        this.session.failEveryConnect("cannot reach broker", false);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_QOS, "0")).start();
        Assert.assertEquals(DeliveryReceipt.State.SAFE, deliverNow(TOPIC1, "hello", 0));
        this.session.connectNormally();
        awaitConnected(1);
        awaitPublished(TOPIC2, 1);
        // The thread that connects: the board's network worker, which stop() ends like the others.
        Thread loop = this.session.connectThread();
        Thread publisher = this.session.publishedTo(TOPIC2).get(0).thread;
        Assert.assertTrue(loop != Thread.currentThread() && publisher != loop);
        Assert.assertTrue(loop.isAlive() && publisher.isAlive());

        stopWithinDeadline();
        Assert.assertFalse("loop thread still running", loop.isAlive());
        Assert.assertFalse("publisher thread still running", publisher.isAlive());
        List<String> lines = consoleLines();
        Assert.assertEquals("RelayBoard stopped", lines.get(lines.size() - 1));
        Assert.assertFalse("left the broker", this.session.isConnected());

        Assert.assertFalse("a stopped board gives messages back", this.session.deliver(TOPIC1,
                Bytes.ascii("after stop"), 1));
        Assert.assertEquals(1, this.session.publishedTo(TOPIC2).size());
    }

    // ------------------------------------------------------------------ bugs

    /**
     * Steps the loop of a board started with {@link RelayBoard#startStepped()} on {@code time}, as the loop
     * thread would (sleeping what it asks), until {@code condition} holds; the connect attempts run on the
     * board's worker meanwhile.
     */
    private void stepUntil(final FakeClock time, String what, final Poll.Condition condition) {
        Poll.until(what, new Poll.Condition() {
            @Override
            public boolean holds() {
                long sleepMs = board.stepLoop();
                time.advance(Math.max(1, Math.min(sleepMs, 50)));
                return condition.holds();
            }
        });
    }

    /** Steps the loop for {@code forMs} of board time, checking that every iteration asks to sleep. */
    private void assertLoopSleepsBetweenSteps(FakeClock time, long forMs, long atMostMs, String while_) {
        long endMs = time.nowMs() + forMs;
        int steps = 0;
        while (time.nowMs() < endMs) {
            long sleepMs = this.board.stepLoop();
            Assert.assertTrue("step " + steps + " " + while_ + " asked to sleep " + sleepMs + " ms: the loop would spin",
                    sleepMs > 0);
            Assert.assertTrue("step " + steps + " " + while_ + " asked to sleep " + sleepMs + " ms", sleepMs <= atMostMs);
            time.advance(sleepMs);
            steps++;
        }
    }

    /** Regression: at commit b538530 the loop spun at 100 % CPU while connected (sleepMs() returned 0). */
    @Test
    public void connectedAndIdle_theLoopSleepsBetweenSteps() throws ConfigException {
        FakeClock time = new FakeClock(0);
        create(MapPropertySource.defaults(), time).startStepped();
        stepUntil(time, "connected", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() == MqttState.CONNECTED;
            }
        });
        // Ten seconds of an idle board (the probe comes after half a keepalive, 15 s): it wakes at least every
        // 100 ms, never at once.
        assertLoopSleepsBetweenSteps(time, 10000, BoardLoop.MAX_SLEEP_MS, "connected and idle");
    }

    /**
     * The join and DHCP are polled: while the access point is slow to answer, then while DHCP has not given an
     * address (0.0.0.0 on the port), the loop sleeps between polls and MQTT waits for the network.
     */
    @Test
    public void slowJoinThenNoLeaseYet_loopSleeps_andMqttWaitsForTheAddress() throws ConfigException {
        this.radio.holdJoins();
        this.radio.setAddress("0.0.0.0");
        FakeClock time = new FakeClock(0);
        create(MapPropertySource.defaults(), time).startStepped();
        this.board.stepLoop();
        Assert.assertEquals(WifiState.JOINING, this.board.wifiState());
        assertLoopSleepsBetweenSteps(time, 5000, BoardLoop.MAX_SLEEP_MS, "joining");
        Assert.assertEquals(WifiState.JOINING, this.board.wifiState());

        this.radio.completeJoin();
        this.board.stepLoop();
        awaitConsoleLine("WiFi: WAITING_FOR_ADDRESS joined \"RelayBoard-AP\", waiting for DHCP");
        assertLoopSleepsBetweenSteps(time, 5000, BoardLoop.MAX_SLEEP_MS, "waiting for DHCP");
        Assert.assertEquals(WifiState.WAITING_FOR_ADDRESS, this.board.wifiState());
        Assert.assertEquals("no MQTT before the address", MqttState.WAITING_FOR_NETWORK, this.board.mqttState());
        Assert.assertEquals(0, this.session.connects());
        Assert.assertTrue(this.board.status(), this.board.status().startsWith("WiFi WAITING_FOR_ADDRESS joined"));
        Assert.assertTrue("the LCD shows the wait: " + this.screen.texts(), this.screen.texts()
                .contains("WiFi WAITING_FOR_ADDRESS joined \"RelayBoard-AP\", waiting for DHCP"));
        Assert.assertEquals("the light says connecting, not failed", LedIndicator.CONNECTING, this.led.current());

        this.radio.setAddress(FakeWifiRadio.ADDRESS);
        stepUntil(time, "connected once DHCP gave the address", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() == MqttState.CONNECTED;
            }
        });
        awaitConsoleLine("WiFi: CONNECTED " + FakeWifiRadio.ADDRESS);
    }

    // ------------------------------------------------------------------ the clock

    /**
     * An ssl:// board tries the broker only once its clock is set (TLS checks certificate dates against it, and it
     * starts at 1970): a silent time server is said on the console and the LCD, retried, and no connect is made
     * until it answers.
     */
    @Test
    public void sslBoard_connectsOnlyOnceItsClockIsSet() throws ConfigException {
        this.timeServerFailure = "did not answer within 5.0 s";
        FakeClock time = new FakeClock(0);
        create(MapPropertySource.defaults().set(ConfigLoader.MQTT_BROKER, "ssl://broker.example:8883")
                .set(ConfigLoader.MQTT_CA_CERT, "/certificates/ca.pem"), time).startStepped();
        stepUntil(time, "the time server's silence said", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.timeState() == TimeState.FAILED;
            }
        });
        awaitConsoleLine("Time: FAILED pool.ntp.org did not answer within 5.0 s; retrying in ");
        awaitNewestNoticeStartingWith("Time: FAILED pool.ntp.org did not answer within 5.0 s; retrying in ");
        // A minute of board time: retried, never connected.
        assertLoopSleepsBetweenSteps(time, 60000, BoardLoop.MAX_SLEEP_MS, "waiting for the clock");
        Assert.assertTrue(console(), linesStartingWith("Time: FAILED ").size() >= 2);
        Assert.assertEquals(0, this.session.connects());
        Assert.assertEquals(MqttState.WAITING_FOR_NETWORK, this.board.mqttState());
        Assert.assertFalse(this.board.clockSet());
        Assert.assertEquals(-1, this.wallClockSetTo);

        this.timeServerFailure = null;
        stepUntil(time, "connected once the clock is set", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.mqttState() == MqttState.CONNECTED;
            }
        });
        Assert.assertTrue(this.board.clockSet());
        Assert.assertTrue("set to the server's time: " + this.wallClockSetTo, this.wallClockSetTo >= SERVER_TIME_MS
                && this.wallClockSetTo < SERVER_TIME_MS + 60000);
        awaitConsoleLine("Time: SYNCED 2026-12-07 08:00:");
    }

    /** A tcp:// board does not wait for the clock: it connects and relays while its time server is silent. */
    @Test
    public void tcpBoard_doesNotWaitForTheClock() throws ConfigException {
        this.timeServerFailure = "did not answer within 5.0 s";
        startConnected(MapPropertySource.defaults());
        Assert.assertFalse(this.board.clockSet());
        this.session.deliver(TOPIC1, Bytes.ascii("untimed"), 1);
        awaitPublished(TOPIC2, 1);
        awaitConsoleLine("Time: FAILED pool.ntp.org did not answer within 5.0 s; retrying in ");
    }

    @Test
    public void stop_leavesTheRetainedStatusSayingOffline() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        stopWithinDeadline();
        List<FakeBrokerSession.Published> status = this.session.publishedTo(STATUS_TOPIC);
        FakeBrokerSession.Published last = status.get(status.size() - 1);
        Bytes.assertBytes("the status a stopped board leaves", Bytes.ascii(MqttLink.OFFLINE), last.payload);
        Assert.assertTrue("must replace the retained online", last.retained);
        Assert.assertEquals(1, last.qos);
    }

    @Test
    public void topicWithNewline_staysOnOneEscapedConsoleLine() throws ConfigException {
        startConnected(MapPropertySource.defaults().withoutRules().rule(1, "/in/#", "/out/x", ""));
        Assert.assertTrue(this.session.deliver("/in/a\nb", Bytes.ascii("x"), 1));
        awaitConsoleLine("New message");
        List<String> messageLines = linesStartingWith("New message");
        Assert.assertEquals(1, messageLines.size());
        Assert.assertEquals("New message (topic=\"/in/a\\nb\", message=\"x\")", messageLines.get(0));
    }

    @Test
    public void probeEcho_isNeitherShownNorRelayed() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        String probeTopic = "relayboard/relayboard-a1b2c3" + RelayBoard.PROBE_SUFFIX;
        Assert.assertTrue("the board subscribes to its probe topic", this.session.subscriptions().contains(probeTopic));
        Assert.assertTrue(this.session.deliver(probeTopic, Bytes.ascii("probe"), 0));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("after the probe"), 1));
        awaitPublished(TOPIC2, 1);
        Assert.assertEquals("only the real message counts", 1, this.board.received());
        Assert.assertFalse(this.screen.messageTopics().contains(probeTopic));
        Assert.assertTrue(console(), console().indexOf(probeTopic + "\", message") < 0);
    }

    @Test
    public void status_givesTheReconnectCountAndTheLastDisconnectReason() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        Assert.assertTrue(this.board.status(), this.board.status().endsWith("| reconnects 0, last disconnect: none"));
        this.session.loseConnection("the broker closed the connection", true);
        awaitConnected(2);
        Poll.until("reconnect counted", new Poll.Condition() {
            @Override
            public boolean holds() {
                return board.reconnects() == 1;
            }
        });
        Assert.assertEquals("the broker closed the connection", this.board.lastDisconnectReason());
        Assert.assertTrue(this.board.status(),
                this.board.status().endsWith("| reconnects 1, last disconnect: the broker closed the connection"));
        Bytes.assertBytes("retained detail", Bytes.ascii("reconnects 1; last disconnect: the broker closed the connection"),
                this.session.publishedTo(STATUS_TOPIC + "/detail").get(1).payload);
    }

    // Rule tables over MQTT (issue 17).

    private static final String RULES_SET_TOPIC = "relayboard/relayboard-a1b2c3/rules/set";
    private static final String RULES_TOPIC = "relayboard/relayboard-a1b2c3/rules";
    private static final String RULES_REFUSED_TOPIC = "relayboard/relayboard-a1b2c3/rules/refused";
    private static final String THREE_HOPS = "{\"rules\": [{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\","
            + " \"suffix\": \" (relay1)\"}, {\"from\": \"/test/topic2\", \"to\": \"/test/topic3\", \"suffix\":"
            + " \" (relay2)\"}, {\"from\": \"/test/topic3\", \"to\": \"/test/topic4\", \"suffix\": \" (relay3)\"}]}";

    @Test
    public void sessionSettings_takeTheRulesTopicFirst_behindABarrierOnTheProbeTopic() throws ConfigException {
        SessionSettings settings = Main.sessionSettings(ConfigLoader.load(MapPropertySource.defaults(), IDENTITY));
        Assert.assertArrayEquals(new String[] { RULES_SET_TOPIC }, settings.settingsTopics());
        Assert.assertEquals("relayboard/relayboard-a1b2c3" + RelayBoard.PROBE_SUFFIX, settings.barrierTopic());

        SessionSettings off = Main.sessionSettings(ConfigLoader.load(MapPropertySource.defaults()
                .set(ConfigLoader.RULES_TOPIC, ""), IDENTITY));
        Assert.assertEquals("rules over MQTT off: nothing taken first", 0, off.settingsTopics().length);
    }

    @Test
    public void ruleTableOverMqtt_isInForceAtOnce_saysWhatChanged_subscribesTheNewSource_andIsKeptRetained()
            throws ConfigException {
        startConnected(MapPropertySource.defaults());
        Assert.assertFalse("the rules topic is the session's (taken before anything is received), never also the"
                + " link's: " + this.session.subscriptions(), this.session.subscriptions().contains(RULES_SET_TOPIC));
        awaitPublished(RULES_TOPIC, 1);
        Assert.assertTrue(new String(this.session.publishedTo(RULES_TOPIC).get(0).payload).endsWith(
                "\"source\": \"options\"}"));

        Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, Bytes.ascii(THREE_HOPS), 1));
        // In force from the next message on, before the loop has said anything.
        Assert.assertTrue(this.session.deliver(TOPIC3, Bytes.ascii("third"), 1));
        awaitPublished("/test/topic4", 1);
        Bytes.assertBytes("hop 3", Bytes.ascii("third (relay3)"), this.session.publishedTo("/test/topic4").get(0).payload);
        awaitConsoleLine("Rules: 3 in force (rule 3 added: /test/topic3 -> /test/topic4 + \" (relay3)\")");
        Poll.until("the new source subscribed", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.subscriptions().contains(TOPIC3);
            }
        });
        awaitPublished(RULES_TOPIC, 2);
        FakeBrokerSession.Published kept = this.session.publishedTo(RULES_TOPIC).get(1);
        Assert.assertTrue(kept.retained);
        Assert.assertTrue(new String(kept.payload), new String(kept.payload).indexOf("/test/topic4") > 0
                && new String(kept.payload).endsWith("\"source\": \"mqtt\"}"));
        Assert.assertTrue(this.board.status(), this.board.status().indexOf("| rules 3 from mqtt: 1: received 0,") > 0);
    }

    @Test
    public void badTables_changeNothing_eachSaidInOneLine_andTheOldRulesRelay() throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, "4096"));
        String[] bad = { "not json", "{\"rules\": [], \"extra\": 1}",
                "{\"rules\": [{\"from\": \"/a\", \"to\": \"/test/+\"}]}",
                "{\"rules\": [{\"from\": \"/a\", \"to\": \"/b\"}, {\"from\": \"/b\", \"to\": \"/a\"}]}" };
        String[] reasons = { "not JSON: expected an object ({) at byte 0, found 'n'",
                "unknown key \"extra\" (a table has \"rules\" only)",
                "rule 1: \"to\" is not a topic the board can publish to: a topic to publish to cannot contain the"
                        + " wildcards + or #, not \"/test/+\"",
                "rule 1: \"to\" and rule 2: \"to\" relay in a loop forever: /a -> /b -> /a (rules 1 2)" };
        for (int i = 0; i < bad.length; i++) {
            Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, Bytes.ascii(bad[i]), 1));
            String line = "Rules refused, the 2 in force stay: " + reasons[i];
            awaitConsoleLine(line);
            awaitNotice(line);
            awaitPublished(RULES_REFUSED_TOPIC, i + 1);
        }
        Assert.assertTrue(new String(this.session.publishedTo(RULES_REFUSED_TOPIC).get(0).payload).startsWith(
                "{\"reason\": \"not JSON: expected an object ({) at byte 0, found 'n'\", \"at\": "));
        Assert.assertFalse(this.session.publishedTo(RULES_REFUSED_TOPIC).get(0).retained);

        byte[] huge = new byte[1024 * 1024];
        Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, huge, 1));
        awaitConsoleLine("Rules refused, the 2 in force stay: 1048576 bytes is over the board's largest message"
                + " (relayboard.mqtt.maxPayloadBytes 4096), not read");
        Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, new byte[0], 1));
        awaitConsoleLine("Rules: an empty message on " + RULES_SET_TOPIC + " changes nothing, the 2 in force stay");

        Assert.assertEquals(2, this.board.rulesInForce().length);
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("still"), 1));
        awaitPublished(TOPIC2, 1);
        Assert.assertEquals("only the table in force at connect was published", 1,
                this.session.publishedTo(RULES_TOPIC).size());
    }

    @Test
    public void aSourceThatLeft_isShownNotRelayed_andCounted() throws ConfigException {
        startConnected(MapPropertySource.defaults());
        Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, Bytes.ascii(
                "{\"rules\": [{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" (relay1)\"}]}"),
                1));
        // Delivered on this thread: a copy would be published before deliver returns (online, outbox empty).
        Assert.assertTrue(this.session.deliver(TOPIC2, Bytes.ascii("left"), 1));
        Assert.assertEquals(0, this.session.publishedTo(TOPIC3).size());
        Assert.assertEquals(1, this.board.counters().unmatched());
        Assert.assertEquals(0, this.board.received());
        awaitConsoleLine("Rules: 1 in force (rule 2 removed: /test/topic2 -> /test/topic3 + \" (relay2)\")");
    }

    @Test
    public void aRunOfTables_appliesTheLatest_andSaysHowManyItSuperseded() throws ConfigException {
        create(MapPropertySource.defaults()).startStepped();
        // The loop is stepped by hand: the tables all come before it looks.
        this.board.stepLoop();
        for (int i = 1; i <= 5; i++) {
            String table = "{\"rules\": [{\"from\": \"/test/topic1\", \"to\": \"/test/topic2\", \"suffix\": \" v"
                    + i + "\"}]}";
            this.session.deliverWithoutWaiting(RULES_SET_TOPIC, Bytes.ascii(table), 1);
        }
        this.board.stepLoop();
        Assert.assertEquals(" v5", this.board.rulesInForce()[0].suffix());
        awaitConsoleLines("Rules: ", 1);
        List<String> lines = linesStartingWith("Rules: ");
        Assert.assertEquals(lines.toString(), 1, lines.size());
        Assert.assertTrue(lines.get(0), lines.get(0).endsWith("(4 earlier tables since the last line superseded)"));
    }

    @Test
    public void telemetry_onRequest_givesEachRulesFigures_andReceivedIsRelayedPlusDroppedPlusInFlight()
            throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.MQTT_MAX_PAYLOAD_BYTES, "8"));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("one"), 1));
        Assert.assertTrue(this.session.deliver(TOPIC1, Bytes.ascii("far too large"), 1));
        Assert.assertTrue(this.session.deliver(TOPIC2, Bytes.ascii("two"), 1));
        awaitPublished(TOPIC3, 1);
        Assert.assertTrue(this.session.deliver("relayboard/relayboard-a1b2c3/telemetry/get", new byte[0], 1));
        awaitPublished("relayboard/relayboard-a1b2c3/telemetry", 1);
        FakeBrokerSession.Published document = this.session.publishedTo("relayboard/relayboard-a1b2c3/telemetry").get(0);
        Assert.assertTrue(document.retained);
        String json = new String(document.payload);
        Assert.assertTrue(json, json.startsWith("{\"uptimeS\": "));
        Assert.assertTrue(json, json.indexOf("\"reconnects\": 0, \"lastDisconnect\": null, \"consoleSkipped\": 0,"
                + " \"loopFaults\": 0, \"rulesSource\": \"options\", \"rules\": [{\"rule\": 1, \"from\":"
                + " \"/test/topic1\", \"to\": \"/test/topic2\", \"received\": 2, \"relayed\": 1, \"dropped\":"
                + " {\"too large\": 1}, \"inFlight\": 0, \"ackMsP50\": ") > 0);
        Assert.assertTrue(json, json.indexOf("{\"rule\": 2, \"from\": \"/test/topic2\", \"to\": \"/test/topic3\","
                + " \"received\": 1, \"relayed\": 1, \"dropped\": {}, \"inFlight\": 0, \"ackMsP50\": ") > 0);
    }

    @Test
    public void aTablesNewSource_inARelayGroup_isSubscribedThroughTheGroup() throws ConfigException {
        startConnected(MapPropertySource.defaults().set(ConfigLoader.RELAY_GROUP, "g1"));
        Assert.assertTrue(this.session.deliver(RULES_SET_TOPIC, Bytes.ascii(THREE_HOPS), 1));
        Poll.until("the new source subscribed through the group", new Poll.Condition() {
            @Override
            public boolean holds() {
                return session.subscriptions().contains("$share/g1//test/topic3");
            }
        });
        Assert.assertFalse("only the new source: " + this.session.subscriptions(),
                this.session.subscriptions().subList(6, this.session.subscriptions().size()).contains(
                        "$share/g1//test/topic1"));
    }
}
