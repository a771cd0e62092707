package dev.benchbook.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The regression detector's rules, all with documented defaults.
 *
 * @param alpha family-wise false-alarm level per comparison report, after Holm's adjustment across its
 *     rows (default 0.01)
 * @param noiseFloorPct smallest change reported as a regression or improvement even when significant
 *     (default 1%): a change smaller than this is "no change" or "inconclusive"
 * @param equivalencePct half-width of the band inside which two versions count as equal: "no change"
 *     needs the interval at 1 − 2α inside ±this (default 2%)
 * @param marginPct minimum effect when only one run a side and no history exist (default 3%): the robust
 *     estimate must pass it, and the verdict says it rests on it
 * @param deterministicPct relative tolerance of nearly deterministic metrics (default 0.5%)
 * @param deterministicAbs absolute tolerance of nearly deterministic metrics, in their unit (default 1, for
 *     example 1 B/op)
 * @param majorPct regressions at least this large are major (default 5%); smaller ones are minor
 * @param criticalPct regressions at least this large are critical (default 15%)
 * @param metrics the metric ids compared, in order (default wall time, allocation per op, the process
 *     runner's user/system time and peak RSS, instructions, and every custom metric with a direction)
 * @param deterministicMetrics metric ids treated as nearly deterministic (default allocation per op and
 *     instructions)
 * @param allowIncomparable compare across a hard fingerprint difference (the result is marked)
 * @param allowChangedCode compare benchmarks whose source hash changed (the rows are marked)
 * @param runSpreadFloorPct the smallest run-to-run spread (standard deviation of one run, in %) a history may
 *     claim (default 1%): ten runs from a quiet hour of a shared machine can show 0.2%, and the next run comes
 *     from a busier one ({@code calibration/detection.sh} measured it)
 * @param assumedRunSpreadPct the run-to-run spread assumed when nothing measures it, one run a side and no
 *     history (default 3%, above the 2.1% typical of the shared 2-core VM that {@code calibration/detection.sh} measured, to cover its noisier phases):
 *     a margin verdict also needs the change to stand out from it, so that two runs of the same code are rarely
 *     called different; {@code mde_pct} then says how large a change one run a side can show
 */
public record DetectorConfig(double alpha, double noiseFloorPct, double equivalencePct, double marginPct,
        double deterministicPct, double deterministicAbs, double majorPct, double criticalPct, List<String> metrics,
        Set<String> deterministicMetrics, boolean allowIncomparable, boolean allowChangedCode,
        double runSpreadFloorPct, double assumedRunSpreadPct) {

    /** The default metrics; custom metrics with a direction are added to these. */
    public static final List<String> DEFAULT_METRICS = List.of("wall_ns", "alloc_bytes_per_op", "user_ns", "sys_ns",
            "peak_rss_bytes", "instructions");

    public static final DetectorConfig DEFAULTS = new DetectorConfig(0.01, 1.0, 2.0, 3.0, 0.5, 1.0, 5.0, 15.0,
            DEFAULT_METRICS, Set.of("alloc_bytes_per_op", "instructions"), false, false, 1.0, 3.0);

    public DetectorConfig {
        metrics = List.copyOf(metrics);
        deterministicMetrics = Set.copyOf(deterministicMetrics);
        List<String> problems = new ArrayList<>();
        if (!(alpha > 0 && alpha < 0.5)) {
            problems.add("alpha = " + alpha + ": must be in (0, 0.5); e.g. 0.01");
        }
        check(problems, "noiseFloorPct", noiseFloorPct);
        check(problems, "equivalencePct", equivalencePct);
        check(problems, "marginPct", marginPct);
        check(problems, "deterministicPct", deterministicPct);
        check(problems, "runSpreadFloorPct", runSpreadFloorPct);
        check(problems, "assumedRunSpreadPct", assumedRunSpreadPct);
        if (!(deterministicAbs >= 0)) {
            problems.add("deterministicAbs = " + deterministicAbs + ": must be >= 0; e.g. 1 (byte per op)");
        }
        if (!(majorPct > 0 && criticalPct > majorPct)) {
            problems.add("severity thresholds major " + majorPct + "%, critical " + criticalPct
                    + "%: need 0 < major < critical; e.g. 5 and 15");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("detector settings: " + String.join("; ", problems));
        }
    }

    private static void check(List<String> problems, String field, double pct) {
        if (!(pct >= 0 && pct < 100)) {
            problems.add(field + " = " + pct + ": must be a percentage in [0, 100); e.g. 2");
        }
    }

    /** The severity of a regression of {@code pct} percent (positive: worse). */
    public Severity severityOf(double pct) {
        return pct >= criticalPct ? Severity.CRITICAL : pct >= majorPct ? Severity.MAJOR : Severity.MINOR;
    }

    public DetectorConfig withAlpha(double a) {
        return new DetectorConfig(a, noiseFloorPct, equivalencePct, marginPct, deterministicPct, deterministicAbs,
                majorPct, criticalPct, metrics, deterministicMetrics, allowIncomparable, allowChangedCode, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    public DetectorConfig withMarginPct(double m) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, m, deterministicPct, deterministicAbs,
                majorPct, criticalPct, metrics, deterministicMetrics, allowIncomparable, allowChangedCode, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    public DetectorConfig withSeverity(double major, double critical) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, major, critical, metrics, deterministicMetrics, allowIncomparable, allowChangedCode, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    public DetectorConfig withMetrics(List<String> ids) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, majorPct, criticalPct, ids, deterministicMetrics, allowIncomparable,
                allowChangedCode, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    public DetectorConfig allowingIncomparable(boolean allow) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, majorPct, criticalPct, metrics, deterministicMetrics, allow, allowChangedCode, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    public DetectorConfig allowingChangedCode(boolean allow) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, majorPct, criticalPct, metrics, deterministicMetrics, allowIncomparable, allow, runSpreadFloorPct,
                assumedRunSpreadPct);
    }

    /** With another floor under a history's run-to-run spread, e.g. 0 to trust quiet histories fully. */
    public DetectorConfig withRunSpreadFloorPct(double pct) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, majorPct, criticalPct, metrics, deterministicMetrics, allowIncomparable,
                allowChangedCode, pct, assumedRunSpreadPct);
    }

    /** With another run-to-run spread assumed when nothing measures it, e.g. 1 on a quiet, pinned machine. */
    public DetectorConfig withAssumedRunSpreadPct(double pct) {
        return new DetectorConfig(alpha, noiseFloorPct, equivalencePct, marginPct, deterministicPct,
                deterministicAbs, majorPct, criticalPct, metrics, deterministicMetrics, allowIncomparable,
                allowChangedCode, runSpreadFloorPct, pct);
    }
}
