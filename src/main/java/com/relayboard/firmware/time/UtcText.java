package com.relayboard.firmware.time;

/**
 * {@code 2026-12-07 08:59:01 UTC} from milliseconds since 1970, without {@code Calendar} or {@code TimeZone} (not
 * in the board's proven API): the days-to-civil-date arithmetic of the proleptic Gregorian calendar.
 */
public final class UtcText {

    private static final long MS_PER_DAY = 86400000L;

    private UtcText() {
    }

    /** @param utcMs milliseconds since 1970, not negative */
    public static String format(long utcMs) {
        long days = utcMs / MS_PER_DAY;
        long msOfDay = utcMs % MS_PER_DAY;
        // Days since 1970-01-01 to year, month, day: eras of 400 years (146,097 days), years starting in March,
        // so that the leap day is the last day of a year.
        long z = days + 719468;
        long era = z / 146097;
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        long seconds = msOfDay / 1000;
        StringBuilder text = new StringBuilder(23);
        text.append(year).append('-');
        two(text, month).append('-');
        two(text, day).append(' ');
        two(text, seconds / 3600).append(':');
        two(text, seconds / 60 % 60).append(':');
        two(text, seconds % 60).append(" UTC");
        return text.toString();
    }

    private static StringBuilder two(StringBuilder text, long value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
