package dev.benchbook.calibration.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The finished comparison: rows, pitfall pairs, the time check and the verdicts, with its text,
 * Markdown and CSV renderings. Immutable; built once from the measurements by {@link #create}.
 */
public final class CalibrationReport {
    private final List<String> context;
    private final List<Row> rows;
    private final List<Measurement> measurements;
    private final TimeModel jmhDefault;
    private final int rounds;
    private final List<Verdict> verdicts;

    private CalibrationReport(List<String> context, List<Row> rows, List<Measurement> measurements,
            TimeModel jmhDefault) {
        this.context = List.copyOf(context);
        this.rows = List.copyOf(rows);
        this.measurements = List.copyOf(measurements);
        this.jmhDefault = jmhDefault;
        this.rounds = measurements.stream().mapToInt(Measurement::round).max().orElse(0);
        this.verdicts = judge();
    }

    /**
     * Compares the tools on every workload that both measured.
     *
     * @param context lines describing the run (settings, JVMs), printed first
     * @param roles every workload id in report order, with its role
     * @param measurements every round of both tools
     * @param jmhDefault the computed wall time of a JMH run at its defaults
     */
    public static CalibrationReport create(List<String> context, Map<String, Role> roles,
            List<Measurement> measurements, TimeModel jmhDefault) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Role> w : roles.entrySet()) {
            List<Measurement> jmh = of(measurements, w.getKey(), Tool.JMH);
            List<Measurement> bb = of(measurements, w.getKey(), Tool.BENCHBOOK);
            if (jmh.isEmpty() || bb.isEmpty()) {
                continue;
            }
            rows.add(new Row(w.getKey(), w.getValue(), Comparison.combine(jmh), Comparison.combine(bb), stops(bb)));
        }
        return new CalibrationReport(context, rows, measurements, jmhDefault);
    }

    /** The compared workloads, in report order. */
    public List<Row> rows() {
        return rows;
    }

    /** Every target checked, in report order. */
    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** Whether every target is met. */
    public boolean allPass() {
        return verdicts.stream().allMatch(Verdict::pass);
    }

    private List<Verdict> judge() {
        List<Verdict> v = new ArrayList<>();
        double[] deviations = agreementRows().stream().mapToDouble(Row::deviation).toArray();
        if (deviations.length > 0) {
            double median = Comparison.median(deviations);
            v.add(new Verdict("median |Benchbook/JMH − 1| over " + deviations.length + " workloads", pct(median),
                    "≤ " + pct0(Targets.MEDIAN_DEVIATION), median <= Targets.MEDIAN_DEVIATION));
            Row worst = worstRow();
            v.add(new Verdict("worst |Benchbook/JMH − 1| (" + worst.workload() + ")", pct(worst.deviation()),
                    "≤ " + pct0(Targets.WORST_DEVIATION), worst.deviation() <= Targets.WORST_DEVIATION));
        }
        Optional<Row> correct = row(Role.PITFALL_CORRECT);
        if (correct.isPresent()) {
            double r = correct.get().ratio();
            if (row(Role.DEAD_CODE).isPresent()) {
                v.add(new Verdict("dead code: Benchbook returned ÷ JMH returned", ratio(r),
                        "≥ " + Targets.PITFALL_RATIO, r >= Targets.PITFALL_RATIO));
            }
            if (row(Role.CONSTANT_FOLDED).isPresent()) {
                v.add(new Verdict("constant folding: Benchbook state ÷ JMH state", ratio(r),
                        "≥ " + Targets.PITFALL_RATIO, r >= Targets.PITFALL_RATIO));
            }
        }
        if (!rows.isEmpty()) {
            Row slowest = rows.stream().max(Comparator.comparingDouble(this::timeRatio)).orElseThrow();
            double t = timeRatio(slowest);
            v.add(new Verdict("Benchbook default wall ÷ JMH default wall, worst (" + slowest.workload() + ")",
                    ratio(t), "≤ " + Targets.TIME_RATIO, t <= Targets.TIME_RATIO));
        }
        return List.copyOf(v);
    }

    private List<Row> agreementRows() {
        return rows.stream().filter(r -> r.role().countsForAgreement()).toList();
    }

    /** The agreement rows and the harness-overhead row, as the agreement table shows them. */
    private List<Row> tableRows() {
        return rows.stream().filter(r -> r.role().countsForAgreement() || r.role() == Role.HARNESS_OVERHEAD).toList();
    }

    /** Median and worst deviation with the harness-overhead row counted too; empty if there is none. */
    private Optional<String> withOverheadLine() {
        if (row(Role.HARNESS_OVERHEAD).isEmpty()) {
            return Optional.empty();
        }
        double[] d = tableRows().stream().mapToDouble(Row::deviation).toArray();
        Row worst = tableRows().stream().max(Comparator.comparingDouble(Row::deviation)).orElseThrow();
        return Optional.of("  for information, counting " + row(Role.HARNESS_OVERHEAD).get().workload()
                + " too: median " + pct(Comparison.median(d)) + ", worst " + pct(worst.deviation()) + " ("
                + worst.workload() + ")\n");
    }

    private Row worstRow() {
        return agreementRows().stream().max(Comparator.comparingDouble(Row::deviation)).orElseThrow();
    }

    private Optional<Row> row(Role role) {
        return rows.stream().filter(r -> r.role() == role).findFirst();
    }

    private double timeRatio(Row r) {
        return r.benchbook().meanWallSeconds() / jmhDefault.totalSeconds();
    }

    // ---- tables shared by the text and Markdown renderings

    private Grid agreementGrid() {
        Grid g = Grid.of("workload", "JMH ns/op ± 99.9%", "JMH ±%", "Benchbook ns/op [99.9% CI]", "BB/JMH",
                "|BB/JMH−1|", "ratio range", "Benchbook stop");
        for (Row r : tableRows()) {
            String name = r.role() == Role.HARNESS_OVERHEAD ? r.workload() + " (not counted)" : r.workload();
            g = g.with(name, jmhCell(r.jmh()), pct(r.jmh().relativeHalfWidth()), benchbookCell(r.benchbook()),
                    ratio(r.ratio()), pct(r.deviation()), ratioRange(r), r.benchbookStops());
        }
        return g;
    }

    private Grid roundsGrid() {
        List<String> headers = new ArrayList<>(List.of("workload", "tool"));
        for (int i = 1; i <= rounds; i++) {
            headers.add("round " + i);
        }
        headers.add("± half-spread");
        headers.add("wall s/round");
        headers.add("machine busy");
        headers.add("early drift");
        Grid g = new Grid(headers, List.of());
        for (Row r : rows) {
            for (Tool tool : Tool.values()) {
                Combined c = tool == Tool.JMH ? r.jmh() : r.benchbook();
                List<String> cells = new ArrayList<>(List.of(r.workload(), tool.label()));
                double[] means = c.roundMeansNs();
                for (int i = 0; i < rounds; i++) {
                    cells.add(i < means.length ? ns(means[i]) : "");
                }
                cells.add(pct(c.roundSpread()));
                cells.add(String.format(Locale.ROOT, "%.1f", c.meanWallSeconds()));
                cells.add(of(measurements, r.workload(), tool).stream().map(m -> busy(m.machineBusy()))
                        .collect(Collectors.joining(" ")));
                cells.add(of(measurements, r.workload(), tool).stream().map(m -> signedPct(m.earlyDrift()))
                        .collect(Collectors.joining(" ")));
                g = g.with(cells.toArray(String[]::new));
            }
        }
        return g;
    }

    private Optional<Grid> pitfallGrid(Role pitfall, String correctName, String pitfallName) {
        Optional<Row> correct = row(Role.PITFALL_CORRECT);
        Optional<Row> wrong = row(pitfall);
        if (correct.isEmpty() || wrong.isEmpty()) {
            return Optional.empty();
        }
        Row c = correct.get();
        Row w = wrong.get();
        return Optional.of(Grid.of("variant", "JMH ns/op ± 99.9%", "Benchbook ns/op [99.9% CI]", "BB/JMH")
                .with(correctName + " (" + c.workload() + ")", jmhCell(c.jmh()), benchbookCell(c.benchbook()),
                        ratio(c.ratio()))
                .with(pitfallName + " (" + w.workload() + ")", jmhCell(w.jmh()), benchbookCell(w.benchbook()),
                        ratio(w.ratio()))
                .with(pitfallName + " ÷ " + correctName, ratio(w.jmh().meanNs() / c.jmh().meanNs()),
                        ratio(w.benchbook().meanNs() / c.benchbook().meanNs()), ""));
    }

    private Grid timeGrid() {
        Grid g = Grid.of("workload", "Benchbook default wall s", "JMH default wall s", "ratio");
        for (Row r : rows) {
            g = g.with(r.workload(), String.format(Locale.ROOT, "%.1f", r.benchbook().meanWallSeconds()),
                    String.format(Locale.ROOT, "%.1f", jmhDefault.totalSeconds()), ratio(timeRatio(r)));
        }
        double bbTotal = rows.stream().mapToDouble(r -> r.benchbook().meanWallSeconds()).sum();
        double jmhTotal = jmhDefault.totalSeconds() * rows.size();
        return g.with("all", String.format(Locale.ROOT, "%.1f", bbTotal), String.format(Locale.ROOT, "%.1f", jmhTotal),
                ratio(bbTotal / jmhTotal));
    }

    private Grid verdictGrid() {
        Grid g = Grid.of("check", "measured", "target", "verdict");
        for (Verdict v : verdicts) {
            g = g.with(v.name(), v.measured(), v.target(), v.label());
        }
        return g;
    }

    // ---- renderings

    /** The report as plain text for a terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Benchbook calibration: the same workloads under JMH and Benchbook\n");
        context.forEach(l -> b.append("  ").append(l).append('\n'));
        b.append("\nAgreement (rounds combined: mean of round means; interval half-widths combined as"
                + " sqrt(sum h²)/rounds)\n");
        b.append(agreementGrid().toText());
        verdicts.stream().filter(v -> v.name().contains("|Benchbook/JMH"))
                .forEach(v -> b.append(verdictLine(v)));
        withOverheadLine().ifPresent(b::append);
        referenceNote().ifPresent(b::append);
        b.append("\nPer round (ns/op; machine busy: share of all CPUs in use during the run, ~50% on 2 CPUs when only"
                + " the benchmark runs;\n early drift: first fifth of measured iterations ÷ the rest − 1, > 0 when"
                + " measuring began before the JIT was done)\n").append(roundsGrid().toText());
        pitfallGrid(Role.DEAD_CODE, "returned", "discarded").ifPresent(g -> {
            b.append("\nPitfall: dead code (result returned vs discarded)\n").append(g.toText());
            verdicts.stream().filter(v -> v.name().startsWith("dead code")).forEach(v -> b.append(verdictLine(v)));
        });
        pitfallGrid(Role.CONSTANT_FOLDED, "state", "constant").ifPresent(g -> {
            b.append("\nPitfall: constant folding (input from state vs literal)\n").append(g.toText());
            verdicts.stream().filter(v -> v.name().startsWith("constant")).forEach(v -> b.append(verdictLine(v)));
        });
        b.append("\nTime: Benchbook's default run (mean per round) vs JMH's default run (computed)\n");
        b.append(timeGrid().toText());
        b.append("JMH default = ").append(jmhDefault.describe()).append('\n');
        verdicts.stream().filter(v -> v.name().contains("wall")).forEach(v -> b.append(verdictLine(v)));
        b.append("\nVerdicts\n").append(verdictGrid().toText());
        return b.toString();
    }

    /** The report as Markdown. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchbook calibration\n\n");
        context.forEach(l -> b.append("- ").append(l).append('\n'));
        b.append("\n## Agreement\n\nns/op. JMH: score ± 99.9% error; Benchbook: mean [99.9% CI]. Rounds combined:"
                + " mean of round means; interval half-widths combined as sqrt(sum h²)/rounds.\n\n");
        b.append(agreementGrid().toMarkdown()).append('\n');
        withOverheadLine().ifPresent(l -> b.append(l.strip()).append("\n\n"));
        referenceNote().ifPresent(l -> b.append(l.strip()).append("\n\n"));
        b.append("## Per round\n\nns/op\n\n").append(roundsGrid().toMarkdown()).append('\n');
        pitfallGrid(Role.DEAD_CODE, "returned", "discarded").ifPresent(g ->
                b.append("## Pitfall: dead code\n\n").append(g.toMarkdown()).append('\n'));
        pitfallGrid(Role.CONSTANT_FOLDED, "state", "constant").ifPresent(g ->
                b.append("## Pitfall: constant folding\n\n").append(g.toMarkdown()).append('\n'));
        b.append("## Time\n\nBenchbook's default run (mean per round) vs JMH's default run, computed: ")
                .append(jmhDefault.describe()).append("\n\n").append(timeGrid().toMarkdown()).append('\n');
        b.append("## Verdicts\n\n").append(verdictGrid().toMarkdown());
        return b.toString();
    }

    /** One row per workload with both tools' combined figures, the ratio and the time check; raw numbers. */
    public String toCsv() {
        Grid g = Grid.of("workload", "role", "jmh_score_ns", "jmh_ci_low_ns", "jmh_ci_high_ns", "benchbook_mean_ns",
                "benchbook_ci_low_ns", "benchbook_ci_high_ns", "ratio", "deviation", "ratio_low", "ratio_high",
                "jmh_round_spread",
                "benchbook_round_spread", "benchbook_stops", "jmh_wall_s_per_round", "benchbook_wall_s_per_round",
                "jmh_default_wall_s", "time_ratio");
        for (Row r : rows) {
            g = g.with(r.workload(), r.role().name().toLowerCase(Locale.ROOT), raw(r.jmh().meanNs()),
                    raw(r.jmh().lowNs()), raw(r.jmh().highNs()), raw(r.benchbook().meanNs()),
                    raw(r.benchbook().lowNs()), raw(r.benchbook().highNs()), raw(r.ratio()), raw(r.deviation()),
                    raw(r.ratioLow()), raw(r.ratioHigh()), raw(r.jmh().roundSpread()), raw(r.benchbook().roundSpread()),
                    r.benchbookStops(),
                    raw(r.jmh().meanWallSeconds()), raw(r.benchbook().meanWallSeconds()),
                    raw(jmhDefault.totalSeconds()), raw(timeRatio(r)));
        }
        return g.toCsv();
    }

    /** One row per workload, tool and round; raw numbers. */
    public String roundsCsv() {
        Grid g = Grid.of("workload", "tool", "round", "mean_ns", "ci_low_ns", "ci_high_ns", "n", "stop", "wall_s",
                "machine_busy", "early_drift", "cpu_share");
        for (Measurement m : measurements) {
            g = g.with(m.workload(), m.tool().label(), String.valueOf(m.round()), raw(m.meanNs()), raw(m.lowNs()),
                    raw(m.highNs()), String.valueOf(m.n()), m.stop(), raw(m.wallSeconds()), raw(m.machineBusy()),
                    raw(m.earlyDrift()), raw(m.cpuShare()));
        }
        return g.toCsv();
    }

    // ---- formatting

    private static List<Measurement> of(List<Measurement> all, String workload, Tool tool) {
        return all.stream().filter(m -> m.workload().equals(workload) && m.tool() == tool)
                .sorted(Comparator.comparingInt(Measurement::round)).toList();
    }

    private static String stops(List<Measurement> rounds) {
        Map<String, Long> counts = rounds.stream()
                .collect(Collectors.groupingBy(Measurement::stop, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String ratioRange(Row r) {
        return "[" + ratio(r.ratioLow()) + ", " + ratio(r.ratioHigh()) + "]" + (r.agreesWithinErrors() ? "" : " *");
    }

    /** How many agreement rows have a JMH error wider than the median target, as a note for the reader. */
    private Optional<String> referenceNote() {
        List<Row> rows = agreementRows();
        long wide = rows.stream().filter(r -> r.jmh().relativeHalfWidth() > Targets.MEDIAN_DEVIATION).count();
        long disagree = rows.stream().filter(r -> !r.agreesWithinErrors()).count();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("  ratio range: Benchbook's interval ÷ JMH's, * where the two intervals do not overlap ("
                + disagree + " of " + rows.size() + "); JMH's own 99.9% error exceeds " + pct0(Targets.MEDIAN_DEVIATION)
                + " on " + wide + " of " + rows.size() + " workloads\n");
    }

    private static String verdictLine(Verdict v) {
        return "  " + v.name() + ": " + v.measured() + " (target " + v.target() + ") " + v.label() + "\n";
    }

    private static String jmhCell(Combined c) {
        return ns(c.meanNs()) + " ± " + ns((c.highNs() - c.lowNs()) / 2);
    }

    private static String benchbookCell(Combined c) {
        return ns(c.meanNs()) + " [" + ns(c.lowNs()) + ", " + ns(c.highNs()) + "]";
    }

    /** Four significant digits or more, never in exponent form: 0.3412, 12.34, 1234.5, 4123456. */
    static String ns(double x) {
        double a = Math.abs(x);
        String f = a < 10 ? "%.3f" : a < 100 ? "%.2f" : a < 10_000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, f, x);
    }

    private static String ratio(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.2f%%", x * 100);
    }

    private static String pct0(double x) {
        return String.format(Locale.ROOT, "%.0f%%", x * 100);
    }

    private static String busy(double share) {
        return Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String signedPct(double x) {
        return Double.isNaN(x) ? "?" : String.format(Locale.ROOT, "%+.0f%%", x * 100);
    }

    private static String raw(double x) {
        return Double.toString(x);
    }

    @Override
    public String toString() {
        return "CalibrationReport[" + rows.size() + " workloads, " + rounds + " rounds, "
                + Arrays.toString(verdicts.stream().map(Verdict::label).toArray()) + "]";
    }
}
