package dev.benchbook;

import dev.benchbook.harness.AsyncProfilerLibrary;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.Checks;
import dev.benchbook.spec.Defaults;
import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.ParamSpec;
import dev.benchbook.spec.ProfileSpec;
import dev.benchbook.spec.SpecProblem;
import dev.benchbook.table.Columns;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The rules for params and benchmarks that {@link Suite#build()} checks, each adding problems rather than throwing. */
final class SuiteChecks {
    private SuiteChecks() {}

    static void params(List<ParamSpec> params, List<SpecProblem> problems) {
        Set<String> names = new HashSet<>();
        for (ParamSpec p : params) {
            String field = "param(\"" + p.name() + "\")";
            if (p.name() == null || p.name().isBlank()) {
                problems.add(new SpecProblem("param", quote(p.name()), "a param needs a name",
                        "use param(\"size\", 1_000, 100_000)"));
            } else if (Columns.RESERVED.contains(p.name())) {
                problems.add(new SpecProblem(field, String.valueOf(p.values()), "is the name of a fixed result column, so the "
                        + "tables could not tell the two apart", "rename the param, e.g. param(\"" + p.name()
                        + "_value\", ...)"));
            } else if (!names.add(p.name())) {
                problems.add(new SpecProblem(field, p.name(), "declared twice",
                        "declare all values in one call: param(\"" + p.name() + "\", v1, v2, ...)"));
            }
            if (p.values().isEmpty()) {
                problems.add(new SpecProblem(field, "[]", "needs at least one value",
                        "list values after the name: param(\"" + p.name() + "\", 1_000, 100_000)"));
            }
            if (p.values().stream().anyMatch(Objects::isNull)) {
                problems.add(new SpecProblem(field, p.values().toString(), "values must not be null",
                        "remove the null value"));
            } else if (new HashSet<>(p.values()).size() != p.values().size()) {
                problems.add(new SpecProblem(field, p.values().toString(), "values must be distinct",
                        "remove the repeated values"));
            }
        }
    }

    static void baseline(String baseline, List<BenchmarkSpec> benchmarks, List<SpecProblem> problems) {
        if (!baseline.isEmpty() && benchmarks.stream().noneMatch(b -> baseline.equals(b.name()))) {
            problems.add(new SpecProblem("baseline", quote(baseline), "names no benchmark of this suite",
                    "use one of " + benchmarks.stream().map(BenchmarkSpec::name).toList()));
        }
    }

    static void benchmarks(List<BenchmarkSpec> benchmarks, boolean setupDeclared, List<SpecProblem> problems) {
        if (benchmarks.isEmpty()) {
            problems.add(new SpecProblem("benchmark", "none", "a suite needs at least one benchmark",
                    "add .benchmark(\"name\", ctx -> work(ctx))"));
        }
        Set<String> names = new HashSet<>();
        for (BenchmarkSpec b : benchmarks) {
            if (b.name() == null || b.name().isBlank()) {
                problems.add(new SpecProblem("benchmark", quote(b.name()), "a benchmark needs a name",
                        "use benchmark(\"arrays.sort\", ...)"));
                continue;
            }
            String field = "benchmark(\"" + b.name() + "\")";
            if (!names.add(b.name())) {
                problems.add(new SpecProblem(field, b.name(), "duplicate benchmark name",
                        "give each benchmark of a suite its own name"));
            }
            if (!b.hasBody()) {
                problems.add(new SpecProblem(field, "null", "needs a body", "pass (ctx, state) -> result or ctx -> result"));
            } else if (b.isStateful() && !setupDeclared) {
                problems.add(new SpecProblem(field, "(ctx, state) -> ...", "reads state but the suite has no setup",
                        "add .setup(ctx -> state) before it, or write it as ctx -> result"));
            }
        }
    }

    /** Most threads a benchmark may run on: far beyond any core count, low enough to catch a typo. */
    static final int MAX_THREADS = 1024;

    /**
     * The rules of {@code threads(...)} and {@code threadsParam(...)}: counts from 1 to {@link #MAX_THREADS},
     * distinct; not both; a threads param that is declared and holds integers in range; no external
     * commands, which run as processes.
     */
    static void threads(int[] counts, int fixed, String param, List<ParamSpec> params, List<BenchmarkSpec> benchmarks,
            List<SpecProblem> problems) {
        if (counts != null) {
            String text = java.util.Arrays.toString(counts);
            if (counts.length == 0) {
                problems.add(new SpecProblem("threads", "[]", "needs at least one thread count",
                        "use threads(4), or threads(1, 2, 4) to compare counts"));
            }
            for (int n : counts) {
                if (n < 1 || n > MAX_THREADS) {
                    problems.add(new SpecProblem("threads", text, "each count must be between 1 and " + MAX_THREADS
                            + " (got " + n + ")", "use threads(1) for one thread, or threads(1, 2, 4)"));
                    break;
                }
            }
            if (java.util.Arrays.stream(counts).distinct().count() != counts.length) {
                problems.add(new SpecProblem("threads", text, "counts must be distinct", "remove the repeated counts"));
            }
            if (!param.isEmpty()) {
                problems.add(new SpecProblem("threadsParam", quote(param), "cannot be combined with threads(" 
                        + text.substring(1, text.length() - 1) + ")", "keep one: threads(...) or threadsParam(...)"));
            }
            if (counts.length > 1 && params.stream().filter(p -> Suite.THREADS_PARAM.equals(p.name())).count() > 1) {
                problems.add(new SpecProblem("threads", text, "declares param \"threads\", which the suite declares "
                        + "already", "rename your param, or use threadsParam(\"threads\") to take the counts from it"));
            }
        }
        if (!param.isEmpty()) {
            ParamSpec p = params.stream().filter(x -> param.equals(x.name())).findFirst().orElse(null);
            if (p == null) {
                problems.add(new SpecProblem("threadsParam", quote(param), "names no param of this suite",
                        "declare it first: param(\"" + param + "\", 1, 2, 4)"));
            } else {
                for (Object v : p.values()) {
                    boolean integral = v instanceof Integer || v instanceof Long || v instanceof Short;
                    long n = integral ? ((Number) v).longValue() : 0;
                    if (!integral || n < 1 || n > MAX_THREADS) {
                        problems.add(new SpecProblem("threadsParam", quote(param), "param values must be integers "
                                + "between 1 and " + MAX_THREADS + " (got " + quote(String.valueOf(v)) + ")",
                                "declare it with thread counts: param(\"" + param + "\", 1, 2, 4)"));
                        break;
                    }
                }
            }
        }
        boolean several = fixed != 1 || !param.isEmpty() || (counts != null && counts.length > 1);
        if (several) {
            for (BenchmarkSpec b : benchmarks) {
                if (b.shape() == BenchmarkSpec.Shape.COMMAND) {
                    problems.add(new SpecProblem("benchmark(\"" + b.name() + "\")", "command", "an external command "
                            + "runs as one process per iteration and cannot run on several threads",
                            "put commands in a suite without threads(...)"));
                }
                if (b.shape() == BenchmarkSpec.Shape.LOAD) {
                    problems.add(new SpecProblem("load(\"" + b.name() + "\")", "load", "a load run drives its "
                            + "connections from one generator thread and cannot run on several benchmark threads",
                            "drop threads(...) and raise the load's connections(n) instead"));
                }
            }
        }
    }

    /** The rules of the run controls, each broken one a problem named by its DSL method. */
    static void controls(RunControls c, List<BenchmarkSpec> benchmarks, List<SpecProblem> problems) {
        if (c.warmupIterations() < 0) {
            problems.add(new SpecProblem("warmup", String.valueOf(c.warmupIterations()), "must be >= 0",
                    "use warmup(0) to skip warmup"));
        }
        String iterField = c.fixedIterations() ? "iterations" : "minIterations";
        if (c.iterations() < 1) {
            problems.add(new SpecProblem(iterField, String.valueOf(c.iterations()), "must be >= 1",
                    "use " + iterField + "(10); a confidence interval needs at least 2"));
        }
        if (!c.fixedIterations() && c.maxIterations() < Math.max(1, c.iterations())) {
            problems.add(new SpecProblem("maxIterations", String.valueOf(c.maxIterations()),
                    "must be >= minIterations (" + c.iterations() + ")", "raise maxIterations or lower minIterations"));
        }
        if (!(c.targetPrecision() > 0 && c.targetPrecision() < 1)) {
            problems.add(new SpecProblem("targetPrecision", String.valueOf(c.targetPrecision()),
                    "must be between 0 and 1, exclusive", "use targetPrecision(0.02) for a half-width of 2% of the mean"));
        }
        positive(problems, "maxTime", c.maxTime(), "use maxTime(Duration.ofSeconds(10))");
        positive(problems, "iterationTime", c.iterationTime(), "use iterationTime(Duration.ofMillis(100))");
        positive(problems, "timeout", c.timeout(), "use timeout(Duration.ofMinutes(5))");
        if (!(c.confidence() > 0 && c.confidence() < 1)) {
            problems.add(new SpecProblem("confidence", String.valueOf(c.confidence()), "must be between 0 and 1, exclusive",
                    "use confidence(0.999) for 99.9% or confidence(0.95) for 95%"));
        }
        int maxWarmup = c.maxWarmupIterations();
        if (c.adaptiveWarmup() && maxWarmup < c.warmupIterations()) {
            problems.add(new SpecProblem("adaptiveWarmup(max)", String.valueOf(maxWarmup), "must be >= the minimum ("
                    + c.warmupIterations() + ")", "use adaptiveWarmup(5, 50)"));
        } else if (c.adaptiveWarmup() && maxWarmup < Defaults.WARMUP_WINDOW) {
            problems.add(new SpecProblem("adaptiveWarmup(max)", String.valueOf(maxWarmup), "must be >= "
                    + Defaults.WARMUP_WINDOW + ", the iterations the steadiness test looks at",
                    "use adaptiveWarmup(" + c.warmupIterations() + ", " + Defaults.WARMUP_WINDOW
                            + ") or more, or warmup(n) for exactly n"));
        }
        if (c.memoryLimitBytes() != -1 && c.memoryLimitBytes() <= 0) {
            problems.add(new SpecProblem("memoryLimit", String.valueOf(c.memoryLimitBytes()),
                    "must be a positive number of bytes", "use memoryLimit(64L << 20) for 64 MiB"));
        }
        if (!c.jvmArgs().isEmpty() && c.forks() == 0) {
            problems.add(new SpecProblem("jvmArgs", c.jvmArgs().toString(), "JVM options cannot apply to this JVM",
                    "add .forks(1) or more, which start fresh JVMs with them"));
        }
        if (c.forks() < 0) {
            problems.add(new SpecProblem("forks", String.valueOf(c.forks()), "must be >= 0",
                    "use forks(0) to run in this JVM, or forks(3) for three fresh JVMs"));
        }
    }

    /**
     * Whether this machine has the profiler asked for: an async-profiler mode that cannot record here (the
     * library does not load, or the mode's event is unavailable) is a problem with the profiler's reason,
     * never a profile that would be empty or taken by another means.
     */
    static void profiler(ProfileSpec p, List<SpecProblem> problems) {
        if (!p.enabled() || !p.async() || !ProfileSpec.PROFILERS.contains(p.profiler())) {
            return;
        }
        String reason = AsyncProfilerLibrary.unsupported(p.profiler());
        if (!reason.isEmpty()) {
            String fix = ProfileSpec.ASYNC_CPU.equals(p.profiler()) && AsyncProfilerLibrary.isLoaded()
                    ? "use ProfileSpec.asyncItimer(), which samples CPU time without perf_events, or ProfileSpec.jfr()"
                    : "use ProfileSpec.jfr() (the default), which needs nothing outside the JDK";
            problems.add(new SpecProblem("profile", "profiler=\"" + p.profiler() + "\"", reason, fix));
        }
    }

    /** The rules of the checks: positive bounds, and expectations that name a benchmark of the suite. */
    static void checks(Checks k, List<BenchmarkSpec> benchmarks, List<SpecProblem> problems) {
        if (!(k.maxTimingCv() > 0)) {
            problems.add(new SpecProblem("maxTimingCv", String.valueOf(k.maxTimingCv()), "must be > 0",
                    "use maxTimingCv(0.05) for 5%, or Double.POSITIVE_INFINITY to turn the check off"));
        }
        if (!(k.allocTolerance() >= 0)) {
            problems.add(new SpecProblem("allocTolerance", String.valueOf(k.allocTolerance()), "must be >= 0",
                    "use allocTolerance(0.05) for 5%"));
        }
        for (Expectation e : k.expectations()) {
            if (e == null || Double.isNaN(e.max())) {
                problems.add(new SpecProblem("expect", String.valueOf(e), "needs a bound",
                        "use Expect.meanNsAtMost(500) or Expect.allocBytesAtMost(0)"));
            } else if (e.benchmark() != null && benchmarks.stream().noneMatch(b -> e.benchmark().equals(b.name()))) {
                problems.add(new SpecProblem("expect", e.describe(), "names no benchmark of this suite",
                        "use one of " + benchmarks.stream().map(BenchmarkSpec::name).toList()));
            }
        }
    }

    static void positive(List<SpecProblem> problems, String field, Duration d, String fix) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(new SpecProblem(field, String.valueOf(d), "must be a positive duration", fix));
        }
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
