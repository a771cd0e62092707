package dev.benchbook.load;

import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import java.util.List;
import tech.tablesaw.api.Table;

/** The runs of a {@link Load#sweep} at rising rates, and their knee; immutable. */
public final class SweepResult implements Displayable {
    /** The default ratio of achieved to target rate a rate must reach to keep up: 0.95. */
    public static final double DEFAULT_MIN_RATIO = 0.95;
    /** The default p99 bound, as a multiple of the lowest rate's p99: 10. */
    public static final double DEFAULT_P99_FACTOR = 10;
    /** The default p99 bound's floor: 1 ms, so a very fast server's bound is not below timer noise. */
    public static final double DEFAULT_P99_FLOOR_NS = 1_000_000;

    private final List<LoadResult> runs;

    SweepResult(List<LoadResult> runs) {
        this.runs = List.copyOf(runs);
    }

    /** The runs, lowest rate first. */
    public List<LoadResult> runs() {
        return runs;
    }

    /** One {@link LoadResult#summary()} row per rate, lowest first. */
    public Table table() {
        Table t = runs.get(0).summary().copy().setName("load sweep");
        for (int i = 1; i < runs.size(); i++) {
            t.append(runs.get(i).summary());
        }
        return t;
    }

    /**
     * The knee by the default rule: {@link #knee(double, double) knee}({@value #DEFAULT_MIN_RATIO}, bound)
     * where the p99 bound is {@value #DEFAULT_P99_FACTOR} times the lowest rate's p99, and at least 1 ms.
     */
    public Knee knee() {
        double base = runs.get(0).percentileNs(99);
        double bound = Double.isNaN(base) ? DEFAULT_P99_FLOOR_NS : Math.max(DEFAULT_P99_FLOOR_NS, DEFAULT_P99_FACTOR * base);
        return knee(DEFAULT_MIN_RATIO, bound);
    }

    /**
     * The knee: going up from the lowest rate, a rate keeps up when its achieved rate is at least {@code
     * minRatio} of its target, it had no errors and no dropped requests, and its p99 latency is at most {@code
     * p99BoundNs}. The knee is the last rate that keeps up before the first that does not; rates above a
     * failing one are not considered, as a pass above a failure is noise, not capacity.
     *
     * @param minRatio in (0, 1]
     * @param p99BoundNs positive, nanoseconds
     * @throws IllegalArgumentException for values outside those ranges
     */
    public Knee knee(double minRatio, double p99BoundNs) {
        if (!(minRatio > 0 && minRatio <= 1)) {
            throw new IllegalArgumentException("knee(minRatio=" + minRatio + "): must be in (0, 1]; 0.95 means "
                    + "the achieved rate must reach 95% of the target");
        }
        if (!(p99BoundNs > 0)) {
            throw new IllegalArgumentException("knee(p99BoundNs=" + p99BoundNs + "): must be > 0 nanoseconds; "
                    + "e.g. 10_000_000 for 10 ms");
        }
        double knee = Double.NaN;
        for (LoadResult r : runs) {
            String why = failure(r, minRatio, p99BoundNs);
            if (why != null) {
                return new Knee(knee, minRatio, p99BoundNs, Math.round(r.targetRps()) + " rps did not keep up: " + why);
            }
            knee = r.targetRps();
        }
        return new Knee(knee, minRatio, p99BoundNs, "every rate kept up: sweep higher to find the limit");
    }

    private static String failure(LoadResult r, double minRatio, double bound) {
        if (r.achievedRps() < minRatio * r.targetRps()) {
            return String.format("achieved %.0f rps, %.1f%% of target", r.achievedRps(), 100 * r.achievedRps() / r.targetRps());
        }
        if (r.errorCount() > 0) {
            return r.errorCount() + " errors";
        }
        if (r.dropped() > 0) {
            return r.dropped() + " dropped";
        }
        double p99 = r.percentileNs(99);
        if (!(p99 <= bound)) {
            return String.format("p99 %.3f ms over the bound %.3f ms", p99 / 1e6, bound / 1e6);
        }
        return null;
    }

    @Override
    public String toHtml() {
        return "<div class=\"benchbook-load-sweep\"><p><b>" + Html.escape(knee()) + "</b></p>"
                + HtmlTables.render(table(), runs.size()) + "</div>";
    }

    @Override
    public String toText() {
        return knee() + "\n" + table().print();
    }

    @Override
    public String toString() {
        return toText();
    }
}
