package com.relayboard.firmware.text;

import org.junit.Assert;
import org.junit.Test;

public class JsonReaderTest {

    private static byte[] utf8(String text) {
        return Utf8.encode(text);
    }

    private static String refusal(String json) {
        try {
            JsonReader reader = new JsonReader(utf8(json));
            reader.beginObject();
            for (String key = reader.nextKey(); key != null; key = reader.nextKey()) {
                reader.readString();
            }
            reader.end();
        } catch (JsonException e) {
            return e.getMessage();
        }
        Assert.fail("accepted " + json);
        return null;
    }

    @Test
    public void objectOfStrings_readsKeysAndValuesWithEscapesUndone() throws JsonException {
        JsonReader reader = new JsonReader(utf8(" { \"a\" : \"x\\\"y\\\\z\\n\\u00e9\\/\" , \"b\":\"\u00e9\u20ac\ud83d\ude00\"} "));
        reader.beginObject();
        Assert.assertEquals("a", reader.nextKey());
        Assert.assertEquals("x\"y\\z\n\u00e9/", reader.readString());
        Assert.assertEquals("b", reader.nextKey());
        Assert.assertEquals("\u00e9\u20ac\ud83d\ude00", reader.readString());
        Assert.assertNull(reader.nextKey());
        reader.end();
    }

    @Test
    public void arrays_emptyAndWithElements() throws JsonException {
        JsonReader reader = new JsonReader(utf8("[[], [\"a\", \"b\"]]"));
        reader.beginArray();
        Assert.assertTrue(reader.hasNextElement());
        reader.beginArray();
        Assert.assertFalse(reader.hasNextElement());
        Assert.assertTrue(reader.hasNextElement());
        reader.beginArray();
        Assert.assertTrue(reader.hasNextElement());
        Assert.assertEquals("a", reader.readString());
        Assert.assertTrue(reader.hasNextElement());
        Assert.assertEquals("b", reader.readString());
        Assert.assertFalse(reader.hasNextElement());
        Assert.assertFalse(reader.hasNextElement());
        reader.end();
    }

    @Test
    public void notJson_isRefusedWithWhatWasExpectedAndWhere() {
        Assert.assertEquals("not JSON: expected an object ({) at byte 0, found 'h'", refusal("hello"));
        Assert.assertEquals("not JSON: expected an object ({) at byte 0, found the end", refusal(""));
        Assert.assertEquals("not JSON: expected a comma or } at byte 9, found '\"'", refusal("{\"a\":\"b\" \"c\":\"d\"}"));
        Assert.assertEquals("not JSON: expected the end of the string (\") at byte 7, found the end",
                refusal("{\"a\":\"b"));
        Assert.assertEquals("not JSON: expected nothing after the end at byte 3, found '}'", refusal("{} }"));
        Assert.assertTrue(refusal("{\"a\":\"\\q\"}"), refusal("{\"a\":\"\\q\"}").indexOf("\\uXXXX") > 0);
        Assert.assertTrue(refusal("{\"a\":\"\\u12\"}"), refusal("{\"a\":\"\\u12\"}").indexOf("hexadecimal") > 0);
        Assert.assertTrue(refusal("{\"a\":\"x\ny\"}"), refusal("{\"a\":\"x\ny\"}").indexOf("control character") > 0);
    }

    @Test
    public void invalidUtf8_isRefused() {
        try {
            JsonReader reader = new JsonReader(new byte[] { '"', (byte) 0xC3, '"' });
            reader.readString();
            Assert.fail("accepted invalid UTF-8");
        } catch (JsonException e) {
            Assert.assertEquals("not JSON: expected UTF-8 text at byte 1, found byte 0xc3", e.getMessage());
        }
    }

    @Test
    public void quote_escapesWhatJsonMust_andReadsBack() throws JsonException {
        String text = "a\"b\\c\nd\u0001e \u00e9";
        String quoted = JsonReader.quote(text);
        Assert.assertEquals("\"a\\\"b\\\\c\\nd\\u0001e \u00e9\"", quoted);
        Assert.assertEquals(text, new JsonReader(utf8(quoted)).readString());
    }
}
