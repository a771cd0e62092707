package dev.benchbook.result;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a run happened: enough to tell whether two results are comparable.
 *
 * @param javaVersion {@code java.version}
 * @param vm VM name and version
 * @param os OS name, version and architecture
 * @param cpus available processors
 * @param maxHeapBytes maximum heap size
 * @param jvmArgs the JVM's input arguments
 * @param cpuModel the processor's model name, {@value #UNKNOWN} where the platform does not say
 */
public record Environment(String javaVersion, String vm, String os, int cpus, long maxHeapBytes, String jvmArgs,
        String cpuModel) {

    /** What an unknown field reads. */
    public static final String UNKNOWN = "unknown";

    /** An environment without a CPU model, as imported from tools that do not record one. */
    public Environment(String javaVersion, String vm, String os, int cpus, long maxHeapBytes, String jvmArgs) {
        this(javaVersion, vm, os, cpus, maxHeapBytes, jvmArgs, UNKNOWN);
    }

    /** Reads the environment of this JVM. */
    public static Environment current() {
        return new Environment(
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                cpuModelOf(Path.of("/proc/cpuinfo")));
    }

    /** The first {@code model name} of a Linux cpuinfo file, or {@value #UNKNOWN}. */
    static String cpuModelOf(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return UNKNOWN;
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .filter(s -> !s.isEmpty()).findFirst().orElse(UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
