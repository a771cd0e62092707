package dev.benchbook.xlang;

import dev.benchbook.stats.Comparison;
import dev.benchbook.stats.ConfidenceIntervals;
import dev.benchbook.stats.Descriptive;
import dev.benchbook.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a cross-language comparison, and its figures.
 *
 * <ul>
 *   <li><b>mean_ns</b> with <b>ci_low_ns</b>/<b>ci_high_ns</b>: the mean wall time of the timed runs, with
 *       its seeded BCa bootstrap interval at the comparison's level; <b>median_ns</b> beside it.
 *   <li><b>user_ns</b>, <b>sys_ns</b>: mean CPU time of the child; <b>peak_rss_bytes</b>: the median over
 *       timed runs of the child's own peak resident set.
 *   <li><b>ratio</b>: mean wall time over the reference's mean; above 1 is slower. <b>ratio_ci_low</b> and
 *       <b>ratio_ci_high</b> are its BCa bootstrap interval, both samples resampled independently
 *       ({@link Comparison#ratioOfMeans}). Only implementations whose output agreed with the reference's
 *       have a ratio; the others' are NaN.
 *   <li><b>memory_ratio</b>: median peak RSS over the reference's.
 *   <li><b>determinism_score</b>: the share of this implementation's runs at the timed size (validation,
 *       warmup and timed) whose output is byte-identical to the validated output; 1.0 means every run
 *       printed the same thing.
 *   <li><b>predictability_score</b>: {@code 1 / (1 + cv)}, where {@code cv} is the coefficient of
 *       variation (standard deviation over mean) of the timed runs' wall times; 1.0 means no run-to-run
 *       variation, 0.5 a standard deviation as large as the mean. {@code cv} is a column too.
 * </ul>
 */
public final class ComparisonResult {
    /** Bootstrap resamples of every interval. */
    public static final int RESAMPLES = 10_000;

    private final String workload;
    private final String reference;
    private final List<String> args;
    private final List<String> smallArgs;
    private final Validation validation;
    private final int warmup;
    private final int runs;
    private final Order order;
    private final long seed;
    private final double level;
    private final Map<String, ImplementationResult> results = new LinkedHashMap<>();
    private final Map<String, Figures> figures = new LinkedHashMap<>();

    /** One implementation's figures; NaN where not measured. */
    public record Figures(int n, Estimate mean, double median, double userNs, double sysNs, double peakRss,
            Estimate ratio, double memoryRatio, double determinism, double cv, double predictability) {}

    ComparisonResult(String workload, String reference, List<String> args, List<String> smallArgs,
            Validation validation, int warmup, int runs, Order order, long seed, double level,
            List<ImplementationResult> results) {
        this.workload = workload;
        this.reference = reference;
        this.args = List.copyOf(args);
        this.smallArgs = smallArgs == null ? null : List.copyOf(smallArgs);
        this.validation = validation;
        this.warmup = warmup;
        this.runs = runs;
        this.order = order;
        this.seed = seed;
        this.level = level;
        for (ImplementationResult r : results) {
            this.results.put(r.name(), r);
        }
        ImplementationResult ref = this.results.get(reference);
        for (ImplementationResult r : results) {
            figures.put(r.name(), figures(r, ref));
        }
    }

    private Figures figures(ImplementationResult r, ImplementationResult ref) {
        double[] wall = r.wallNs();
        Estimate nan = new Estimate(Double.NaN, Double.NaN, Double.NaN, level);
        if (wall.length == 0) {
            return new Figures(0, nan, Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan, Double.NaN,
                    determinism(r), Double.NaN, Double.NaN);
        }
        Descriptive d = Descriptive.of(wall);
        Estimate mean = ConfidenceIntervals.bootstrap(wall, level, RESAMPLES, seed);
        List<RunRecord> timed = r.timed();
        double user = timed.stream().mapToLong(RunRecord::userNs).average().orElse(Double.NaN);
        double sys = timed.stream().mapToLong(RunRecord::sysNs).average().orElse(Double.NaN);
        double rss = median(timed.stream().mapToDouble(RunRecord::peakRssBytes).toArray());
        Estimate ratio = nan;
        double memory = Double.NaN;
        if (r.ok() && ref != null && ref.ok() && ref.wallNs().length >= 2 && wall.length >= 2) {
            ratio = r == ref ? new Estimate(1, 1, 1, level)
                    : Comparison.ratioOfMeans(ref.wallNs(), wall, level, RESAMPLES, seed);
            double refRss = median(ref.timed().stream().mapToDouble(RunRecord::peakRssBytes).toArray());
            memory = refRss > 0 ? rss / refRss : Double.NaN;
        }
        double cv = d.mean() > 0 ? d.stddev() / d.mean() : Double.NaN;
        return new Figures(wall.length, mean, d.median(), user, sys, rss, ratio, memory, determinism(r), cv,
                Double.isNaN(cv) ? Double.NaN : 1 / (1 + cv));
    }

    private static double determinism(ImplementationResult r) {
        if (r.outputHash().isEmpty() || r.runs().isEmpty()) {
            return Double.NaN;
        }
        long same = r.runs().stream().filter(x -> x.outputHash().equals(r.outputHash())).count();
        return (double) same / r.runs().size();
    }

    private static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The workload's name. */
    public String workload() {
        return workload;
    }

    /** The reference implementation's name. */
    public String reference() {
        return reference;
    }

    /** The timed runs' arguments. */
    public List<String> args() {
        return args;
    }

    /** The small check's arguments, or empty when there was none. */
    public Optional<List<String>> smallArgs() {
        return Optional.ofNullable(smallArgs);
    }

    /** How outputs were compared. */
    public Validation validation() {
        return validation;
    }

    /**
     * Warmup runs per implementation: in {@link Order#INTERLEAVED} order the validation run is the first, in
     * {@link Order#SEQUENTIAL} order each block has this many of its own.
     */
    public int warmup() {
        return warmup;
    }

    /** Timed runs per implementation. */
    public int runs() {
        return runs;
    }

    /** The order the warmup and timed runs went in. */
    public Order order() {
        return order;
    }

    /** The seed of the round order and the bootstrap. */
    public long seed() {
        return seed;
    }

    /** The confidence level of every interval. */
    public double level() {
        return level;
    }

    /** Every implementation's outcome, in definition order. */
    public List<ImplementationResult> implementations() {
        return List.copyOf(results.values());
    }

    /**
     * One implementation's outcome.
     *
     * @throws IllegalArgumentException naming the implementations there are
     */
    public ImplementationResult implementation(String name) {
        ImplementationResult r = results.get(name);
        if (r == null) {
            throw new IllegalArgumentException("implementation \"" + name + "\" is not in the " + workload
                    + " comparison; use one of " + results.keySet());
        }
        return r;
    }

    /** One implementation's figures. */
    public Figures figures(String name) {
        implementation(name);
        return figures.get(name);
    }

    /** True when some implementation has instruction counts or was asked for them. */
    public boolean hasInstructions() {
        return results.values().stream().anyMatch(r -> r.counts() != null || !r.countsProblem().isEmpty());
    }

    /**
     * One row per implementation; see the class description for the figures. Columns: implementation,
     * language, status, n, mean_ns, ci_low_ns, ci_high_ns, median_ns, user_ns, sys_ns, peak_rss_bytes, ratio,
     * ratio_ci_low, ratio_ci_high, memory_ratio, output_hash, valid, determinism_score, cv,
     * predictability_score, toolchain, build, problem, command (the timed runs' argument vector, quoted for a
     * shell, to rerun by hand or with another tool); with instruction counts also instructions,
     * l1_misses, ll_misses, estimated_cycles and instructions_indicative.
     */
    public Table summary() {
        StringColumn impl = StringColumn.create("implementation");
        StringColumn lang = StringColumn.create("language");
        StringColumn status = StringColumn.create("status");
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean_ns");
        DoubleColumn lo = DoubleColumn.create("ci_low_ns");
        DoubleColumn hi = DoubleColumn.create("ci_high_ns");
        DoubleColumn med = DoubleColumn.create("median_ns");
        DoubleColumn user = DoubleColumn.create("user_ns");
        DoubleColumn sys = DoubleColumn.create("sys_ns");
        DoubleColumn rss = DoubleColumn.create("peak_rss_bytes");
        DoubleColumn ratio = DoubleColumn.create("ratio");
        DoubleColumn rlo = DoubleColumn.create("ratio_ci_low");
        DoubleColumn rhi = DoubleColumn.create("ratio_ci_high");
        DoubleColumn mem = DoubleColumn.create("memory_ratio");
        StringColumn hash = StringColumn.create("output_hash");
        BooleanColumn valid = BooleanColumn.create("valid");
        DoubleColumn det = DoubleColumn.create("determinism_score");
        DoubleColumn cv = DoubleColumn.create("cv");
        DoubleColumn pred = DoubleColumn.create("predictability_score");
        StringColumn tool = StringColumn.create("toolchain");
        StringColumn build = StringColumn.create("build");
        StringColumn problem = StringColumn.create("problem");
        StringColumn command = StringColumn.create("command");
        LongColumn ins = LongColumn.create("instructions");
        LongColumn l1 = LongColumn.create("l1_misses");
        LongColumn ll = LongColumn.create("ll_misses");
        LongColumn cyc = LongColumn.create("estimated_cycles");
        BooleanColumn indicative = BooleanColumn.create("instructions_indicative");
        for (ImplementationResult r : results.values()) {
            Figures f = figures.get(r.name());
            impl.append(r.name());
            lang.append(r.implementation().language().label());
            status.append(r.status().label());
            n.append(f.n());
            mean.append(f.mean().point());
            lo.append(f.mean().low());
            hi.append(f.mean().high());
            med.append(f.median());
            user.append(f.userNs());
            sys.append(f.sysNs());
            rss.append(f.peakRss());
            ratio.append(f.ratio().point());
            rlo.append(f.ratio().low());
            rhi.append(f.ratio().high());
            mem.append(f.memoryRatio());
            hash.append(r.outputHash());
            valid.append(r.ok());
            det.append(f.determinism());
            cv.append(f.cv());
            pred.append(f.predictability());
            tool.append(r.toolchain() == null ? "" : r.toolchain().description());
            build.append(r.build() == null ? (r.implementation().built() ? "failed" : "none")
                    : r.build().cached() ? "cached" : String.format(java.util.Locale.ROOT, "built in %.1f s",
                            r.build().buildNs() / 1e9));
            problem.append(r.ok() ? r.countsProblem() : r.problem());
            command.append(String.join(" ", r.command().stream().map(ComparisonResult::shellQuote).toList()));
            InstructionCounts c = r.counts();
            if (c == null) {
                ins.appendMissing();
                l1.appendMissing();
                ll.appendMissing();
                cyc.appendMissing();
                indicative.appendMissing();
            } else {
                ins.append(c.instructions());
                l1.append(c.l1Misses());
                ll.append(c.llMisses());
                cyc.append(c.estimatedCycles());
                indicative.append(c.indicative());
            }
        }
        Table t = Table.create(workload + ": relative to " + reference + " (" + pct(level) + " intervals)", impl,
                lang, status, n, mean, lo, hi, med, user, sys, rss, ratio, rlo, rhi, mem, hash, valid, det, cv, pred,
                tool, build, problem, command);
        if (hasInstructions()) {
            t.addColumns(ins, l1, ll, cyc, indicative);
        }
        return t;
    }

    /**
     * Every run at the timed size: implementation, phase, round, position, wall_ns, user_ns, sys_ns,
     * peak_rss_bytes, output_hash. {@code position} is the run's place in its round's shuffled order.
     */
    public Table runsTable() {
        StringColumn impl = StringColumn.create("implementation");
        StringColumn phase = StringColumn.create("phase");
        IntColumn round = IntColumn.create("round");
        IntColumn pos = IntColumn.create("position");
        LongColumn wall = LongColumn.create("wall_ns");
        LongColumn user = LongColumn.create("user_ns");
        LongColumn sys = LongColumn.create("sys_ns");
        LongColumn rss = LongColumn.create("peak_rss_bytes");
        StringColumn hash = StringColumn.create("output_hash");
        for (ImplementationResult r : results.values()) {
            for (RunRecord x : r.runs()) {
                impl.append(x.implementation());
                phase.append(x.phase().label());
                round.append(x.round());
                pos.append(x.position());
                wall.append(x.wallNs());
                user.append(x.userNs());
                sys.append(x.sysNs());
                rss.append(x.peakRssBytes());
                hash.append(x.outputHash());
            }
        }
        return Table.create(workload + ": runs", impl, phase, round, pos, wall, user, sys, rss, hash);
    }

    /** Implementations that are not ok, with the stage and the message: implementation, status, problem. */
    public Table problems() {
        StringColumn impl = StringColumn.create("implementation");
        StringColumn status = StringColumn.create("status");
        StringColumn problem = StringColumn.create("problem");
        for (ImplementationResult r : results.values()) {
            if (!r.ok()) {
                impl.append(r.name());
                status.append(r.status().label());
                problem.append(r.problem());
            } else if (!r.countsProblem().isEmpty()) {
                impl.append(r.name());
                status.append("instructions-unavailable");
                problem.append(r.countsProblem());
            }
        }
        return Table.create(workload + ": problems", impl, status, problem);
    }

    /**
     * Callgrind's per-function costs of one implementation: method, self_instructions, self_pct,
     * total_instructions, total_pct.
     *
     * @throws IllegalArgumentException if the implementation is unknown or has no counts (why is in the
     *     message)
     */
    public Table profile(String name) {
        ImplementationResult r = implementation(name);
        if (r.counts() == null) {
            throw new IllegalArgumentException("profile(\"" + name + "\"): there are no instruction counts for "
                    + name + (r.countsProblem().isEmpty() ? "; add .instructions() to the comparison"
                            : ": " + r.countsProblem()));
        }
        return r.counts().functions();
    }

    /**
     * The geometric mean of each implementation's ratio over several comparisons (one per workload), by
     * implementation name: implementation, workloads, geomean_ratio, min_ratio, max_ratio. A geometric mean
     * of ratios summarises how an implementation fares on these workloads only, and hides how much the
     * ratios vary between them (min and max show it); an implementation counts only the workloads where it
     * has a ratio, so compare geomeans only between rows with the same {@code workloads}.
     */
    public static Table geomean(List<ComparisonResult> comparisons) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (ComparisonResult c : comparisons) {
            for (ImplementationResult r : c.results.values()) {
                double x = c.figures.get(r.name()).ratio().point();
                List<Double> l = ratios.computeIfAbsent(r.name(), k -> new ArrayList<>());
                if (x > 0 && Double.isFinite(x)) {
                    l.add(x);
                }
            }
        }
        StringColumn impl = StringColumn.create("implementation");
        IntColumn count = IntColumn.create("workloads");
        DoubleColumn geo = DoubleColumn.create("geomean_ratio");
        DoubleColumn min = DoubleColumn.create("min_ratio");
        DoubleColumn max = DoubleColumn.create("max_ratio");
        for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
            List<Double> l = e.getValue();
            impl.append(e.getKey());
            count.append(l.size());
            geo.append(l.isEmpty() ? Double.NaN : Math.exp(l.stream().mapToDouble(Math::log).average().orElseThrow()));
            min.append(l.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            max.append(l.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
        return Table.create("geometric mean of ratios over " + comparisons.size() + " workloads", impl, count, geo,
                min, max);
    }

    static String shellQuote(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String pct(double level) {
        double p = level * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    @Override
    public String toString() {
        return summary().printAll();
    }
}
