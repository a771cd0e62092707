package dev.benchbook.result;

import java.lang.management.ManagementFactory;

/**
 * Where a run happened: enough to tell whether two results are comparable.
 *
 * @param javaVersion {@code java.version}
 * @param vm VM name and version
 * @param os OS name, version and architecture
 * @param cpus available processors
 * @param maxHeapBytes maximum heap size
 * @param jvmArgs the JVM's input arguments
 */
public record Environment(String javaVersion, String vm, String os, int cpus, long maxHeapBytes, String jvmArgs) {

    /** Reads the environment of this JVM. */
    public static Environment current() {
        return new Environment(
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}
