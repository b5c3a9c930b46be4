package com.relayboard.firmware;

import java.io.PrintStream;
import java.util.Random;

import com.relayboard.firmware.config.Config;
import com.relayboard.firmware.config.ConfigException;
import com.relayboard.firmware.config.ConfigKeys;
import com.relayboard.firmware.config.ConfigLoader;
import com.relayboard.firmware.config.SystemProperties;
import com.relayboard.firmware.net.BrokerListener;
import com.relayboard.firmware.net.BrokerSession;
import com.relayboard.firmware.net.Clock;
import com.relayboard.firmware.net.EcomWifiRadio;
import com.relayboard.firmware.net.JobRunner;
import com.relayboard.firmware.net.PahoBrokerSession;
import com.relayboard.firmware.net.SessionSettings;
import com.relayboard.firmware.relay.Relay;
import com.relayboard.firmware.time.UdpTimeSource;
import com.relayboard.firmware.time.WallClock;
import com.relayboard.firmware.ui.BoardScreen;
import com.relayboard.firmware.ui.LcdScreen;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.firmware.ui.NeoPixel;

import ej.bon.Util;
import ej.microui.MicroUI;

/**
 * Entry point of the RelayBoard firmware: starts MicroUI, reads the {@code relayboard.*} system
 * properties, and starts the board on the real platform parts (ECOM-WiFi, MicroPaho, the LCD, the
 * NeoPixel). A configuration that is invalid is refused with one line on the console and the LCD,
 * the NeoPixel showing red; the board then does nothing more.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        start();
    }

    /**
     * Starts the board as the device does. MicroEJ cannot list system properties, so no key is checked for
     * spelling here: the host build checks the keys of the build's options and of the properties list.
     *
     * @return the running board, or {@code null} when the configuration was refused
     */
    public static RelayBoard start() {
        return start(new String[0]);
    }

    /**
     * @param setKeys
     *            the system properties that are set, as far as the platform can list them (the desktop simulator
     *            lists them all): an unknown {@code relayboard.*} key among them is refused
     * @return the running board, or {@code null} when the configuration was refused
     */
    public static RelayBoard start(String[] setKeys) {
        MicroUI.start();
        // The board's UART. Its own encoding is ISO-8859-1 (MicroEJ's default): every line goes out as UTF-8
        // bytes written raw (SerialConsole), so that a UTF-8 terminal shows what the messages say.
        PrintStream console = System.out;
        LcdScreen lcd = LcdScreen.show();
        BoardScreen screen = lcd;
        if (lcd != null && lcd.fontProblem() != null) {
            console.println(lcd.fontProblem());
            lcd.showNotice(lcd.fontProblem(), true);
        }
        if (screen == null) {
            SerialConsole.printUtf8(console, "No display: messages and states are shown on this console only.");
            screen = new ConsoleOnlyScreen();
        }
        NeoPixel light = new NeoPixel();
        SerialConsole.printUtf8(console, describe(light));
        LedIndicator led = new LedIndicator(light);
        Random random = new Random();
        String interfaceName = System.getProperty(ConfigLoader.WIFI_INTERFACE);
        final Config config;
        try {
            ConfigKeys.refuseUnknown(setKeys);
            config = ConfigLoader.load(new SystemProperties(), BoardIdentity.read(interfaceName, random));
        } catch (ConfigException e) {
            SerialConsole.printUtf8(console, e.getMessage());
            screen.showNotice(e.getMessage(), true);
            screen.showWifi("WiFi not started", BoardScreen.ERROR);
            screen.showMqtt("MQTT not started", BoardScreen.ERROR);
            led.setSteady(LedIndicator.ERROR);
            return null;
        }
        Clock monotonic = new Clock() {
            @Override
            public long nowMs() {
                return Util.platformTimeMillis();
            }
        };
        RelayBoard board = new RelayBoard(config, monotonic, random, console, screen, led,
                new EcomWifiRadio(config.wifiInterface()), new BrokerSessionFactory() {
                    @Override
                    public BrokerSession open(BrokerListener listener, JobRunner worker) {
                        return new PahoBrokerSession(sessionSettings(config), new Relay(config.rules(), config.qos())
                                .subscriptionFilters(config.relayGroup()), listener, worker);
                    }
                }, new UdpTimeSource(monotonic), new ApplicationClock());
        board.start();
        return board;
    }

    /** @return what the broker session needs of the configuration, as a value */
    static SessionSettings sessionSettings(Config config) {
        return new SessionSettings(config.brokerUri(), config.brokerHost(), config.brokerPort(), config.clientId(),
                config.qos(), config.keepAliveS(), config.cleanSession(), config.username(), config.password(),
                config.caCert(), config.statusTopic(), config.relayGroup(), config.lanes());
    }

    private static String describe(NeoPixel light) {
        switch (light.kind()) {
        case NeoPixel.RGB:
            return "Status light: RGB (NeoPixel).";
        case NeoPixel.MONO:
            return "Status light: one LED, blink patterns (slow: connecting, fast: error, dim: connected,"
                    + " N blinks: message of rule N).";
        default:
            return "Status light: none.";
        }
    }

    /** BON's application clock: what {@code System.currentTimeMillis()} reads and mbedTLS checks dates against. */
    private static final class ApplicationClock implements WallClock {

        @Override
        public void set(long utcMs) {
            Util.setCurrentTimeMillis(utcMs);
        }
    }

    /** A board without a display: everything it would show is on the console already. */
    private static final class ConsoleOnlyScreen implements BoardScreen {

        @Override
        public void showWifi(String text, int severity) {
            // The console already has the state line.
        }

        @Override
        public void showMqtt(String text, int severity) {
            // The console already has the state line.
        }

        @Override
        public void showNotice(String text, boolean error) {
            // The console already has the notice.
        }

        @Override
        public void addMessage(String topic, byte[] payload, int payloadLength) {
            // The console already has the "New message" line.
        }

        @Override
        public void showCounters(int received, int relayed, int dropped, int queued) {
            // Counters are in the status command's answer.
        }
    }
}
