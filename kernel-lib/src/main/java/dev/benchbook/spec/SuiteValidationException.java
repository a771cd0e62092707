package dev.benchbook.spec;

import java.util.List;

/** Thrown by {@code build()} and {@code run()} when a suite definition breaks one or more rules. */
public final class SuiteValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    /** Creates the exception for every problem of suite {@code suite}. */
    public SuiteValidationException(String suite, List<SpecProblem> problems) {
        super(format(suite, problems));
        this.problems = List.copyOf(problems);
    }

    /** All problems, in the order the definition was checked. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String format(String suite, List<SpecProblem> problems) {
        StringBuilder b = new StringBuilder("Suite '").append(suite).append("' is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (SpecProblem p : problems) {
            b.append("\n  - ").append(p.message());
        }
        return b.toString();
    }
}
