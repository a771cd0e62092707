package dev.benchbook;

import dev.benchbook.metric.Metrics;
import dev.benchbook.regress.DetectorConfig;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.RegressionDetector;
import dev.benchbook.regress.RoundsPlan;
import dev.benchbook.regress.RunNoise;
import dev.benchbook.regress.Verdict;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.result.Status;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.spec.SuiteDescriptor;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.spec.SuiteValidationException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code Bench.ab}: two benchmarks of one suite run in randomized interleaved rounds, one A run and one B
 * run per round in random order (a fork each when the suite forks), per param combination. After the
 * plan's first looks, rounds are added while the time verdict is inconclusive, up to the budget; the time
 * row is tested on the paired per-round log-ratios, so slow drifts of the machine cancel out. Other
 * metrics are compared across the runs (the rounds as units).
 */
final class AbExecution {
    /** Longest adaptive measuring phase of one run in a round, unless the suite fixes its iterations. */
    static final Duration UNIT_MAX_TIME = Duration.ofSeconds(2);

    private AbExecution() {}

    static RegressionReport run(Suite<?> suite, String a, String b, RoundsPlan plan, DetectorConfig config) {
        SuiteSpec spec = suite.build();
        List<SpecProblem> problems = new ArrayList<>();
        for (String[] side : new String[][] {{"a", a}, {"b", b}}) {
            if (spec.benchmark(side[1]).isEmpty()) {
                problems.add(new SpecProblem("ab." + side[0], SuiteChecks.quote(side[1]), "must name a benchmark of "
                        + "the suite", "pick one of " + spec.benchmarks().stream().map(BenchmarkSpec::name).toList()));
            }
        }
        if (a != null && a.equals(b)) {
            problems.add(new SpecProblem("ab.b", SuiteChecks.quote(b), "must differ from a",
                    "compare two benchmarks; for an A/A check declare the same body twice under two names"));
        }
        if (!problems.isEmpty()) {
            throw new SuiteValidationException(spec.name(), problems);
        }
        Arm armA = new Arm(suite, spec, a);
        Arm armB = new Arm(suite, spec, b);
        return rounds(List.of(new Pair(armA, armB, b)), "A = " + a, "B = " + b, spec.name() + ": " + a + " vs " + b
                + " rounds", false, plan, config, suite.isQuiet());
    }

    /**
     * Two builds of one suite (the same suite compiled from two versions of the code, say), benchmark by
     * benchmark: every benchmark of {@code a} that {@code b} has too, at every param combination.
     */
    static RegressionReport run(Suite<?> a, Suite<?> b, RoundsPlan plan, DetectorConfig config) {
        SuiteSpec specA = a.build();
        SuiteSpec specB = b.build();
        List<SpecProblem> problems = new ArrayList<>();
        if (!specA.params().equals(specB.params())) {
            problems.add(new SpecProblem("ab.b.params", specB.params().toString(), "must equal A's params "
                    + specA.params(), "compare two builds of the same suite, with the same params and values"));
        }
        List<Pair> pairs = new ArrayList<>();
        for (BenchmarkSpec bench : specA.benchmarks()) {
            if (specB.benchmark(bench.name()).isPresent()) {
                pairs.add(new Pair(new Arm(a, specA, bench.name()), new Arm(b, specB, bench.name()), bench.name()));
            }
        }
        if (pairs.isEmpty()) {
            problems.add(new SpecProblem("ab.b.benchmarks", specB.benchmarks().stream().map(BenchmarkSpec::name)
                    .toList().toString(), "must share a benchmark name with A's " + specA.benchmarks().stream()
                            .map(BenchmarkSpec::name).toList(), "compare two builds of the same suite"));
        }
        if (!problems.isEmpty()) {
            throw new SuiteValidationException(specB.name(), problems);
        }
        return rounds(pairs, "A = " + specA.name() + " (build A)", "B = " + specB.name() + " (build B)",
                specA.name() + ": build A vs build B rounds", true, plan, config, a.isQuiet() || b.isQuiet());
    }

    /** One side of a pair: a benchmark of a suite. */
    private record Arm(Suite<?> suite, SuiteSpec spec, String benchmark) {
        RunControls controls() {
            RunControls c = spec.controls();
            if (!c.fixedIterations() && c.maxTime().compareTo(UNIT_MAX_TIME) > 0) {
                c = c.withMaxTime(UNIT_MAX_TIME);
            }
            return c.forks() > 1 ? c.withForks(1) : c;
        }
    }

