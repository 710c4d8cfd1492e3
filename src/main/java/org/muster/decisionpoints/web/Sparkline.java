package org.muster.decisionpoints.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A trend line drawn on the server as inline SVG: the daily values scaled into a
 * {@value #WIDTH} by {@value #HEIGHT} view box, from zero (or the lowest value) to the higher of the
 * highest value and the threshold, with the threshold as a dashed line. Days before the first
 * report are left out; no script is needed to see it.
 */
record Sparkline(String points, String thresholdY, String label) {
    static final int WIDTH = 120;
    static final int HEIGHT = 28;
    private static final double PAD = 2;

    static Sparkline of(List<BigDecimal> series, BigDecimal threshold, String unit) {
        double min = 0;
        double max = threshold == null ? 1 : threshold.doubleValue();
        for (BigDecimal v : series) {
            if (v != null) {
                min = Math.min(min, v.doubleValue());
                max = Math.max(max, v.doubleValue());
            }
        }
        if (max <= min) {
            max = min + 1;
        }
        StringJoiner points = new StringJoiner(" ");
        double step = series.size() > 1 ? (double) WIDTH / (series.size() - 1) : 0;
        BigDecimal first = null;
        BigDecimal last = null;
        for (int i = 0; i < series.size(); i++) {
            BigDecimal v = series.get(i);
            if (v == null) {
                continue;
            }
            first = first == null ? v : first;
            last = v;
            points.add(number(i * step) + "," + number(y(v.doubleValue(), min, max)));
        }
        String label = last == null
                ? "Nothing reported in the last " + series.size() + " days"
                : "Over the last " + series.size() + " days " + unit + " went from " + first.toPlainString() + " to "
                        + last.toPlainString();
        return new Sparkline(
                points.toString(), threshold == null ? null : number(y(threshold.doubleValue(), min, max)), label);
    }

    private static double y(double value, double min, double max) {
        return HEIGHT - PAD - (value - min) / (max - min) * (HEIGHT - 2 * PAD);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
