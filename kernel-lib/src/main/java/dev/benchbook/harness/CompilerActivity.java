package dev.benchbook.harness;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much the JIT has compiled so far, for an adaptive warmup that waits until compilation of the
 * benchmark has settled. Injectable so that the harness's logic can be tested without a JIT.
 */
@FunctionalInterface
public interface CompilerActivity {
    /** Cumulative milliseconds the JIT spent compiling, or -1 when the JVM does not say. */
    long totalMs();

    /** The JVM's {@code CompilationMXBean}. */
    static CompilerActivity jvm() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
            return () -> -1;
        }
        return bean::getTotalCompilationTime;
    }
}
