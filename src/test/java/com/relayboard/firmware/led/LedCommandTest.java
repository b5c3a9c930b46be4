package com.relayboard.firmware.led;

import org.junit.Assert;
import org.junit.Test;

import com.relayboard.firmware.text.Utf8;

public class LedCommandTest {

    private static LedCommand parse(String text) {
        return LedCommand.parse(Utf8.encode(text));
    }

    private static void assertSet(String payload, int level, int color) {
        LedCommand command = parse(payload);
        Assert.assertEquals(payload + ": " + command.refusal(), LedCommand.SET, command.kind());
        Assert.assertEquals(payload, level, command.level());
        Assert.assertEquals(payload, color, command.color());
    }

    private static void assertRefused(String payload, String reasonPart) {
        LedCommand command = parse(payload);
        Assert.assertEquals(payload, LedCommand.REFUSED, command.kind());
        Assert.assertTrue(payload + " refused with: " + command.refusal(), command.refusal().contains(reasonPart));
    }

    @Test
    public void seed002Payloads_levelAsNumberOrString() {
        assertSet("{\"level\": 100}", 100, LedCommand.NOT_GIVEN);
        assertSet("{\"level\": \"100\"}", 100, LedCommand.NOT_GIVEN);
        assertSet("{ \"level\" : 0 }", 0, LedCommand.NOT_GIVEN);
        assertSet("{\"level\":\"7\"}\n", 7, LedCommand.NOT_GIVEN);
    }

    @Test
    public void colourAlone_andBothKeysInEitherOrder() {
        assertSet("{\"color\": \"#FF8000\"}", LedCommand.NOT_GIVEN, 0xFF8000);
        assertSet("{\"color\": \"#00ff7f\"}", LedCommand.NOT_GIVEN, 0x00FF7F);
        assertSet("{\"level\": 30, \"color\": \"#102030\"}", 30, 0x102030);
        assertSet("{\"color\":\"#102030\",\"level\":\"30\"}", 30, 0x102030);
        assertSet("{\"color\":\"\\u0023102030\"}", LedCommand.NOT_GIVEN, 0x102030);
    }

    @Test
    public void onAndOff() {
        Assert.assertEquals(LedCommand.ON, parse("on").kind());
        Assert.assertEquals(LedCommand.OFF, parse("off").kind());
        Assert.assertEquals(LedCommand.ON, parse(" ON\n").kind());
        Assert.assertEquals(LedCommand.OFF, parse("Off").kind());
    }

    @Test
    public void emptyPayload_isEmpty_notRefused() {
        Assert.assertEquals(LedCommand.EMPTY, LedCommand.parse(new byte[0]).kind());
        Assert.assertEquals(LedCommand.EMPTY, parse("  \n").kind());
        Assert.assertNull(LedCommand.parse(new byte[0]).refusal());
    }

    @Test
    public void outOfRangeOrMalformedLevels_areRefusedByName() {
        assertRefused("{\"level\": 300}", "\"level\" must be a whole number from 0 to 100, not 300");
        assertRefused("{\"level\": -5}", "not -5");
        assertRefused("{\"level\": 50.5}", "not 50.5");
        assertRefused("{\"level\": 1e2}", "not 1e2");
        assertRefused("{\"level\": \"high\"}", "not \"high\"");
        assertRefused("{\"level\": \" 50\"}", "not \" 50\"");
        assertRefused("{\"level\": true}", "\"level\" must be a whole number");
        assertRefused("{\"level\": 101}", "not 101");
        assertRefused("{\"level\": 99999999999999999999}", "not 99999999999999999999");
    }

    @Test
    public void malformedColours_areRefusedByName() {
        assertRefused("{\"color\": \"#12\"}", "\"color\" must be \"#RRGGBB\" (six hex digits), not \"#12\"");
        assertRefused("{\"color\": \"FF8000\"}", "not \"FF8000\"");
        assertRefused("{\"color\": \"#GG0000\"}", "not \"#GG0000\"");
        assertRefused("{\"color\": 16711680}", "not 16711680");
        assertRefused("{\"color\": \"#FF80000\"}", "not \"#FF80000\"");
    }

    @Test
    public void unknownOrRepeatedKeys_areRefused() {
        assertRefused("{\"brightness\": 50}", "unknown key \"brightness\" (known: \"level\", \"color\")");
        assertRefused("{\"level\": 50, \"blink\": true}", "unknown key \"blink\"");
        assertRefused("{\"level\": 50, \"level\": 60}", "\"level\" is given twice");
        assertRefused("{}", "names neither \"level\" nor \"color\"");
    }

    @Test
    public void notJson_isRefusedQuotingThePayload() {
        assertRefused("hello", "not JSON (expected {\"level\": 0..100, \"color\": \"#RRGGBB\"}, on or off): \"hello\"");
        assertRefused("50", "not JSON");
        assertRefused("[50]", "not JSON");
        LedCommand binary = LedCommand.parse(new byte[] { (byte) 0xFF, 0x01 });
        Assert.assertEquals(LedCommand.REFUSED, binary.kind());
        Assert.assertTrue(binary.refusal(), binary.refusal().contains("not UTF-8 text") && binary.refusal().contains("\\xFF"));
    }

    @Test
    public void brokenJson_isRefusedSayingWhereItBreaks() {
        assertRefused("{\"level\": 50", "expected ',' or '}'");
        assertRefused("{\"level\" 50}", "expected ':' after \"level\"");
        assertRefused("{level: 50}", "expected a key in double quotes");
        assertRefused("{\"level\": 50} x", "nothing after the closing '}'");
        assertRefused("{\"level\": 50,}", "expected a key in double quotes");
        assertRefused("{\"lev", "expected the end of a key");
        assertRefused("{\"color\": \"#FF", "expected the end of the value of \"color\"");
    }

    @Test
    public void aLongPayload_isQuotedCut() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append('x');
        }
        LedCommand command = parse(text.toString());
        Assert.assertTrue(command.refusal(), command.refusal().length() < 160);
        Assert.assertTrue(command.refusal(), command.refusal().endsWith("...\""));
    }
}
