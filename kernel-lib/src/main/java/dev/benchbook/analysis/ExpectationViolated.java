package dev.benchbook.analysis;

import dev.benchbook.spec.Expectation;
import dev.benchbook.spec.ParamSet;
import java.util.Locale;

/**
 * A bound stated with {@code expect(...)} did not hold.
 *
 * @param benchmark the benchmark
 * @param params the param combination
 * @param expectation the bound
 * @param actual the measured value, in the bound's unit
 */
public record ExpectationViolated(String benchmark, ParamSet params, Expectation expectation, double actual)
        implements Finding {

    @Override
    public double bound() {
        return expectation.max();
    }

    @Override
    public String message() {
        return String.format(Locale.ROOT, "expected %s but measured %.4g%s; find the regression or revise the bound",
                expectation.describe(), actual, expectation.metric().unit().isEmpty() ? "" : " " + expectation.metric().unit());
    }
}
