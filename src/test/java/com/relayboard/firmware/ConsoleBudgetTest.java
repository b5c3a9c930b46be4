package com.relayboard.firmware;

import org.junit.Assert;
import org.junit.Test;

public class ConsoleBudgetTest {

    @Test
    public void startsFull_andFillsAtItsRate_uptoItsBurst() {
        ConsoleBudget budget = new ConsoleBudget(2880, 2880, 0);
        Assert.assertTrue(budget.isFull(0));
        Assert.assertTrue(budget.take(2880, 0));
        Assert.assertFalse(budget.take(1, 0));
        Assert.assertFalse("2.88 bytes a millisecond: not a byte short of 3", budget.has(3, 1));
        Assert.assertTrue(budget.has(2, 1));
        Assert.assertEquals(1440, budget.availableBytes(500));
        Assert.assertEquals(1000, budget.fullAtMs(500));
        Assert.assertEquals("never above the burst, however long the quiet", 2880, budget.availableBytes(1000000000L));
    }

    @Test
    public void aLineLongerThanTheBurst_isTakenOnlyWhenFull_andLeavesDebt() {
        ConsoleBudget budget = new ConsoleBudget(2880, 2880, 0);
        Assert.assertTrue(budget.take(4000, 0));
        Assert.assertEquals(-1120, budget.availableBytes(0));
        Assert.assertFalse(budget.take(4000, 999));
        Assert.assertEquals("the debt is paid before it fills", 1389, budget.fullAtMs(999));
    }

    @Test
    public void chargedBytes_goIntoDebt_andHoldTheRestBack() {
        ConsoleBudget budget = new ConsoleBudget(1000, 1000, 0);
        budget.charge(1500, 0);
        Assert.assertEquals(-500, budget.availableBytes(0));
        Assert.assertFalse(budget.has(1, 500));
        Assert.assertTrue(budget.has(1, 501));
    }
}
