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
    private static final Color[] SERIES_COLORS = { new Color(0x9E9E9E), new Color(0x616161), new Color(0x1E88E5),
            new Color(0xF4511E) };

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
        BufferedImage latency = bars("Latency, one message at a time: bar p50, whisker p95 to p99",
                "milliseconds", groups, series, p50, p95, p99, "%.2f");
        ImageIO.write(latency, "png", new File(folder, LATENCY_PNG));
        BufferedImage rates = bars("Sustained rate, " + results.rateMessages + " messages, window "
                + results.window, "messages per second", groups, series, rate, null, null, "%.0f");
        ImageIO.write(rates, "png", new File(folder, RATE_PNG));
    }

    private static BufferedImage bars(String title, String unit, String[] groups, String[] series,
            double[][] values, double[][] low, double[][] high, String valueFormat) {
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
            int top = 70;
            int bottom = HEIGHT - 60;
            double max = 0;
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values[i].length; j++) {
                    max = Math.max(max, high != null ? high[i][j] : values[i][j]);
                }
            }
            double scaleMax = niceCeiling(max);
            // Legend.
            int legendX = 20;
            for (int s = 0; s < series.length; s++) {
                g.setColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                g.fillRect(legendX, 40, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(series[s], legendX + 16, 51);
                legendX += 20 + g.getFontMetrics().stringWidth(series[s]) + 16;
            }
            // Axis and grid.
            g.setColor(new Color(0xDDDDDD));
            for (int tick = 0; tick <= 5; tick++) {
                int y = bottom - (int) ((bottom - top) * tick / 5.0);
                g.drawLine(left, y, right, y);
            }
            g.setColor(Color.BLACK);
            g.drawLine(left, top, left, bottom);
            g.drawLine(left, bottom, right, bottom);
            FontMetrics metrics = g.getFontMetrics();
            for (int tick = 0; tick <= 5; tick++) {
                int y = bottom - (int) ((bottom - top) * tick / 5.0);
                String label = format(valueFormat, scaleMax * tick / 5.0);
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
                    int y = yOf(values[i][s], scaleMax, top, bottom);
                    g.setColor(SERIES_COLORS[s % SERIES_COLORS.length]);
                    g.fillRect(x + 2, y, barWidth - 4, bottom - y);
                    g.setColor(Color.BLACK);
                    if (low != null && high != null) {
                        int yLow = yOf(low[i][s], scaleMax, top, bottom);
                        int yHigh = yOf(high[i][s], scaleMax, top, bottom);
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
                    g.drawString(text, textX, Math.min(y, high != null ? yOf(high[i][s], scaleMax, top, bottom) : y)
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

    private static int yOf(double value, double scaleMax, int top, int bottom) {
        if (!(value > 0)) {
            return bottom;
        }
        return bottom - (int) Math.round((bottom - top) * Math.min(1, value / scaleMax));
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
        for (double step : new double[] { 1, 2, 5, 10 }) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
