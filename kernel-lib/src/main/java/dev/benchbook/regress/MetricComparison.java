package dev.benchbook.regress;

import dev.benchbook.metric.Metric.Direction;
import dev.benchbook.spec.ParamSet;

/**
 * One row of a comparison: one benchmark × params × metric.
 *
 * @param benchmark the benchmark's name
 * @param params its param combination
 * @param metric the metric's id
 * @param unit the metric's unit, e.g. {@code ns/op}
 * @param direction which way is better
 * @param baseline the baseline's value: mean over its units (runs, forks or rounds); NaN when absent
 * @param candidate the candidate's value, likewise
 * @param deltaPct (candidate − baseline) / baseline in percent, by the estimate the evidence uses; NaN when
 *     not compared or the baseline is 0
 * @param ciLowPct low end of the delta's interval, in percent
 * @param ciHighPct high end of the delta's interval, in percent
 * @param pValue the two-sided p-value of "no change", NaN when the evidence gives none
 * @param adjustedP the p-value after Holm's adjustment across the report's rows, NaN when none
 * @param mdePct the smallest change (in percent) this comparison could have detected: with 80% power at the
 *     report's level for tests, the margin plus the interval's half-width for margin verdicts, the tolerance
 *     for deterministic metrics
 * @param verdict regression, improvement, no change or inconclusive
 * @param severity the severity of a regression, null otherwise
 * @param evidence what the verdict rests on
 * @param baselineUnits runs, forks or rounds on the baseline side
 * @param candidateUnits likewise on the candidate side
 * @param status {@code compared}, {@code changed} (the benchmark's code changed), {@code not_comparable}
 *     (environments differ), {@code missing_in_baseline}, {@code missing_in_candidate} or {@code failed}
 * @param reason why the row was not compared, or what its verdict rests on; empty when plain
 */
public record MetricComparison(String benchmark, ParamSet params, String metric, String unit, Direction direction,
        double baseline, double candidate, double deltaPct, double ciLowPct, double ciHighPct, double pValue,
        double adjustedP, double mdePct, Verdict verdict, Severity severity, Evidence evidence, int baselineUnits,
        int candidateUnits, String status, String reason) {

    public static final String COMPARED = "compared";
    public static final String CHANGED = "changed";
    public static final String NOT_COMPARABLE = "not_comparable";
    public static final String MISSING_IN_BASELINE = "missing_in_baseline";
    public static final String MISSING_IN_CANDIDATE = "missing_in_candidate";
    public static final String FAILED = "failed";

    public MetricComparison {
        reason = reason == null ? "" : reason;
    }

    /** This row with another verdict, severity and adjusted p-value. */
    MetricComparison decided(Verdict v, Severity s, double adjusted) {
        return new MetricComparison(benchmark, params, metric, unit, direction, baseline, candidate, deltaPct,
                ciLowPct, ciHighPct, pValue, adjusted, mdePct, v, s, evidence, baselineUnits, candidateUnits, status,
                reason);
    }

    /** This row with its reason extended. */
    MetricComparison because(String more) {
        return new MetricComparison(benchmark, params, metric, unit, direction, baseline, candidate, deltaPct,
                ciLowPct, ciHighPct, pValue, adjustedP, mdePct, verdict, severity, evidence, baselineUnits,
                candidateUnits, status, reason.isEmpty() ? more : reason + "; " + more);
    }

    /** Whether this row is a regression at {@code at} or worse. */
    public boolean regressionAtLeast(Severity at) {
        return verdict == Verdict.REGRESSION && severity != null && severity.compareTo(at) >= 0;
    }

    /** The benchmark and its params, e.g. {@code sort [size=1000]}. */
    public String label() {
        return params.values().isEmpty() ? benchmark : benchmark + " [" + params.key() + "]";
    }
}
