package com.relayboard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

/** The report's charts: grouped bars drawn with Java2D (headless) and written as PNG. */
final class Charts {

    static final String LATENCY_PNG = "benchmarks-latency.png";
    static final String RATE_PNG = "benchmarks-rate.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    /** In the subjects' order: the floors grey, the board blue, the board with its console off light blue. */
    private static final Color[] SERIES_COLORS = { new Color(0x9E9E9E), new Color(0x616161), new Color(0x1E88E5),
            new Color(0x90CAF9), new Color(0xF4511E), new Color(0x43A047) };

    private Charts() {
    }

    static void write(Results results, File folder) throws IOException {
        List<Results.Case> cases = results.cases;
        List<Subject> subjects = results.subjects;
        String[] groups = new String[cases.size()];
        String[] series = new String[subjects.size()];
        double[][] p50 = new double[cases.size()][subjects.size()];
        double[][] p95 = new double[cases.size()][subjects.size()];
        double[][] p99 = new double[cases.size()][subjects.size()];
        double[][] rate = new double[cases.size()][subjects.size()];
        for (int g = 0; g < cases.size(); g++) {
            groups[g] = cases.get(g).label();
            for (int s = 0; s < subjects.size(); s++) {
                series[s] = subjects.get(s).label;
                Stats stats = results.latency(cases.get(g), subjects.get(s)).stats();
                p50[g][s] = Stats.toMs(stats.percentileNs(50));
                p95[g][s] = Stats.toMs(stats.percentileNs(95));
                p99[g][s] = Stats.toMs(stats.percentileNs(99));
                Measure.Rate r = results.rates.get(Results.key(cases.get(g), subjects.get(s)));
                rate[g][s] = r == null ? 0 : r.perSecond;
            }
        }
        // Logarithmic: QoS 1's Nagle stalls are hundreds of times QoS 0's figures.
        BufferedImage latency = bars("Latency, one message at a time: bar p50, whisker p95 to p99 (log scale)",
                "milliseconds", groups, series, p50, p95, p99, "%.2f", true);
        ImageIO.write(latency, "png", new File(folder, LATENCY_PNG));
        BufferedImage rates = bars("Sustained rate, " + results.rateMessages + " messages, window "
                + results.window, "messages per second", groups, series, rate, null, null, "%.0f", false);
        ImageIO.write(rates, "png", new File(folder, RATE_PNG));
    }

    private static BufferedImage bars(String title, String unit, String[] groups, String[] series,
            double[][] values, double[][] low, double[][] high, String valueFormat, boolean log) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(plain.deriveFont(Font.BOLD, 15f));
            g.setColor(Color.BLACK);
            g.drawString(title, 20, 26);
            g.setFont(plain);

