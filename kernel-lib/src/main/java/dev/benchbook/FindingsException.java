package dev.benchbook;

import dev.benchbook.analysis.Finding;
import java.util.List;

/** Thrown by {@code run()} of a {@code strict()} suite when the run produced findings. The results are kept. */
public final class FindingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Results results;

    FindingsException(Results results, List<Finding> findings) {
        super(format(results, findings));
        this.results = results;
    }

    /** The full results of the run that failed its checks. */
    public Results results() {
        return results;
    }

    private static String format(Results results, List<Finding> findings) {
        StringBuilder b = new StringBuilder("Suite '").append(results.result().suite().name())
                .append("' is strict and produced ").append(findings.size())
                .append(findings.size() == 1 ? " finding:" : " findings:");
        for (Finding f : findings) {
            b.append("\n  - ").append(f.kind()).append(' ').append(f.benchmark())
                    .append(f.params().values().isEmpty() ? "" : " [" + f.params() + "]").append(": ").append(f.message());
        }
        return b.append("\nFix them, or drop .strict() to keep findings as warnings.").toString();
    }
}
