package com.relayboard.firmware.led;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import com.relayboard.firmware.ui.Console;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.text.Utf8;
import com.relayboard.firmware.ui.FakeLed;
import com.relayboard.firmware.ui.FakeScreen;
import com.relayboard.firmware.ui.Led;
import com.relayboard.firmware.ui.LedIndicator;
import com.relayboard.firmware.util.Ring;

public class LedControlTest {

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream consoleStream = new PrintStream(this.consoleBytes, true);
    private final Console console = new Console() {
        @Override
        public void println(String line) {
            LedControlTest.this.consoleStream.println(line);
        }
    };
    private final FakeScreen screen = new FakeScreen();
    /**
     * The commands' hand-over, as plain as it gets: a queue that never forgets (the board's, which forgets the oldest
     * beyond {@link LedControl#PENDING_CAPACITY}, is tested in BoardEventsTest).
     */
    private final LedControl.PendingCommands pending = new LedControl.PendingCommands() {
        private final Ring<byte[]> commands = new Ring<byte[]>(4 * LedControl.PENDING_CAPACITY);

        @Override
        public void offer(byte[] payload) {
            Assert.assertTrue("the test offers no more than the queue holds", this.commands.offer(payload));
        }

        @Override
        public byte[] pollCommand() {
            return this.commands.poll();
        }
    };

    private LedControl connectedControl(FakeLed led) {
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        return new LedControl(indicator, this.console, this.screen, this.pending);
    }

    private void offer(String text) {
        this.pending.offer(Utf8.encode(text));
    }

    private String console() {
        return new String(this.consoleBytes.toByteArray());
    }

    @Test
    public void defaultSetting_isFullLevelInTheIdleGreen() {
        LedControl control = connectedControl(new FakeLed());
        Assert.assertEquals("{\"level\":100,\"color\":\"#001800\"}", new String(control.stateJson()));
    }

    @Test
    public void levelScalesTheIdleLight_andColourReplacesTheIdleGreen() {
        FakeLed led = new FakeLed();
        LedControl control = connectedControl(led);

        offer("{\"level\": 50}");
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(LedIndicator.scale(LedIndicator.IDLE, 50), led.current());

        offer("{\"color\": \"#FF8000\"}");
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(0x804000, led.current());
        Assert.assertEquals("{\"level\":50,\"color\":\"#FF8000\"}", new String(control.stateJson()));
        Assert.assertTrue(console(), console().contains("LED: level 50 %, color #FF8000"));
    }

    @Test
    public void eventFlashesKeepTheirColours_scaledByTheLevel() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        LedControl control = new LedControl(indicator, this.console, this.screen, this.pending);
        offer("{\"level\": 50, \"color\": \"#FFFFFF\"}");
        control.applyPending();

        indicator.flash(LedIndicator.RULE_1, 1000);
        Assert.assertEquals(LedIndicator.scale(LedIndicator.RULE_1, 50), led.current());
        indicator.step(1000 + LedIndicator.FLASH_MS);
        Assert.assertEquals(0x808080, led.current());