            int left = 70;
            int right = WIDTH - 20;
            int top = 88;
            int bottom = HEIGHT - 60;
            double max = 0;
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    max = Math.max(max, high != null ? high[i][j] : values[i][j]);
                }
            }
            double min = Double.MAX_VALUE;
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    if (values[i][j] > 0) {
                        min = Math.min(min, values[i][j]);
                    }
                }
            }
            Scale scale = log ? Scale.log(min, max) : Scale.linear(max);
            // Legend.
            // Legend, on a second line when the series do not fit on one.
            int legendX = 20;
            int legendY = 40;
            for (int s = 0; s < series.length; s++) {
                int width = 20 + g.getFontMetrics().stringWidth(series[s]) + 16;
                if (legendX > 20 && legendX + width > WIDTH - 20) {
                    legendX = 20;
                    legendY += 18;
                }
                g.setColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                g.fillRect(legendX, legendY, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(series[s], legendX + 16, legendY + 11);
                legendX += width;
            }
            // Axis and grid.
            g.setColor(new Color(0xDDDDDD));
            for (double tick : scale.ticks()) {
                int y = scale.y(tick, top, bottom);
                g.drawLine(left, y, right, y);
            }
            g.setColor(Color.BLACK);
            g.drawLine(left, top, left, bottom);
            g.drawLine(left, bottom, right, bottom);
            FontMetrics metrics = g.getFontMetrics();
            for (double tick : scale.ticks()) {
                int y = scale.y(tick, top, bottom);
                String label = tick < 1 && log ? String.valueOf(tick) : format("%.0f", tick);
                g.drawString(label, left - 6 - metrics.stringWidth(label), y + 4);
            }
            g.rotate(-Math.PI / 2);
            g.drawString(unit, -(top + bottom) / 2 - metrics.stringWidth(unit) / 2, 16);
            g.rotate(Math.PI / 2);
            // Bars.
            int groupWidth = (right - left) / groups.length;
            int barWidth = (groupWidth - 30) / series.length;
            Font small = plain.deriveFont(10f);
            for (int i = 0; i < groups.length; i++) {
                int groupX = left + i * groupWidth + 15;
                for (int s = 0; s < series.length; s++) {
                    int x = groupX + s * barWidth;
                    int y = scale.y(values[i][s], top, bottom);
                    g.setColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                    g.fillRect(x + 2, y, barWidth - 4, bottom - y);
                    g.setColor(Color.BLACK);
                    if (low != null && high != null) {
                        int yLow = scale.y(low[i][s], top, bottom);
                        int yHigh = scale.y(high[i][s], top, bottom);
                        int center = x + barWidth / 2;
                        g.setStroke(new BasicStroke(1.5f));
                        g.drawLine(center, yLow, center, yHigh);
                        g.drawLine(center - 4, yHigh, center + 4, yHigh);
                        g.drawLine(center - 4, yLow, center + 4, yLow);
                        g.setStroke(new BasicStroke(1f));
                    }
                    g.setFont(small);
                    String text = format(valueFormat, values[i][s]);
                    int textX = x + barWidth / 2 - g.getFontMetrics().stringWidth(text) / 2;
                    g.drawString(text, textX, Math.min(y, high != null ? scale.y(high[i][s], top, bottom) : y)
                            - 4);
                    g.setFont(plain);
                }
                String group = groups[i];
                g.drawString(group, left + i * groupWidth + groupWidth / 2 - metrics.stringWidth(group) / 2,
                        bottom + 20);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where values go on the chart's vertical axis. */
    private static final class Scale {
        private final boolean log;
        private final double low;
        private final double high;

        private Scale(boolean log, double low, double high) {
            this.log = log;
            this.low = low;
            this.high = high;
        }

        static Scale linear(double max) {
            return new Scale(false, 0, niceCeiling(max));
        }

        /** From the power of ten at or below {@code min} to the one at or above {@code max}. */
        static Scale log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(min > 0 && min < Double.MAX_VALUE ? min : 0.01)));
            double high = Math.pow(10, Math.ceil(Math.log10(max > low ? max : low * 10)));
            return new Scale(true, low, high);
        }

        double[] ticks() {
            if (this.log) {
                int count = (int) Math.round(Math.log10(this.high / this.low)) + 1;
                double[] ticks = new double[count];
                for (int i = 0; i < count; i++) {
                    ticks[i] = this.low * Math.pow(10, i);
                }
                return ticks;
            }
            double[] ticks = new double[6];
            for (int i = 0; i <= 5; i++) {
                ticks[i] = this.high * i / 5.0;
            }
            return ticks;
        }

        int y(double value, int top, int bottom) {
            double fraction;
            if (this.log) {
                if (!(value > 0)) {
                    return bottom;
                }
                fraction = Math.log10(value / this.low) / Math.log10(this.high / this.low);
            } else {
                fraction = value / this.high;
            }
            fraction = Math.max(0, Math.min(1, fraction));
            return bottom - (int) Math.round((bottom - top) * fraction);
        }
    }

    private static String format(String valueFormat, double value) {
        return String.format(java.util.Locale.ROOT, valueFormat, value);
    }

    /** @return 1, 2 or 5 times a power of ten, at least {@code value} */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
