package dev.benchbook.calibration;

import dev.benchbook.calibration.report.CalibrationReport;
import dev.benchbook.calibration.report.Measurement;
import dev.benchbook.calibration.report.Role;
import dev.benchbook.calibration.report.TimeModel;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The calibration program: runs every workload under JMH and under Benchbook, alternating between
 * the tools (per round, per workload: JMH, then Benchbook), and prints how well they agree.
 *
 * <p>Usage: {@code Calibrate [--rounds N] [--out DIR] [--only REGEX] [--quick]}. Start it through
 * {@code calibration/run.sh}, which passes the JVM flags it requires.
 *
 * <p>Exit codes: 0 every target met; 1 the run completed and at least one target was missed; 2 bad
 * arguments, or this JVM lacks the compiler-blackhole flags or limits the JIT; 3 a benchmark failed
 * in either tool; 4 the report could not be written.
 */
public final class Calibrate {
    static final int OK = 0;
    static final int MISSED = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;
    static final int IO = 4;

    /** The flags the launcher JVM needs, the same that JMH 1.37 gives its forks on JDK 17. */
    static final List<String> REQUIRED_FLAGS = List.of(
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler",
            "-DcompilerBlackholesEnabled=true");

    /** Flags that limit or distort the JIT, which would make the comparison meaningless. */
    static final List<String> FORBIDDEN_FLAG_PREFIXES = List.of("-XX:TieredStopAtLevel", "-Xint", "-Xcomp");

    private static final String USAGE_TEXT = """
            usage: Calibrate [--rounds N] [--out DIR] [--only REGEX] [--quiet-wait S] [--quick]
              --rounds N     rounds of JMH-then-Benchbook per workload, >= 1 (default 3)
              --out DIR      where calibration.csv, calibration-rounds.csv, calibration.md and the JMH logs go
                             (default target/calibration)
              --only REGEX   run only the workloads whose id matches, e.g. 'sort|empty' (default: all)
              --quiet-wait S before each tool's run, wait up to S seconds for the machine to be idle apart from
                             one CPU (busy <= 1/CPUs + 10% over 2 s); 0 turns it off (default 30)
              --quick        development only: short JMH runs and a 2 s cap on Benchbook; not a calibration
            Start it with calibration/run.sh, which passes the required JVM flags.""";

    private Calibrate() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the calibration and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("calibrate: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options.help) {
            out.println(USAGE_TEXT);
            return OK;
        }
        List<String> launcherArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> flagProblems = flagProblems(launcherArgs);
        if (!flagProblems.isEmpty()) {
            flagProblems.forEach(p -> err.println("calibrate: " + p));
            return USAGE;
        }
        List<Workload> workloads = Workloads.all().stream()
                .filter(w -> options.only == null || options.only.matcher(w.id()).find()).toList();
        if (workloads.isEmpty()) {
            err.println("calibrate: --only " + options.only + ": matches no workload; ids are "
                    + Workloads.all().stream().map(Workload::id).toList());
            return USAGE;
        }
        Path jmhLogs = options.out.resolve("jmh");
        try {
            Files.createDirectories(jmhLogs);
        } catch (IOException e) {
            err.println("calibrate: --out " + options.out + ": cannot create " + jmhLogs + ": " + e.getMessage());
            return IO;
        }

