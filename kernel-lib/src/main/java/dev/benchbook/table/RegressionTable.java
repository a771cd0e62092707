package dev.benchbook.table;

import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.spec.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A comparison with a baseline as a table: one row per benchmark × params × metric. Columns: {@code
 * benchmark}, one per param, {@code metric}, {@code unit}, {@code baseline}, {@code candidate}, {@code
 * delta_pct}, {@code delta_ci_low_pct}, {@code delta_ci_high_pct}, {@code p_value}, {@code p_adjusted} (Holm),
 * {@code evidence}, {@code mde_pct}, {@code verdict}, {@code severity}, {@code status}, {@code n_baseline},
 * {@code n_candidate}, {@code reason}.
 */
public final class RegressionTable {
    private RegressionTable() {}

    public static Table of(RegressionAnalysis a) {
        Map<String, List<Object>> paramValues = new LinkedHashMap<>();
        for (MetricComparison r : a.rows()) {
            r.params().values().forEach((k, v) -> paramValues.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        List<ParamColumns.ParamColumn> params = ParamColumns.of(paramValues.entrySet().stream()
                .map(e -> new ParamSpec(e.getKey(), e.getValue())).toList());
        StringColumn benchmark = StringColumn.create(Columns.BENCHMARK);
        StringColumn metric = StringColumn.create("metric");
        StringColumn unit = StringColumn.create("unit");
        DoubleColumn baseline = DoubleColumn.create("baseline");
        DoubleColumn candidate = DoubleColumn.create("candidate");
        DoubleColumn delta = DoubleColumn.create("delta_pct");
        DoubleColumn lo = DoubleColumn.create("delta_ci_low_pct");
        DoubleColumn hi = DoubleColumn.create("delta_ci_high_pct");
        DoubleColumn p = DoubleColumn.create("p_value");
        DoubleColumn adj = DoubleColumn.create("p_adjusted");
        StringColumn evidence = StringColumn.create("evidence");
        DoubleColumn mde = DoubleColumn.create("mde_pct");
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn severity = StringColumn.create("severity");
        StringColumn status = StringColumn.create("status");
        IntColumn nb = IntColumn.create("n_baseline");
        IntColumn nc = IntColumn.create("n_candidate");
        StringColumn reason = StringColumn.create("reason");
        for (MetricComparison r : a.rows()) {
            benchmark.append(r.benchmark());
            params.forEach(c -> c.append(r.params().values()));
            metric.append(r.metric());
            unit.append(r.unit());
            baseline.append(r.baseline());
            candidate.append(r.candidate());
            delta.append(r.deltaPct());
            lo.append(r.ciLowPct());
            hi.append(r.ciHighPct());
            p.append(r.pValue());
            adj.append(r.adjustedP());
            evidence.append(r.evidence().label());
            mde.append(r.mdePct());
            verdict.append(r.verdict().label());
            severity.append(r.severity() == null ? "" : r.severity().label());
            status.append(r.status());
            nb.append(r.baselineUnits());
            nc.append(r.candidateUnits());
            reason.append(r.reason());
        }
        Table t = Table.create(a.candidateLabel() + " vs " + a.baselineLabel());
        t.addColumns(benchmark);
        params.forEach(c -> t.addColumns(c.column()));
        t.addColumns(metric, unit, baseline, candidate, delta, lo, hi, p, adj, evidence, mde, verdict, severity, status,
                nb, nc, reason);
        return t;
    }
}
