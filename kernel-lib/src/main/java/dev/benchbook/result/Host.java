package dev.benchbook.result;

/**
 * Facts about the machine a run happened on, apart from the runtime that ran it.
 *
 * @param hostname the host's name (shown, never compared)
 * @param os OS name, e.g. {@code Linux}
 * @param kernel OS or kernel version, e.g. {@code 6.1.0-18-amd64}
 * @param arch CPU architecture, e.g. {@code amd64}
 * @param cpuModel the processor's model name, {@code "unknown"} where the platform does not say
 * @param cpus processors available to the process
 * @param cpuQuota CPU quota of the process's cgroup in CPUs (e.g. 1.5), or -1 when unlimited or unknown
 * @param memoryBytes physical memory, or -1 when unknown
 * @param load the one-minute load average when the run started, or -1 when unknown (shown, never compared)
 */
public record Host(String hostname, String os, String kernel, String arch, String cpuModel, int cpus, double cpuQuota,
        long memoryBytes, double load) {

    /** A host of which nothing is known but the OS line. */
    public static Host unknown(String os, int cpus) {
        return new Host(Environment.UNKNOWN, os, "", "", Environment.UNKNOWN, cpus, -1, -1, -1);
    }
}