        JmhSide jmh = new JmhSide(options.quick ? JmhSide.Settings.QUICK : JmhSide.Settings.CALIBRATION, jmhLogs);
        BenchbookSide benchbook = new BenchbookSide(options.quick ? Duration.ofSeconds(2) : null,
                options.out.resolve("benchbook"));
        List<Measurement> measurements = new ArrayList<>();
        List<Double> forkOverheads = new ArrayList<>();
        JmhSide.Outcome firstJmh = null;
        double waited = 0;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            for (int round = 1; round <= options.rounds; round++) {
                for (Workload w : workloads) {
                    waited += waitUntilQuiet(options);
                    MachineLoad.Snapshot l0 = MachineLoad.now();
                    JmhSide.Outcome o = jmh.run(w, round);
                    Measurement j = o.measurement().withMachineBusy(MachineLoad.busyBetween(l0, MachineLoad.now()));
                    waited += waitUntilQuiet(options);
                    MachineLoad.Snapshot l1 = MachineLoad.now();
                    Measurement b = benchbook.run(w, round);
                    b = b.withMachineBusy(MachineLoad.busyBetween(l1, MachineLoad.now()));
                    firstJmh = firstJmh == null ? o : firstJmh;
                    forkOverheads.add(o.forkOverheadSeconds());
                    measurements.add(j);
                    measurements.add(b);
                    err.println(progress(round, options.rounds, w, j, b));
                }
            }
        } catch (Exception e) {
            err.println("calibrate: a benchmark failed: " + e);
            err.println("calibrate: JMH's output is in " + jmhLogs + ", Benchbook's tables in "
                    + options.out.resolve("benchbook"));
            return FAILED;
        }
        double totalSeconds = (System.nanoTime() - t0) / 1e9;

        double overhead = forkOverheads.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        TimeModel jmhDefault = JmhSide.defaultRun(overhead);
        Map<String, Role> roles = new LinkedHashMap<>();
        workloads.forEach(w -> roles.put(w.id(), w.role()));
        List<String> context = context(options, jmh, launcherArgs, firstJmh, started, totalSeconds, overhead);
        if (options.quietWaitSeconds > 0) {
            context.add(String.format(Locale.ROOT, "waited %.0f s in all for a quiet machine (busy <= %.0f%% over 2 s,"
                    + " at most %d s before each tool's run)", waited, quietThreshold() * 100, options.quietWaitSeconds));
        }
        CalibrationReport report = CalibrationReport.create(context, roles, measurements, jmhDefault);

        out.print(report.toText());
        try {
            write(options.out.resolve("calibration.csv"), report.toCsv());
            write(options.out.resolve("calibration-rounds.csv"), report.roundsCsv());
            write(options.out.resolve("calibration.md"), report.toMarkdown());
        } catch (IOException e) {
            err.println("calibrate: cannot write the report into " + options.out + ": " + e.getMessage());
            return IO;
        }
        out.println("\nwrote " + options.out.resolve("calibration.csv") + ", calibration-rounds.csv, calibration.md,"
                + " JMH logs in " + jmhLogs + " and Benchbook's tables in " + options.out.resolve("benchbook"));
        return report.allPass() ? OK : MISSED;
    }

    /** Idle apart from the one CPU a single-threaded benchmark needs, with 10% of the machine to spare. */
    private static double quietThreshold() {
        return 1.0 / Runtime.getRuntime().availableProcessors() + 0.10;
    }

    private static double waitUntilQuiet(Options options) throws InterruptedException {
        if (options.quietWaitSeconds == 0) {
            return 0;
        }
        return MachineLoad.waitUntilQuiet(quietThreshold(), 2000, options.quietWaitSeconds * 1000L);
    }

    /** Every problem with the launcher's JVM flags, each with its fix; empty when they are right. */
    static List<String> flagProblems(List<String> jvmArgs) {
        List<String> problems = new ArrayList<>();
        for (String flag : REQUIRED_FLAGS) {
            if (!jvmArgs.contains(flag)) {
                problems.add("JVM flag " + flag + " is missing: Benchbook's Blackhole must run in compiler mode,"
                        + " as in JMH's forks and the kernel JVM; start the calibration with calibration/run.sh");
            }
        }
        for (String arg : jvmArgs) {
            for (String prefix : FORBIDDEN_FLAG_PREFIXES) {
                if (arg.startsWith(prefix)) {
                    problems.add("JVM flag " + arg + " limits or distorts the JIT, and JMH's forks would inherit it;"
                            + " remove it");
                }
            }
        }
        return problems;
    }

    private static List<String> context(Options options, JmhSide jmh, List<String> launcherArgs,
            JmhSide.Outcome firstJmh, Instant started, double totalSeconds, double overhead) {
        List<String> c = new ArrayList<>();
        if (options.quick) {
            c.add("QUICK MODE: development only, not a calibration");
        }
        c.add(String.format(Locale.ROOT, "started %s, %d round(s), total %.1f min; per round and workload: JMH, then"
                + " Benchbook", started, options.rounds, totalSeconds / 60));
        c.add("JMH: AverageTime ns/op, " + jmh.settings().describe() + ", error at 99.9%; fork JVM: "
                + (firstJmh == null ? "?" : firstJmh.jvm()));
        c.add("JMH fork JVM args (chosen by JMH): "
                + (firstJmh == null ? "?" : String.join(" ", firstJmh.forkJvmArgs())));
        c.add(String.format(Locale.ROOT, "JMH fork overhead beyond iterations, measured: %.2f s per fork", overhead));
        c.add("Benchbook: " + (options.quick ? "defaults but maxTime 2 s" : "defaults") + " (adaptive, ±2% at 99.9%,"
                + " 5 warmup × 100 ms, 5–200 iterations, ≤ 10 s measuring), in the launcher JVM");
        c.add("launcher JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; args: " + String.join(" ", launcherArgs));
        return c;
    }

    private static String progress(int round, int rounds, Workload w, Measurement jmh, Measurement bb) {
        return String.format(Locale.ROOT, "[round %d/%d] %-17s JMH %12.3f ± %10.3f ns (%5.1f s, busy %3.0f%%,"
                        + " early %+.0f%%) | Benchbook %12.3f [%.3f, %.3f] ns n=%d %s (%5.1f s, busy %3.0f%%, early %+.0f%%,"
                        + " cpu/wall %.2f) | ratio %.4f",
                round, rounds, w.id(), jmh.meanNs(), (jmh.highNs() - jmh.lowNs()) / 2, jmh.wallSeconds(),
                jmh.machineBusy() * 100, jmh.earlyDrift() * 100, bb.meanNs(), bb.lowNs(), bb.highNs(), bb.n(),
                bb.stop(), bb.wallSeconds(), bb.machineBusy() * 100, bb.earlyDrift() * 100, bb.cpuShare(),
                bb.meanNs() / jmh.meanNs());
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The parsed command line. */
    static final class Options {
        int rounds = 3;
        int quietWaitSeconds = 30;
        Path out = Path.of("target", "calibration");
        Pattern only;
        boolean quick;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> o.quick = true;
                    case "--help", "-h" -> o.help = true;
                    case "--rounds", "--out", "--only", "--quiet-wait" -> {
                        if (i + 1 >= args.length) {
                            problems.add(a + ": needs a value");
                            break;
                        }
                        String v = args[++i];
                        if (a.equals("--rounds")) {
                            try {
                                o.rounds = Integer.parseInt(v);
                                if (o.rounds < 1) {
                                    problems.add("--rounds " + v + ": must be >= 1; use --rounds 3");
                                }
                            } catch (NumberFormatException e) {
                                problems.add("--rounds " + v + ": not an integer; use --rounds 3");
                            }
                        } else if (a.equals("--quiet-wait")) {
                            try {
                                o.quietWaitSeconds = Integer.parseInt(v);
                                if (o.quietWaitSeconds < 0) {
                                    problems.add("--quiet-wait " + v + ": must be >= 0; use 0 to turn waiting off");
                                }
                            } catch (NumberFormatException e) {
                                problems.add("--quiet-wait " + v + ": not an integer number of seconds; use --quiet-wait 60");
                            }
                        } else if (a.equals("--out")) {
                            o.out = Path.of(v);
                        } else {
                            try {
                                o.only = Pattern.compile(v);
                            } catch (PatternSyntaxException e) {
                                problems.add("--only " + v + ": not a regular expression: " + e.getDescription());
                            }
                        }
                    }
                    default -> problems.add(a + ": unknown argument");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return o;
        }
    }
}
