package dev.benchbook.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.regress.MetricComparison;
import dev.benchbook.regress.RegressionAnalysis;
import dev.benchbook.regress.Verdict;

/**
 * A comparison with a baseline as JSON ({@code "format": "benchbook-regressions"}, {@code schema_version}
 * 1): the machine-readable alert that {@code benchbook check --format json} prints and a webhook receives.
 * Non-finite numbers are written as {@code null}.
 */
public final class RegressionJson {
    public static final String FORMAT = "benchbook-regressions";
    public static final int SCHEMA_VERSION = 1;

    private RegressionJson() {}

    /** The comparison as an indented JSON document. */
    public static String toJson(RegressionAnalysis a) {
        ObjectNode root = RunWriter.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("schema_version", SCHEMA_VERSION);
        root.put("baseline", a.baselineLabel());
        root.put("candidate", a.candidateLabel());
        root.put("comparable", a.comparable());
        root.put("forced", a.forced());
        ArrayNode diffs = root.putArray("differences");
        a.differences().forEach(d -> diffs.addObject().put("key", d.key()).put("baseline", d.baseline())
                .put("candidate", d.candidate()));
        ArrayNode unchecked = root.putArray("unchecked");
        a.unchecked().forEach(unchecked::add);
        root.put("worst", a.worst().map(s -> s.label()).orElse(null));
        ObjectNode counts = root.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.label(), a.withVerdict(v).size());
        }
        ObjectNode settings = root.putObject("settings");
        settings.put("alpha", a.config().alpha());
        settings.put("noise_floor_pct", a.config().noiseFloorPct());
        settings.put("equivalence_pct", a.config().equivalencePct());
        settings.put("margin_pct", a.config().marginPct());
        settings.put("major_pct", a.config().majorPct());
        settings.put("critical_pct", a.config().criticalPct());
        ArrayNode rows = root.putArray("rows");
        for (MetricComparison r : a.rows()) {
            ObjectNode n = rows.addObject();
            n.put("benchmark", r.benchmark());
            ObjectNode params = n.putObject("params");
            r.params().values().forEach((k, v) -> params.set(k, ParamTypes.toNode(v)));
            n.put("metric", r.metric());
            n.put("unit", r.unit());
            num(n, "baseline", r.baseline());
            num(n, "candidate", r.candidate());
            num(n, "delta_pct", r.deltaPct());
            num(n, "delta_ci_low_pct", r.ciLowPct());
            num(n, "delta_ci_high_pct", r.ciHighPct());
            num(n, "p_value", r.pValue());
            num(n, "p_adjusted", r.adjustedP());
            num(n, "mde_pct", r.mdePct());
            n.put("evidence", r.evidence().label());
            n.put("verdict", r.verdict().label());
            n.put("severity", r.severity() == null ? null : r.severity().label());
            n.put("status", r.status());
            n.put("n_baseline", r.baselineUnits());
            n.put("n_candidate", r.candidateUnits());
            n.put("reason", r.reason());
        }
        try {
            return RunWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison: " + e.getOriginalMessage(), e);
        }
    }

    private static void num(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
