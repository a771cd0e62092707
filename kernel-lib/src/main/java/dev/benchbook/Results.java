package dev.benchbook;

import dev.benchbook.analysis.Finding;
import dev.benchbook.analysis.Findings;
import dev.benchbook.analysis.RunSummary;
import dev.benchbook.baseline.Baselines;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.codec.RunJson;
import dev.benchbook.display.Displayable;
import dev.benchbook.display.Html;
import dev.benchbook.display.HtmlTables;
import dev.benchbook.jmh.JmhJson;
import dev.benchbook.profile.Profile;
import dev.benchbook.profile.Profiles;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.RunResultSource;
import dev.benchbook.result.Status;
import dev.benchbook.report.CsvReport;
import dev.benchbook.report.HtmlReport;
import dev.benchbook.report.MarkdownReport;
import dev.benchbook.table.ComparisonTable;
import dev.benchbook.table.FindingsTable;
import dev.benchbook.table.HeadlineTable;
import dev.benchbook.table.MetricsTable;
import dev.benchbook.table.ResultTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What {@code run()} returns, and what {@link #read(Path)} reads back: the immutable {@link
 * RunResult} with its statistics computed once, table views and exports. It shows itself in a notebook
 * as its headline table (mean ± CI, ratio, alloc/op, status, findings), a line per failed run, and
 * the findings; {@link #summary()} is the full table.
 */
public final class Results implements Displayable, RunResultSource {
    private final RunResult result;
    private final List<Finding> findings;
    private volatile RunSummary summary;

    /** Wraps a finished run; its findings are derived from its samples and checks. */
    public Results(RunResult result) {
        this(result, Findings.of(result));
    }

    private Results(RunResult result, List<Finding> findings) {
        this.result = result;
        this.findings = List.copyOf(findings);
    }

    /**
     * Reads a run back: a run file written by {@link #writeJson(Path)} (or a baseline), or a JMH
     * result file ({@code -rf json}). The tables, plots and reports of a run read back equal those of
     * the original.
     *
     * @throws RunFormatException if the file is missing, corrupt, truncated, of a newer schema, or
     *     neither a run file nor JMH output; the message names the file, the position and the problem
     */
    public static Results read(Path file) {
        RunJson.RunFile f;
        try {
            f = RunJson.read(file);
        } catch (RunFormatException e) {
            if (!e.isArray()) {
                throw e;
            }
            try {
                return new Results(JmhJson.read(file));
            } catch (dev.benchbook.jmh.JmhFormatException jmh) {
                throw new RunFormatException(file.toString(), "", "neither a Benchbook run file nor JMH output (as "
                        + "JMH output: " + jmh.getMessage() + "); read run files written by r.writeJson(path) or JMH's "
                        + "-rf json output");
            }
        }
        return new Results(f.result(), f.findings());
    }

    /** The statistics of every run, the ratios and the findings, computed on first use and kept. */
    public RunSummary computed() {
        RunSummary s = summary;
        if (s == null) {
            s = RunSummary.of(result, findings);
            summary = s;
        }
        return s;
    }

    /** The findings of the determinism checks and expected bounds, in run order. */
    public List<Finding> findingList() {
        return findings;
    }

    /** One row per finding; see {@link FindingsTable#of}. Empty when the run is clean. */
    public Table findings() {
        return FindingsTable.of(result, findings);
    }

    /** The raw, immutable run result that tables, plots, reports and baselines consume. */
    @Override
    public RunResult result() {
        return result;
    }

    /**
     * The compact answer: one row per benchmark × param combination with mean ± CI in human units,
     * the ratio against the {@code baseline(...)} benchmark, alloc/op, status and the number of
     * findings. See {@link HeadlineTable#of}.
     */
    public Table headline() {
        return HeadlineTable.of(computed());
    }

    /** One row per benchmark × param combination, every statistic; see {@link ResultTables#summary(RunSummary)}. */
    public Table summary() {
        return ResultTables.summary(computed());
    }

    /**
     * One row per measured iteration (warmup left out, so every row can be aggregated as is); see
     * {@link ResultTables#samples(RunResult, boolean)}. {@link #allSamples()} has the warmup too.
     */
    public Table samples() {
        return ResultTables.samples(result, false);
    }

    /** Every iteration, warmup included and flagged in column {@code warmup}. */
    public Table allSamples() {
        return ResultTables.samples(result, true);
    }

    /** One row per metric: id, unit, direction, scope, aggregate, supported, and the reason when not. */
    public Table metrics() {
        return MetricsTable.of(result.metrics());
    }

    /**
     * Writes {@code <suite>-summary.csv}, {@code <suite>-samples.csv} and, when there are findings,
     * {@code <suite>-findings.csv} into {@code directory}, each atomically, and returns their paths.
     */
    public List<Path> writeCsv(Path directory) {
        return CsvReport.write(computed(), findings.isEmpty() ? null : findings(), directory);
    }

    /**
     * Compares {@code candidate} with {@code baseline} at every param combination: Welch's t and
     * Mann-Whitney U tests, Hodges-Lehmann shift, Cliff's delta, and the ratio of means with a
     * seeded bootstrap interval at the suite's confidence level. See {@link ComparisonTable#of}.
     *
     * @throws IllegalArgumentException if either name is not a benchmark of this run
     */
    public Table compare(String baseline, String candidate) {
        return ComparisonTable.of(result, baseline, candidate);
    }

    /**
     * Writes a single self-contained HTML report (headline, environment, suite definition, metrics,
     * full summary, findings and plots, with plotly inlined: it opens offline) atomically to {@code file}.
     *
     * @return {@code file}
     */
    public Path report(Path file) {
        return HtmlReport.write(computed(), file);
    }

    /** A Markdown summary for a pull-request comment or a CI job summary. */
    public String markdown() {
        return MarkdownReport.render(computed());
    }

    /**
     * Writes the whole run in the durable run format (suite, controls, environment, git state,
     * metrics, every sample, findings; see {@link RunJson}), atomically, to {@code file}. {@link
     * #read(Path)} reads it back.
     */
    public Path writeJson(Path file) {
        return RunJson.write(result, findings, file);
    }

    /**
     * Saves this run as baseline {@code name} in the project's {@code baselines/} folder (replacing one of
     * that name) and returns the file. The file is this run in the run format with the baseline's name, save
     * time and environment fingerprint; commit it so the repository carries its own reference.
     */
    public Path saveBaseline(String name) {
        return saveBaseline(name, Baselines.inProject().dir());
    }

    /** The same in another baselines folder, e.g. a scratch one for a demonstration. */
    public Path saveBaseline(String name, Path baselinesDir) {
        Baselines baselines = new Baselines(baselinesDir);
        baselines.save(name, result, findings);
        return baselines.file(name);
    }

    /**
     * Saves the baseline file as {@link #saveBaseline(String, Path)} does and stores a copy of the run in
     * {@code history}, labelled {@code baseline NAME}, so the store holds every reference the project had.
     * The file is written first: a store that fails leaves the baseline saved and says so.
     */
    public Path saveBaseline(String name, Path baselinesDir, History history) {
        if (history == null) {
            throw new IllegalArgumentException("history: must not be null; pass History.open(...) or call "
                    + "saveBaseline(name, dir) to save the file alone");
        }
        Path file = saveBaseline(name, baselinesDir);
        try {
            history.write(this, BASELINE_LABEL + name);
        } catch (RuntimeException e) {
            throw new IllegalStateException("baseline '" + name + "' was saved to " + file + ", but its copy could "
                    + "not be stored in " + history + ": " + e.getMessage() + "; fix the store and call "
                    + "history.write(results, \"" + BASELINE_LABEL + name + "\")", e);
        }
        return file;
    }

    /** The history label of a baseline's copy: {@code "baseline main"}. */
    public static final String BASELINE_LABEL = "baseline ";

    /**
     * Compares this run (the candidate) with {@code other}: a baseline name ({@code "main"}), a path to a
     * run file, baseline file or JMH JSON file (a {@link Path}, or a string ending in {@code .json}),
     * another {@code Results}, or a {@code RunResult}. A missing baseline is an error that says how to save
     * one.
     */
    public RegressionReport compareTo(Object other) {
        return compareTo(other, DetectorConfig.DEFAULTS);
    }

    /**
     * The same with other detector settings, e.g. {@code DetectorConfig.DEFAULTS.withMarginPct(5)}. The
     * run-to-run spread comes from the project's history store when one exists ({@code $BENCHBOOK_HISTORY},
     * else {@code .benchbook/history.db} under the project root); a comparison never creates one.
     */
    public RegressionReport compareTo(Object other, DetectorConfig config) {
        Comparisons.Side base = Comparisons.resolve(other);
        return Comparisons.compare(base, this, config, Comparisons.projectNoise());
    }

    /**
     * Compares with {@code other} using {@code history}'s run-to-run spread of each benchmark (since its
     * last accepted change): with one run a side, a verdict then rests on that spread rather than on the
     * margin, once a series has at least ten runs.
     */
    public RegressionReport compareTo(Object other, History history) {
        return compareTo(other, DetectorConfig.DEFAULTS, history);
    }

    /** The same with other detector settings. */
    public RegressionReport compareTo(Object other, DetectorConfig config, History history) {
        if (history == null) {
            throw new IllegalArgumentException("history: must not be null; pass History.open(...), or call "
                    + "compareTo(other) to use the project's store when there is one");
        }
        Comparisons.Side base = Comparisons.resolve(other);
        return Comparisons.compare(base, this, config, history.noise());
    }

    /**
     * The profile of benchmark {@code name}'s measured iterations, from the recording its run kept; the
     * suite must have been run with {@code .profile()}. See {@link Profile} for its tables and flame graphs.
     *
     * @throws IllegalArgumentException if the name is unknown, the benchmark ran at several param
     *     combinations (use {@link #profile(String, Map)}), or the run was not profiled
     */
    public Profile profile(String name) {
        return Profiles.of(result, name, Map.of());
    }

    /** The profile of benchmark {@code name} at the param combination with {@code params}, e.g. {@code Map.of("size", 1000)}. */
    public Profile profile(String name, Map<String, ?> params) {
        return Profiles.of(result, name, params);
    }

    /** The runs that failed, timed out or exceeded their memory limit. */
    public List<BenchmarkRun> problems() {
        return result.runs().stream().filter(r -> r.status() != Status.OK).toList();
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"benchbook-results\"><p><b>").append(Html.escape(result.suite().name())).append("</b>: ")
                .append(result.runs().size()).append(" runs in ")
                .append(String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0))
                .append(" · <code>.summary()</code> for every column</p>");
        for (BenchmarkRun r : problems()) {
            b.append("<p style=\"color:#b91c1c\">").append(Html.escape(describe(r))).append("</p>");
        }
        b.append(HtmlTables.render(headline(), 200));
        if (!findings.isEmpty()) {
            b.append(HtmlTables.render(findings(), 50));
        }
        b.append("</div>");
        return b.toString();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (BenchmarkRun r : problems()) {
            b.append(describe(r)).append('\n');
        }
        b.append(headline().print());
        if (!findings.isEmpty()) {
            b.append('\n').append(findings().print());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Results[" + result.suite().name() + ", " + result.runs().size() + " runs]";
    }

    private static String describe(BenchmarkRun r) {
        return r.benchmark() + (r.params().values().isEmpty() ? "" : " [" + r.params() + "]") + " "
                + r.status().label() + ": " + r.error();
    }
}
