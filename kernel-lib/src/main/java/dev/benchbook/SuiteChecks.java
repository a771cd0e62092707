package dev.benchbook;

import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSpec;
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
                problems.add(new SpecProblem(field, quote(p.name()), "is the name of a fixed result column, so the "
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

    static void positive(List<SpecProblem> problems, String field, Duration d, String fix) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(new SpecProblem(field, String.valueOf(d), "must be a positive duration", fix));
        }
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
