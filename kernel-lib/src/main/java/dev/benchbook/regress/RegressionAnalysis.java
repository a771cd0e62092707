package dev.benchbook.regress;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing a candidate with a baseline: one row per benchmark × params × metric, and
 * whether the two environments could be compared at all.
 *
 * @param baselineLabel what the baseline is, e.g. {@code baseline 'main' (3f2a9c1)}
 * @param candidateLabel what the candidate is
 * @param rows the comparisons, candidate's order
 * @param baselineFingerprint the baseline's environment
 * @param candidateFingerprint the candidate's environment
 * @param differences hard keys that differ; non-empty means not comparable
 * @param unchecked hard keys that one side does not know
 * @param forced whether the rows were compared despite differences (the result is marked)
 * @param config the rules used
 */
public record RegressionAnalysis(String baselineLabel, String candidateLabel, List<MetricComparison> rows,
        Fingerprint baselineFingerprint, Fingerprint candidateFingerprint, List<Fingerprint.Difference> differences,
        List<String> unchecked, boolean forced, DetectorConfig config) implements RegressionSource {

    public RegressionAnalysis {
        rows = List.copyOf(rows);
        differences = List.copyOf(differences);
        unchecked = List.copyOf(unchecked);
    }

    @Override
    public RegressionAnalysis analysis() {
        return this;
    }

    /** Whether the environments match on every hard key both know. */
    public boolean comparable() {
        return differences.isEmpty();
    }

    /** The regressions, worst first. */
    public List<MetricComparison> regressions() {
        return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION)
                .sorted(java.util.Comparator.comparing(MetricComparison::severity).reversed()).toList();
    }

    /** The rows with verdict {@code v}. */
    public List<MetricComparison> withVerdict(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).toList();
    }

    /** The rows with status {@code s}, e.g. {@link MetricComparison#CHANGED}. */
    public List<MetricComparison> withStatus(String s) {
        return rows.stream().filter(r -> r.status().equals(s)).toList();
    }

    /** The worst severity among the regressions. */
    public Optional<Severity> worst() {
        return regressions().stream().map(MetricComparison::severity).findFirst();
    }

    /** Whether a regression at {@code at} or worse was found. */
    public boolean failsAt(Severity at) {
        return rows.stream().anyMatch(r -> r.regressionAtLeast(at));
    }

    /** Whether a benchmark of the candidate failed, timed out or ran out of memory. */
    public boolean anyFailed() {
        return rows.stream().anyMatch(r -> r.status().equals(MetricComparison.FAILED));
    }
}
