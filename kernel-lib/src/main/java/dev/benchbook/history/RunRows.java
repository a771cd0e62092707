package dev.benchbook.history;

import dev.benchbook.metric.Metric;
import dev.benchbook.metric.Metrics;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Descriptive;
import dev.benchbook.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A run taken apart into the rows the store keeps: the raw values (every iteration of every fork, warmup
 * included, and the run-level values) and one estimate per benchmark × params × metric. Pure: no I/O.
 */
final class RunRows {
    /** The iteration of a run-level value ({@link Metric.Scope#PER_RUN}), which belongs to no iteration. */
    static final int RUN_LEVEL = -1;

    private RunRows() {}

    /** Which series a row belongs to. */
    record Key(String benchmark, String params, String metric) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = benchmark.compareTo(o.benchmark);
            if (c == 0) {
                c = params.compareTo(o.params);
            }
            return c != 0 ? c : metric.compareTo(o.metric);
        }
    }

    /** One raw value; NaN is kept as NaN. */
    record Raw(Key key, int fork, int iteration, boolean warmup, double value) {}

    /** A run's estimate of one series: the point its summary shows, the interval when there is one, and how many values. */
    record Point(Key key, double value, double ciLow, double ciHigh, int n, double median) {
        /** A point whose figure is its own median: a total, a peak, a run-level value or a single value. */
        Point(Key key, double value, double ciLow, double ciHigh, int n) {
            this(key, value, ciLow, ciHigh, n, value);
        }
    }

    /** Every raw value of {@code run}, in its order: per benchmark run, per sample wall time then the other metrics, then the run values. */
    static List<Raw> raw(RunResult run) {
        List<Raw> out = new ArrayList<>();
        for (BenchmarkRun r : run.runs()) {
            String params = ParamsKey.of(r.params());
            Key wall = new Key(r.benchmark(), params, Metrics.WALL_NS.id());
            for (IterationSample s : r.samples()) {
                out.add(new Raw(wall, s.fork(), s.index(), s.warmup(), s.wallNsPerOp()));
                for (Map.Entry<String, Double> v : s.values().entrySet()) {
                    out.add(new Raw(new Key(r.benchmark(), params, v.getKey()), s.fork(), s.index(), s.warmup(),
                            v.getValue()));
                }
            }
            for (Map.Entry<String, Double> v : r.runValues().entrySet()) {
                out.add(new Raw(new Key(r.benchmark(), params, v.getKey()), 0, RUN_LEVEL, false, v.getValue()));
            }
        }
        return out;
    }

    /**
     * The estimate of every metric of every benchmark run that ended OK, as the run's summary computes it
     * ({@code RunStats}): wall time and metrics aggregated by their mean get the mean with its Student-t
     * interval at the run's confidence level; a total, a peak or a run-level value is the point alone.
     * A metric without values in a run gets no point.
     */
    static List<Point> points(RunResult run) {
        double level = run.suite().controls().confidence();
        List<Point> out = new ArrayList<>();
        for (BenchmarkRun r : run.runs()) {
            if (r.status() != Status.OK) {
                continue;
            }
            String params = ParamsKey.of(r.params());
            for (Metric m : run.metrics().metrics()) {
                Key key = new Key(r.benchmark(), params, m.id());
                if (m.scope() == Metric.Scope.PER_RUN && !m.id().equals(Metrics.WALL_NS.id())) {
                    double v = r.runValue(m.id());
                    if (!Double.isNaN(v)) {
                        out.add(new Point(key, v, Double.NaN, Double.NaN, 1));
                    }
                    continue;
                }
                double[] xs = r.values(m.id());
                if (xs.length == 0) {
                    continue;
                }
                Metric.Aggregate aggregate = m.id().equals(Metrics.WALL_NS.id()) ? Metric.Aggregate.MEAN : m.aggregate();
                out.add(switch (aggregate) {
                    case SUM -> new Point(key, Arrays.stream(xs).sum(), Double.NaN, Double.NaN, xs.length);
                    case MAX -> new Point(key, Arrays.stream(xs).max().orElseThrow(), Double.NaN, Double.NaN, xs.length);
                    case MEAN -> mean(key, xs, level);
                });
            }
        }
        return out;
    }

    private static Point mean(Key key, double[] xs, double level) {
        if (xs.length < 2) {
            return new Point(key, xs[0], Double.NaN, Double.NaN, 1);
        }
        Estimate e = ConfidenceIntervals.tInterval(xs, level);
        return new Point(key, e.point(), e.low(), e.high(), xs.length, Descriptive.of(xs).median());
    }
}
