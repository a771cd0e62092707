package dev.benchbook.result;

import java.util.List;

/**
 * Facts about the runtime that measured a run: for Benchbook's own runs, the JVM.
 *
 * @param name the runtime, e.g. {@code java}
 * @param vendor its vendor, e.g. {@code Eclipse Adoptium}
 * @param version its version, e.g. {@code 17.0.13}
 * @param vm VM name and version
 * @param gc the garbage collectors, e.g. {@code G1 Young Generation, G1 Old Generation}
 * @param maxHeapBytes maximum heap size, or -1 when unknown
 * @param jvmArgs the JVM's input arguments
 * @param harness the Benchbook version that measured it
 */
public record RuntimeInfo(String name, String vendor, String version, String vm, String gc, long maxHeapBytes,
        List<String> jvmArgs, String harness) {

    public RuntimeInfo {
        jvmArgs = List.copyOf(jvmArgs);
    }
}
