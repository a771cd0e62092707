package dev.benchbook.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a sampled stack becomes the benchmark's stack: frame names, and where the harness ends and the
 * benchmark's body begins.
 */
final class Frames {
    /** The name of the frame that stands for samples taken in the harness's own code, between invocations. */
    static final String HARNESS = "(benchbook harness)";
    /** The root of stacks deeper than JFR's stack depth, whose bottom frames were not recorded. */
    static final String TRUNCATED = "(truncated stack)";
    /** JShell's wrapper classes, e.g. {@code REPL.$JShell$12$Parser}: renumbered at every redefinition. */
    private static final Pattern JSHELL = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[A-Z]?(?:\\$|$)");
    /**
     * A lambda's hidden proxy class, numbered per JVM: {@code Fg$$Lambda$221+0x00007f71f014c208.1045997582}
     * in JFR's recordings, {@code Fg$$Lambda$221.0x00007f71f014c208} in async-profiler's.
     */
    private static final Pattern LAMBDA = Pattern.compile("\\$+Lambda\\$[^.]*(?:\\.(?:0x[0-9a-f]+|\\d+))?$");
    private static final List<String> INFRASTRUCTURE = List.of("dev.benchbook.harness.", "dev.benchbook.spec.",
            "java.lang.Thread.");
    /** The frames that call the benchmark's body: the timed loop and the untimed verification call. */
    private static final List<String> CALLERS = List.of("dev.benchbook.harness.MeasurementLoop",
            "dev.benchbook.spec.BenchmarkSpec.invoke");
    /** Packages whose frames are the JDK's own; an allocation site is the innermost frame outside them. */
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Frames() {}

    /**
     * {@code type.method} with JShell's wrapper prefix and lambda proxies' numbers removed, so that a
     * redefined class keeps its name and two runs' stacks line up.
     */
    static String name(String type, String method) {
        String t = LAMBDA.matcher(JSHELL.matcher(type).replaceAll("")).replaceAll("\\$\\$Lambda");
        return (t.isEmpty() ? "jshell" : t.startsWith("$") ? "jshell" + t : t) + "." + method;
    }

    /**
     * The index (root first) of the first frame of the benchmark's body in {@code rootFirst}: the
     * first frame outside the harness whose caller is the harness's timed loop or its verification
     * call; -1 when the sample is in the harness itself (between invocations, hashing an output).
     */
    static int bodyStart(List<String> rootFirst) {
        for (int i = 1; i < rootFirst.size(); i++) {
            if (!infrastructure(rootFirst.get(i)) && caller(rootFirst.get(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a stack was sampled on a harness thread at all (it starts in the harness). */
    static boolean harnessThread(List<String> rootFirst) {
        return rootFirst.stream().anyMatch(f -> f.startsWith("dev.benchbook.harness."));
    }

    static boolean infrastructure(String frame) {
        // JMH's Blackhole, which the harness consumes results into, by its class name (JMH stays in harness).
        return INFRASTRUCTURE.stream().anyMatch(frame::startsWith) || frame.contains(".infra.Blackhole.");
    }

    private static boolean caller(String frame) {
        return CALLERS.stream().anyMatch(frame::startsWith);
    }

    /** Whether {@code frame} belongs to the JDK (allocation plumbing such as {@code Arrays.copyOf}). */
    static boolean jdk(String frame) {
        return JDK.stream().anyMatch(frame::startsWith);
    }
}