        // A problem shows in its red at its own brightness, never in the user's colour, even with the light off.
        indicator.setSteady(LedIndicator.ERROR);
        Assert.assertEquals(LedIndicator.ERROR, led.current());
        offer("off");
        control.applyPending();
        Assert.assertEquals(LedIndicator.ERROR, led.current());
        indicator.setSteady(LedIndicator.CONNECTING);
        Assert.assertEquals(LedIndicator.CONNECTING, led.current());
        indicator.setSteady(LedIndicator.IDLE);
        Assert.assertEquals(0x000000, led.current());
    }

    @Test
    public void afterAConnect_theLightWaitsForTheRetainedCommand_beforeShowingConnected() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        LedControl control = new LedControl(indicator, this.console, this.screen, this.pending);
        indicator.step(5000);
        control.connected(5000);
        indicator.setSteady(LedIndicator.IDLE);
        Assert.assertEquals("still connecting: the retained command may be on its way", LedIndicator.CONNECTING,
                led.current());
        Assert.assertEquals(5000 + LedControl.RETAINED_COMMAND_WAIT_MS, indicator.nextChangeMs());

        offer("{\"color\": \"#0000FF\"}");
        control.applyPending();
        Assert.assertEquals("straight from connecting to the user's colour", 0x0000FF, led.current());
        Assert.assertFalse(led.shown().contains(Integer.valueOf(LedIndicator.IDLE)));
    }

    @Test
    public void afterAConnect_withoutRetainedCommand_theDefaultShowsOnceTheWaitIsOver() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        LedControl control = new LedControl(indicator, this.console, this.screen, this.pending);
        control.connected(0);
        indicator.setSteady(LedIndicator.IDLE);
        indicator.step(LedControl.RETAINED_COMMAND_WAIT_MS - 1);
        Assert.assertEquals(LedIndicator.CONNECTING, led.current());
        indicator.step(LedControl.RETAINED_COMMAND_WAIT_MS);
        Assert.assertEquals(LedIndicator.IDLE, led.current());
        Assert.assertEquals(-1, indicator.nextChangeMs());
    }

    @Test
    public void offThenOn_restoresTheLastLevel() {
        FakeLed led = new FakeLed();
        LedControl control = connectedControl(led);
        offer("{\"level\": 40}");
        offer("off");
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(0, control.setting().levelPercent());
        Assert.assertEquals(0x000000, led.current());

        offer("on");
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(40, control.setting().levelPercent());
        Assert.assertEquals(LedIndicator.scale(LedIndicator.IDLE, 40), led.current());
    }

    @Test
    public void refusedCommand_changesNothing_andSaysWhyOnConsoleAndScreen() {
        FakeLed led = new FakeLed();
        LedControl control = connectedControl(led);
        offer("{\"level\": 20}");
        control.applyPending();
        int shown = led.shown().size();

        offer("{\"level\": 300}");
        Assert.assertFalse(control.applyPending());
        Assert.assertEquals(shown, led.shown().size());
        Assert.assertEquals("{\"level\":20,\"color\":\"#001800\"}", new String(control.stateJson()));
        String line = "LED command refused: \"level\" must be a whole number from 0 to 100, not 300";
        Assert.assertTrue(console(), console().contains(line + "\n"));
        Assert.assertEquals(line, this.screen.notices().get(this.screen.notices().size() - 1));
    }

    @Test
    public void emptyPayload_changesNothing_andPrintsNothing() {
        FakeLed led = new FakeLed();
        LedControl control = connectedControl(led);
        int shown = led.shown().size();
        this.pending.offer(new byte[0]);
        Assert.assertFalse(control.applyPending());
        Assert.assertEquals("", console());
        Assert.assertTrue(this.screen.notices().isEmpty());
        Assert.assertEquals(shown, led.shown().size());
    }

    @Test
    public void sameSettingAgain_isNoChange() {
        LedControl control = connectedControl(new FakeLed());
        offer("{\"level\": 100}");
        Assert.assertFalse("a retained command received twice is one change", control.applyPending());
    }

    @Test
    public void singleRedLed_levelIsItsBrightness_colourIsRefused() {
        FakeLed led = new FakeLed(Led.MONO);
        LedControl control = connectedControl(led);
        Assert.assertEquals("{\"level\":100,\"color\":\"#FF0000\"}", new String(control.stateJson()));

        offer("{\"level\": 50}");
        Assert.assertTrue(control.applyPending());
        Assert.assertEquals(LedIndicator.scale(LedIndicator.MONO_DIM, 50), led.current());

        offer("{\"level\": 90, \"color\": \"#00FF00\"}");
        Assert.assertFalse(control.applyPending());
        Assert.assertEquals(50, control.setting().levelPercent());
        Assert.assertTrue(console(), console().contains(
                "LED command refused: this board's light is one red LED: it takes \"level\", not \"color\""));
    }

}
