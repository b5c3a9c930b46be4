package com.relayboard.firmware.ui;

import java.util.List;

import org.junit.Assert;
import org.junit.Test;

public class LedIndicatorTest {

    @Test
    public void newIndicator_showsConnecting() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        Assert.assertEquals(LedIndicator.CONNECTING, led.current());
        Assert.assertEquals(-1, indicator.nextChangeMs());
    }

    @Test
    public void flash_showsTheRuleColourThenTheSteadyColourAfterFlashMs() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        Assert.assertEquals(LedIndicator.IDLE, led.current());

        indicator.flash(LedIndicator.RULE_1, 1000);
        Assert.assertEquals(LedIndicator.RULE_1, led.current());
        Assert.assertEquals(1000 + LedIndicator.FLASH_MS, indicator.nextChangeMs());

        indicator.step(1000 + LedIndicator.FLASH_MS - 1);
        Assert.assertEquals("still flashing just before FLASH_MS", LedIndicator.RULE_1, led.current());

        indicator.step(1000 + LedIndicator.FLASH_MS);
        Assert.assertEquals(LedIndicator.IDLE, led.current());
        Assert.assertEquals(-1, indicator.nextChangeMs());

        int shownBefore = led.shown().size();
        indicator.step(5000);
        Assert.assertEquals("nothing more to show after the flash", shownBefore, led.shown().size());
    }

    @Test
    public void setSteadyDuringAFlash_showsAfterTheFlash() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        indicator.flash(LedIndicator.RULE_2, 0);
        indicator.setSteady(LedIndicator.ERROR);
        Assert.assertEquals("the flash is not cut short", LedIndicator.RULE_2, led.current());
        indicator.step(LedIndicator.FLASH_MS);
        Assert.assertEquals(LedIndicator.ERROR, led.current());
    }

    @Test
    public void flashDuringAFlash_showsTheNewColourAndLastsFromIt() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        indicator.flash(LedIndicator.RULE_1, 0);
        indicator.flash(LedIndicator.RULE_2, 200);
        Assert.assertEquals(LedIndicator.RULE_2, led.current());
        indicator.step(LedIndicator.FLASH_MS);
        Assert.assertEquals(LedIndicator.RULE_2, led.current());
        indicator.step(200 + LedIndicator.FLASH_MS);
        Assert.assertEquals(LedIndicator.IDLE, led.current());
        List<Integer> shown = led.shown();
        Assert.assertEquals(Integer.valueOf(LedIndicator.RULE_1), shown.get(shown.size() - 3));
    }

    @Test
    public void ruleColours_areBlueMagentaThenCyan() {
        Assert.assertEquals(LedIndicator.RULE_1, LedIndicator.colorForRule(1));
        Assert.assertEquals(LedIndicator.RULE_2, LedIndicator.colorForRule(2));
        Assert.assertEquals(LedIndicator.OTHER_MESSAGE, LedIndicator.colorForRule(3));
        Assert.assertEquals(LedIndicator.OTHER_MESSAGE, LedIndicator.colorForRule(0));
        Assert.assertTrue(LedIndicator.RULE_1 != LedIndicator.RULE_2);
    }

    // A single-colour light (ESP-WROVER-KIT: one red LED) blinks patterns instead of colours.

    @Test
    public void monoLight_connectingIsASlowBlinkThatKeepsItsRhythm() {
        FakeLed led = new FakeLed(Led.MONO);
        LedIndicator indicator = new LedIndicator(led);
        indicator.step(0);
        Assert.assertEquals(LedIndicator.MONO_ON, led.current());
        Assert.assertEquals(LedIndicator.SLOW_BLINK_MS, indicator.nextChangeMs());
        indicator.step(LedIndicator.SLOW_BLINK_MS);
        Assert.assertEquals(LedIndicator.MONO_OFF, led.current());
        Assert.assertEquals(2 * LedIndicator.SLOW_BLINK_MS, indicator.nextChangeMs());
        indicator.step(2 * LedIndicator.SLOW_BLINK_MS + 30);
        Assert.assertEquals(LedIndicator.MONO_ON, led.current());
        Assert.assertEquals("the next edge stays on the rhythm, not 500 ms after a late step",
                3 * LedIndicator.SLOW_BLINK_MS, indicator.nextChangeMs());
    }

    @Test
    public void monoLight_errorBlinksFastAndIdleIsSteadyDim() {
        FakeLed led = new FakeLed(Led.MONO);
        LedIndicator indicator = new LedIndicator(led);
        indicator.step(1000);
        indicator.setSteady(LedIndicator.ERROR);
        Assert.assertEquals(LedIndicator.MONO_ON, led.current());
        Assert.assertEquals(1000 + LedIndicator.FAST_BLINK_MS, indicator.nextChangeMs());
        indicator.step(1000 + LedIndicator.FAST_BLINK_MS);
        Assert.assertEquals(LedIndicator.MONO_OFF, led.current());

        indicator.setSteady(LedIndicator.IDLE);
        Assert.assertEquals(LedIndicator.MONO_DIM, led.current());
        Assert.assertEquals("a steady light needs no more steps", -1, indicator.nextChangeMs());
    }

    @Test
    public void monoLight_aMessageBlinksItsRuleNumberThenTheStateComesBack() {
        FakeLed led = new FakeLed(Led.MONO);
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        long start = 5000;
        indicator.flash(LedIndicator.colorForRule(2), start);
        // Two blinks: on, off, on, off; each MESSAGE_BLINK_MS long. Step at every edge the indicator asks for.
        StringBuilder seen = new StringBuilder();
        seen.append(led.current() == LedIndicator.MONO_ON ? '1' : '0');
        long now = start;
        while (indicator.nextChangeMs() >= 0) {
            now = indicator.nextChangeMs();
            indicator.step(now);
            seen.append(led.current() == LedIndicator.MONO_ON ? '1' : led.current() == LedIndicator.MONO_OFF ? '0' : 'd');
        }
        Assert.assertEquals("on, off, on, off, then idle (dim)", "1010d", seen.toString());
        Assert.assertEquals(start + 4 * LedIndicator.MESSAGE_BLINK_MS, now);
    }

    @Test
    public void monoLight_blinkCountsPerRule() {
        Assert.assertEquals(1, LedIndicator.blinksFor(LedIndicator.colorForRule(1)));
        Assert.assertEquals(2, LedIndicator.blinksFor(LedIndicator.colorForRule(2)));
        Assert.assertEquals(3, LedIndicator.blinksFor(LedIndicator.colorForRule(7)));
    }

    @Test
    public void rgbLight_neverBlinksByItself() {
        FakeLed led = new FakeLed(Led.RGB);
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.ERROR);
        Assert.assertEquals(LedIndicator.ERROR, led.current());
        Assert.assertEquals(-1, indicator.nextChangeMs());
    }

    @Test
    public void monoLight_aMessageDuringBlinks_waitsForThemAndAPause() {
        FakeLed led = new FakeLed(Led.MONO);
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        indicator.flash(LedIndicator.colorForRule(1), 0);
        indicator.flash(LedIndicator.colorForRule(2), 10);
        indicator.flash(LedIndicator.colorForRule(2), 20);
        // Sample every 60 ms (half a blink slot) until the light settles: one blink, a pause, two blinks.
        StringBuilder seen = new StringBuilder();
        for (long now = 30; now < 2000; now += LedIndicator.MESSAGE_BLINK_MS / 2) {
            indicator.step(now);
            seen.append(led.current() == LedIndicator.MONO_ON ? '1' : led.current() == LedIndicator.MONO_OFF ? '0' : 'd');
        }
        String shown = seen.toString();
        int idle = shown.indexOf('d');
        Assert.assertTrue("the light settles to idle: " + shown, idle > 0);
        for (int i = idle; i < shown.length(); i++) {
            Assert.assertEquals("idle stays: " + shown, 'd', shown.charAt(i));
        }
        // Samples at 30, 90, ...: blink (0-240 ms), the step at 270 ends it and starts a 240 ms pause, then the
        // two blinks of rule 2 from 510 ms to 990 ms. The second message for rule 2 replaced the first one waiting.
        Assert.assertEquals("one blink, pause, two blinks", "11" + "00" + "0000" + "11" + "00" + "11" + "00",
                shown.substring(0, idle));
    }
}
