package dev.benchbook.result;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a run happened, host facts apart from runtime facts: enough to tell whether two results are
 * comparable.
 *
 * @param host the machine
 * @param runtime the runtime that measured
 */
public record Environment(Host host, RuntimeInfo runtime) {

    /** What an unknown field reads. */
    public static final String UNKNOWN = "unknown";

    /** An environment as imported from tools that record only these JVM facts. */
    public Environment(String javaVersion, String vm, String os, int cpus, long maxHeapBytes, String jvmArgs) {
        this(Host.unknown(os, cpus), new RuntimeInfo("java", "", javaVersion, vm, "", maxHeapBytes,
                jvmArgs.isBlank() ? List.of() : Arrays.asList(jvmArgs.trim().split("\\s+")), UNKNOWN));
    }

    /** Reads the environment of this JVM. */
    public static Environment current() {
        String os = System.getProperty("os.name");
        Host host = new Host(hostname(), os, System.getProperty("os.version"), System.getProperty("os.arch"),
                cpuModelOf(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                cpuQuota(Path.of("/sys/fs/cgroup/cpu.max")), memTotal(Path.of("/proc/meminfo")),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        RuntimeInfo rt = new RuntimeInfo("java", System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"), gc,
                Runtime.getRuntime().maxMemory(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                harnessVersion());
        return new Environment(host, rt);
    }

    /** {@code java.version} of the runtime. */
    public String javaVersion() {
        return runtime.version();
    }

    /** VM name and version. */
    public String vm() {
        return runtime.vm();
    }

    /** OS name, version and architecture, on one line. */
    public String os() {
        return Stream.of(host.os(), host.kernel(), host.arch()).filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** Available processors. */
    public int cpus() {
        return host.cpus();
    }

    /** Maximum heap size. */
    public long maxHeapBytes() {
        return runtime.maxHeapBytes();
    }

    /** The JVM's input arguments, space-separated. */
    public String jvmArgs() {
        return String.join(" ", runtime.jvmArgs());
    }

    /** The processor's model name. */
    public String cpuModel() {
        return host.cpuModel();
    }

    /** The Benchbook version on the classpath, from the jar's manifest; {@value #UNKNOWN} from classes. */
    public static String harnessVersion() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null ? UNKNOWN : v;
    }

    /** The first {@code model name} of a Linux cpuinfo file, or {@value #UNKNOWN}. */
    static String cpuModelOf(Path cpuinfo) {
        return firstLine(cpuinfo, "model name").orElse(UNKNOWN);
    }

    static long memTotal(Path meminfo) {
        return firstLine(meminfo, "MemTotal").map(s -> {
            try {
                return Long.parseLong(s.replace("kB", "").trim()) * 1024;
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /** The CPUs of a cgroup v2 {@code cpu.max} ("quota period"), or -1 for "max" or no file. */
    static double cpuQuota(Path cpuMax) {
        try {
            if (!Files.isReadable(cpuMax)) {
                return -1;
            }
            String[] parts = Files.readString(cpuMax).trim().split("\\s+");
            if (parts.length != 2 || parts[0].equals("max")) {
                return -1;
            }
            return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static java.util.Optional<String> firstLine(Path file, String key) {
        if (!Files.isReadable(file)) {
            return java.util.Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