    /** Two arms compared under one name (the candidate's). */
    private record Pair(Arm a, Arm b, String name) {}

    private static RegressionReport rounds(List<Pair> pairs, String labelA, String labelB, String tableName,
            boolean benchmarkColumn, RoundsPlan plan, DetectorConfig config, boolean quiet) {
        PrintStream log = quiet ? null : System.err;
        RegressionDetector detector = new RegressionDetector(config.allowingChangedCode(true));
        SuiteSpec first = pairs.get(0).a().spec();
        // Rounds stop on a verdict at α / (time rows): a row that stops there stays significant after the
        // report's Holm adjustment across all of them, so a comparison never stops early and ends inconclusive.
        int family = Math.max(1, pairs.size() * first.paramSets().size());
        RegressionDetector stopping = new RegressionDetector(config.allowingChangedCode(true)
                .withAlpha(config.alpha() / family));
        Random order = new Random(first.controls().seed() ^ 0x5DEECE66DL);
        Instant started = Instant.now();
        List<Integer> looks = plan.looks();
        Map<String, MetricComparison> paired = new LinkedHashMap<>();
        List<BenchmarkRun> aRuns = new ArrayList<>();
        List<BenchmarkRun> bRuns = new ArrayList<>();
        RunResult anyA = null;
        RunResult anyB = null;
        RoundsTable table = new RoundsTable(first.params(), benchmarkColumn);
        for (Pair pair : pairs) {
            String a = pair.a().benchmark();
            String b = pair.b().benchmark();
            String name = pair.name();
            for (ParamSet params : first.paramSets()) {
                List<BenchmarkRun> aUnits = new ArrayList<>();
                List<BenchmarkRun> bUnits = new ArrayList<>();
                List<Double> av = new ArrayList<>();
                List<Double> bv = new ArrayList<>();
                int look = 0;
                for (int round = 1; round <= plan.maxRounds(); round++) {
                    boolean aFirst = order.nextBoolean();
                    RunResult one = unit(aFirst ? pair.a() : pair.b(), params);
                    RunResult two = unit(aFirst ? pair.b() : pair.a(), params);
                    RunResult ra = aFirst ? one : two;
                    RunResult rb = aFirst ? two : one;
                    anyA = ra;
                    anyB = rb;
                    BenchmarkRun ua = ra.runs().get(0);
                    BenchmarkRun ub = rb.runs().get(0);
                    aUnits.add(renamed(ua, name, round));
                    bUnits.add(renamed(ub, name, round));
                    if (ua.status() != Status.OK || ub.status() != Status.OK) {
                        BenchmarkRun bad = ua.status() != Status.OK ? ua : ub;
                        if (log != null) {
                            log.println("ab " + label(a, b, params) + ": round " + round + ": " + bad.benchmark() + " "
                                    + bad.status().label() + ": " + bad.error());
                        }
                        break;
                    }
                    av.add(mean(ua.wallNsPerOp()));
                    bv.add(mean(ub.wallNsPerOp()));
                    table.add(name, params, round, aFirst ? "AB" : "BA", av.get(av.size() - 1), bv.get(bv.size() - 1));
                    if (look < looks.size() && round == looks.get(look)) {
                        look++;
                        MetricComparison row = detector.rounds(name, params, Metrics.WALL_NS, unbox(av), unbox(bv));
                        MetricComparison decided = stopping.decide(List.of(row), looks.size()).get(0);
                        if (log != null) {
                            log.println(String.format(Locale.ROOT, "ab %s: %d rounds, %+.2f%% [%+.2f%%, %+.2f%%] → %s",
                                    label(a, b, params), round, decided.deltaPct(), decided.ciLowPct(),
                                    decided.ciHighPct(), decided.verdict().label()
                                            + (decided.verdict() == Verdict.INCONCLUSIVE && round < plan.maxRounds()
                                                    ? ", more rounds" : "")));
                        }
                        if (decided.verdict() != Verdict.INCONCLUSIVE) {
                            break;
                        }
                    }
                }
                if (av.size() >= 2) {
                    paired.put(RegressionDetector.key(name, params, Metrics.WALL_NS.id()),
                            detector.rounds(name, params, Metrics.WALL_NS, unbox(av), unbox(bv)));
                }
                aRuns.add(merged(aUnits));
                bRuns.add(merged(bUnits));
            }
        }
        Duration elapsed = Duration.between(started, Instant.now());
        RunResult baseSide = side(first, anyA, aRuns, started, elapsed);
        RunResult candSide = side(pairs.get(0).b().spec(), anyB, bRuns, started, elapsed);
        RegressionAnalysis analysis = detector.compare(baseSide, labelA, candSide, labelB, RunNoise.NONE, paired,
                looks.size());
        return new RegressionReport(analysis, table.table(tableName));
    }

