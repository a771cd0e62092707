package dev.benchbook.kernel.magic;

import java.time.Duration;
import java.util.Set;

/**
 * The options of {@code %%bench} and {@code %bench}, each mapping to one DSL call; what is not
 * given keeps the DSL's default (see {@code dev.benchbook.spec.Defaults}).
 *
 * @param time {@code --time}: {@code maxTime}, the cap of the adaptive measuring phase (default 10 s)
 * @param warmup {@code --warmup}: warmup iterations (default 5)
 * @param iterations {@code --iterations}: a fixed number of measured iterations (default adaptive)
 * @param iterationTime {@code --iteration-time}: target length of one calibrated batch (default 100 ms)
 * @param quiet {@code --quiet}: no live progress and no summary line; the cell still shows the results
 */
record BenchOptions(Duration time, Integer warmup, Integer iterations, Duration iterationTime, boolean quiet) {
    static final Set<String> FLAGS = Set.of("quiet");
    static final Set<String> VALUED = Set.of("time", "warmup", "iterations", "iteration-time");
    /** The options as {@code %lsmagic} shows them. */
    static final String USAGE = "[--time 10s] [--warmup 5] [--iterations N] [--iteration-time 100ms] [--quiet]";

    /** The options of {@code parsed}, checked. */
    static BenchOptions of(String magic, MagicArgs.Parsed parsed) {
        var o = parsed.options();
        return new BenchOptions(
                o.containsKey("time") ? MagicArgs.duration(magic, "time", o.get("time")) : null,
                o.containsKey("warmup") ? MagicArgs.count(magic, "warmup", o.get("warmup"), 0) : null,
                o.containsKey("iterations") ? MagicArgs.count(magic, "iterations", o.get("iterations"), 1) : null,
                o.containsKey("iteration-time")
                        ? MagicArgs.duration(magic, "iteration-time", o.get("iteration-time")) : null,
                parsed.has("quiet"));
    }

    /** The DSL calls that apply these options, e.g. {@code .warmup(3).maxTime(...)}. */
    String dsl() {
        StringBuilder b = new StringBuilder();
        if (warmup != null) {
            b.append(".warmup(").append(warmup).append(')');
        }
        if (iterations != null) {
            b.append(".iterations(").append(iterations).append(')');
        }
        if (time != null) {
            b.append(".maxTime(java.time.Duration.ofNanos(").append(time.toNanos()).append("L))");
        }
        if (iterationTime != null) {
            b.append(".iterationTime(java.time.Duration.ofNanos(").append(iterationTime.toNanos()).append("L))");
        }
        if (quiet) {
            b.append(".quiet()");
        }
        return b.toString();
    }
}
