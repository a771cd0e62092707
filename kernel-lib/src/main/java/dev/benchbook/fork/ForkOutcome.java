package dev.benchbook.fork;

import dev.benchbook.result.IterationSample;
import dev.benchbook.result.Status;
import dev.benchbook.result.StopReason;
import java.util.List;

/**
 * What a fork reports back to its parent: the outcome of one benchmark at one param combination.
 * The parent already knows which benchmark and params it asked for.
 *
 * @param status how the run ended
 * @param error what went wrong, empty when OK
 * @param stopReason why measuring stopped
 * @param samples every iteration, warmup first
 */
record ForkOutcome(Status status, String error, StopReason stopReason, List<IterationSample> samples) {}
