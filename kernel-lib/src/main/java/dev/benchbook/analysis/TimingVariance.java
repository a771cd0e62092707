package dev.benchbook.analysis;

import dev.benchbook.spec.ParamSet;
import java.util.Locale;

/**
 * The per-iteration times varied more than the bound allows.
 *
 * @param benchmark the benchmark
 * @param params the param combination
 * @param cv the coefficient of variation of the measured per-iteration ns/op
 * @param maxCv the bound set with {@code maxTimingCv(...)}
 * @param minNs the fastest iteration's ns/op
 * @param maxNs the slowest iteration's ns/op
 */
public record TimingVariance(String benchmark, ParamSet params, double cv, double maxCv, double minNs, double maxNs)
        implements Finding {

    @Override
    public double actual() {
        return cv;
    }

    @Override
    public double bound() {
        return maxCv;
    }

    @Override
    public String message() {
        return String.format(Locale.ROOT, "timing CV %.1f%% exceeds maxTimingCv %.1f%% (iterations from %.4g to %.4g ns/op);"
                + " quiet the machine, lengthen iterationTime, or raise maxTimingCv", 100 * cv, 100 * maxCv, minNs, maxNs);
    }
}
