package dev.benchbook.kernel.magic;

import dev.benchbook.kernel.CellException.MagicError;
import dev.benchbook.kernel.JShellEvaluator;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * {@code %%time}: runs the cell body once and prints its wall time and the process's CPU time
 * (every thread: the cell's, its helpers', the JIT's and the GC's). One run, no warmup: a
 * measurement of this particular execution, not a benchmark; {@code %%bench} is that.
 */
final class TimeMagic implements Magic {
    @Override
    public String name() {
        return "%%time";
    }

    @Override
    public String help() {
        return "run the cell body once and print its wall time and the process's CPU time (no warmup: use %%bench"
                + " to benchmark)";
    }

    @Override
    public JShellEvaluator.Result run(MagicCall call, MagicSession session) {
        if (!call.args().isBlank()) {
            throw new MagicError("%%time " + call.args() + ": takes no arguments; put the code on the lines below");
        }
        if (call.body().isBlank()) {
            throw new MagicError("%%time: the cell has no code below the magic; add the code to time");
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        JShellEvaluator.Result result = session.evaluator().continueCell(call.paddedBody(), call.label());
        long wall = System.nanoTime() - start;
        long cpuAfter = processCpuNanos();
        String cpu = cpuBefore < 0 || cpuAfter < 0 ? "n/a" : Units.time(cpuAfter - cpuBefore);
        session.out().println("Wall time: " + Units.time(wall) + ", CPU time (whole process): " + cpu);
        return result;
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
