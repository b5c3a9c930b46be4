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
        Assert.assertEquals(-1, indicator.flashEndMs());
    }

    @Test
    public void flash_showsTheRuleColourThenTheSteadyColourAfterFlashMs() {
        FakeLed led = new FakeLed();
        LedIndicator indicator = new LedIndicator(led);
        indicator.setSteady(LedIndicator.IDLE);
        Assert.assertEquals(LedIndicator.IDLE, led.current());

        indicator.flash(LedIndicator.RULE_1, 1000);
        Assert.assertEquals(LedIndicator.RULE_1, led.current());
        Assert.assertEquals(1000 + LedIndicator.FLASH_MS, indicator.flashEndMs());

        indicator.step(1000 + LedIndicator.FLASH_MS - 1);
        Assert.assertEquals("still flashing just before FLASH_MS", LedIndicator.RULE_1, led.current());

        indicator.step(1000 + LedIndicator.FLASH_MS);
        Assert.assertEquals(LedIndicator.IDLE, led.current());
        Assert.assertEquals(-1, indicator.flashEndMs());

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
}
