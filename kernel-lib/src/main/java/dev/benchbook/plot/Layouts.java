package dev.benchbook.plot;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;

/** The layout every Benchbook figure shares: escaped titles, 450 px high, width from the container. */
final class Layouts {
    /** Figure height in pixels. */
    static final int HEIGHT = 450;
    /** The factor between the largest and smallest typical time from which a time axis is logarithmic. */
    static final double LOG_SPAN = 100;

    private Layouts() {}

    static Layout.LayoutBuilder builder(String title, Axis xAxis, Axis yAxis) {
        return Layout.builder().title(Labels.template(title)).xAxis(xAxis).yAxis(yAxis).autosize(true).height(HEIGHT);
    }

    static Axis axis(String title) {
        return Axis.builder().title(Labels.template(title)).build();
    }

    static Axis axis(String title, Axis.Type type) {
        return Axis.builder().title(Labels.template(title)).type(type).build();
    }

    /**
     * Whether a time axis should be logarithmic: when the medians of the groups drawn on it span a factor
     * of {@link #LOG_SPAN} or more, as sizes 1,000 to 100,000 of an n log n algorithm do, a linear axis
     * would flatten the small ones into a line.
     */
    static boolean logTime(List<double[]> groups) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] g : groups) {
            double[] s = java.util.Arrays.stream(g).filter(Double::isFinite).sorted().toArray();
            if (s.length > 0) {
                double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
                min = Math.min(min, median);
                max = Math.max(max, median);
            }
        }
        return min > 0 && max / min >= LOG_SPAN;
    }

    /** A time axis in {@code scale}'s unit per operation, logarithmic if {@code log}. */
    static Axis timeAxis(String what, TimeScale scale, boolean log) {
        return log ? axis(what + " (" + scale.perOp() + ", log scale)", Axis.Type.LOG)
                : axis(what + " (" + scale.perOp() + ")");
    }

    /** The x axis title for param combinations: the param names, or "benchmark" without params. */
    static String paramsTitle(List<String> paramNames) {
        return paramNames.isEmpty() ? "benchmark" : String.join(", ", paramNames);
    }

    /** A confidence level as a percentage, e.g. 0.999 gives {@code 99.9%}. */
    static String percent(double level) {
        String s = String.format(Locale.ROOT, "%.3f", level * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