    /** One run of one arm's benchmark at one param combination. */
    private static RunResult unit(Arm arm, ParamSet params) {
        SuiteSpec spec = arm.spec();
        List<ParamSpec> fixed = spec.params().stream()
                .map(p -> new ParamSpec(p.name(), List.of(params.values().get(p.name())))).toList();
        SuiteSpec one = new SuiteSpec(spec.name(), spec.description(), fixed,
                List.of(spec.benchmark(arm.benchmark()).orElseThrow()), spec.setup(), spec.teardown(), arm.controls(),
                spec.checks(), "", spec.metricSources());
        return SuiteExecution.run(one, arm.suite().factoryClass(), arm.suite().fallsBackInProcess(), true);
    }

    /** A unit run named as the compared benchmark, its samples attributed to fork {@code round}. */
    private static BenchmarkRun renamed(BenchmarkRun r, String name, int round) {
        List<IterationSample> samples = r.samples().stream().map(s -> s.inFork(round)).toList();
        return new BenchmarkRun(name, r.params(), r.status(), r.error(), samples, r.stopReason(), r.runValues(),
                r.runner());
    }

    /** The rounds of one side as one run with a fork per round. */
    private static BenchmarkRun merged(List<BenchmarkRun> units) {
        BenchmarkRun first = units.get(0);
        Status status = units.stream().map(BenchmarkRun::status).filter(s -> s != Status.OK).findFirst()
                .orElse(Status.OK);
        String error = units.stream().map(BenchmarkRun::error).filter(e -> !e.isEmpty()).findFirst().orElse("");
        List<IterationSample> all = new ArrayList<>();
        units.forEach(u -> all.addAll(u.samples()));
        return new BenchmarkRun(first.benchmark(), first.params(), status, error, all, first.stopReason(),
                first.runValues(), first.runner());
    }

    private static RunResult side(SuiteSpec spec, RunResult any, List<BenchmarkRun> runs, Instant started,
            Duration elapsed) {
        SuiteDescriptor d = any.suite();
        return new RunResult(new SuiteDescriptor(spec.name(), d.description(), spec.params(),
                runs.stream().map(BenchmarkRun::benchmark).distinct().toList(), d.controls(), d.checks(), ""),
                any.environment(), any.git(), started,
                elapsed, runs, any.metrics());
    }

    private static String label(String a, String b, ParamSet params) {
        return a + " vs " + b + (params.values().isEmpty() ? "" : " [" + params.key() + "]");
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.length == 0 ? Double.NaN : s / xs.length;
    }

    private static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The per-round table. */
    private static final class RoundsTable {
        private final List<ParamSpec> params;
        private final StringColumn benchmark;
        private final Map<String, List<Object>> paramValues = new HashMap<>();
        private final IntColumn round = IntColumn.create("round");
        private final StringColumn order = StringColumn.create("order");
        private final DoubleColumn a = DoubleColumn.create("a");
        private final DoubleColumn b = DoubleColumn.create("b");
        private final DoubleColumn ratio = DoubleColumn.create("log_ratio");

        RoundsTable(List<ParamSpec> params, boolean benchmarkColumn) {
            this.params = params;
            this.benchmark = benchmarkColumn ? StringColumn.create("benchmark") : null;
            params.forEach(p -> paramValues.put(p.name(), new ArrayList<>()));
        }

        void add(String bench, ParamSet ps, int r, String o, double va, double vb) {
            if (benchmark != null) {
                benchmark.append(bench);
            }
            params.forEach(p -> paramValues.get(p.name()).add(ps.values().get(p.name())));
            round.append(r);
            order.append(o);
            a.append(va);
            b.append(vb);
            ratio.append(Math.log(vb / va));
        }

        Table table(String name) {
            Table t = Table.create(name);
            if (benchmark != null) {
                t.addColumns(benchmark);
            }
            for (ParamSpec p : params) {
                StringColumn c = StringColumn.create(p.name());
                paramValues.get(p.name()).forEach(v -> c.append(String.valueOf(v)));
                t.addColumns(c);
            }
            t.addColumns(round, order, a, b, ratio);
            return t;
        }
    }
}
