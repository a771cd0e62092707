package dev.benchbook.calibration;

import dev.benchbook.calibration.DetectionAnalysis.Outcome;
import dev.benchbook.calibration.DetectionData.Pool;
import dev.benchbook.calibration.DetectionData.Run;
import dev.benchbook.calibration.DetectionWorkload.Calibration;
import dev.benchbook.calibration.DetectionWorkload.Controls;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The labeled evaluation of the regression detector: a benchmark, not a test. It runs A, A' (the same
 * code) and B1, B2, B5, B10 (A plus 1, 2, 5, 10% of injected work) as fresh in-process suite runs, one run of
 * each variant per round in random order, records every run's iterations to {@code detection-data.csv},
 * then asks each mode of the detector (ab rounds, history, margin) and two naive iteration-level tests
 * (Welch's t, Mann-Whitney U at p < 0.05) about A vs A' and A vs each B, and prints the false-positive
 * and detection rates with Wilson 95% intervals.
 *
 * <p>Usage: {@code Detection [--minutes N] [--quick] [--replay FILE] [--out DIR]}. Targets for each mode
 * of our detector: at most 1% false positives on A/A, at least 95% detection at 5%. Exit codes: 0 every
 * target met, 1 a target missed, 2 bad arguments or JVM flags, 3 a benchmark failed, 4 the report could not
 * be written.
 */
public final class Detection {
    static final int OK = 0;
    static final int MISSED = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;
    static final int IO = 4;
    static final long SEED = 42;

    private static final String USAGE_TEXT = """
            usage: Detection [--minutes N] [--quick] [--replay FILE] [--out DIR]
              --minutes N     measuring budget in minutes, N > 0 (default 30)
              --quick         a 2-3 minute smoke run with short runs (numbers not meaningful)
              --replay FILE   analyse a detection-data.csv again without measuring
              --out DIR       where the data and the report go (default target/detection)""";

    /** Parsed options. */
    record Options(double minutes, boolean quick, Path replay, Path out) {}

    private Detection() {}

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE_TEXT);
            System.exit(USAGE);
            return;
        }
        System.exit(run(o));
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException listing every bad argument at once, each with its value and the rule
     */
    static Options parse(String[] args) {
        double minutes = 30;
        boolean quick = false;
        boolean minutesGiven = false;
        Path replay = null;
        Path out = Path.of("target", "detection");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--minutes", "--replay", "--out" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        problems.add(a + ": needs a value");
                        continue;
                    }
                    String v = args[++i];
                    if (a.equals("--minutes")) {
                        double m;
                        try {
                            m = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            m = Double.NaN;
                        }
                        if (m > 0 && Double.isFinite(m)) {
                            minutes = m;
                            minutesGiven = true;
                        } else {
                            problems.add("--minutes " + v + ": must be a number > 0; e.g. 30");
                        }
                    } else if (a.equals("--replay")) {
                        replay = Path.of(v);
                    } else {
                        out = Path.of(v);
                    }
                }
                default -> problems.add("unknown argument '" + a + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (quick && !minutesGiven) {
            minutes = 2;
        }
        return new Options(minutes, quick, replay, out);
    }

    static int run(Options o) {
        List<String> variants = DetectionWorkload.variants();
        Map<String, String> meta;
        Pool pool;
        if (o.replay() != null) {
            try {
                pool = DetectionData.read(o.replay(), variants);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return USAGE;
            }
            meta = pool.meta();
            System.out.println("replaying " + o.replay() + " (" + pool.rounds().size() + " complete rounds)");
        } else {
            List<String> problems = Calibrate.flagProblems(ManagementFactory.getRuntimeMXBean().getInputArguments());
            if (!problems.isEmpty()) {
                problems.forEach(System.err::println);
                return USAGE;
            }
            try {
                pool = collect(o, variants);
            } catch (IllegalStateException e) {
                System.err.println("benchmark failed: " + e.getMessage());
                return FAILED;
            }
            meta = pool.meta();
        }
        // A replayed quick run keeps the quick run's history length.
        boolean quick = o.quick() || Boolean.parseBoolean(meta.getOrDefault("quick", "false"));
        DetectionAnalysis analysis = new DetectionAnalysis(quick ? 5 : 10, new int[] {1, 2}, 50, SEED);
        if (pool.rounds().size() < analysis.historyRuns() + 2) {
            System.err.println("only " + pool.rounds().size() + " complete rounds: need at least "
                    + (analysis.historyRuns() + 2) + "; run longer (--minutes)");
            return FAILED;
        }
        Outcome outcome = analysis.analyse(pool);
        String preamble = preamble(meta, pool, analysis);
        String table = DetectionReport.table(outcome);
        String diag = DetectionReport.diagnostics(pool, outcome, analysis);
        System.out.println();
        System.out.println(preamble);
        System.out.println(table);
        System.out.println(diag);
        boolean pass = DetectionAnalysis.OURS.stream().allMatch(m -> DetectionReport.meets(outcome, m));
        System.out.printf(Locale.ROOT, "targets (each mode of our detector): A/A false positives <= %.0f%%, "
                        + "detection at 5%% >= %.0f%%: %s%n", 100 * DetectionReport.MAX_FALSE_POSITIVES,
                100 * DetectionReport.MIN_DETECTION_AT_5, pass ? "PASS" : "MISS");
        try {
            DetectionReport.write(o.out(), preamble + "\n```\n" + diag + "```\n", outcome, diag)
                    .forEach(p -> System.out.println("wrote " + p));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return IO;
        }
        return pass ? OK : MISSED;
    }

    /** Measures rounds until the budget is spent, writing each run as it completes. */
    static Pool collect(Options o, List<String> variants) {
        Controls c = o.quick() ? new Controls(3, 6, Duration.ofMillis(50))
                : new Controls(5, 10, Duration.ofMillis(100));
        Instant start = Instant.now();
        System.out.println("calibrating the injected work (" + c.describe() + " per run)...");
        Calibration cal = DetectionWorkload.calibrate(c, o.quick() ? 2 : 4);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("started", start.toString());
        meta.put("quick", Boolean.toString(o.quick()));
        meta.put("controls", c.describe());
        meta.put("array_length", Integer.toString(DetectionWorkload.SIZE));
        meta.put("a_ns_per_op", String.format(Locale.ROOT, "%.1f", cal.aNs()));
        meta.put("consume_cpu_ns_per_token", String.format(Locale.ROOT, "%.5f", cal.nsPerToken()));
        for (String v : variants) {
            if (DetectionWorkload.slowdownOf(v) > 0) {
                meta.put("tokens_" + v, Long.toString(cal.tokensFor(v)));
            }
        }
        meta.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println(meta.entrySet().stream().map(e -> "  " + e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n")));
        Path file = o.out().resolve("detection-data.csv");
        Duration budget = Duration.ofMillis((long) (o.minutes() * 60_000));
        Random order = new Random(SEED);
        List<Map<String, Run>> rounds = new ArrayList<>();
        try (DetectionData.Writer w = new DetectionData.Writer(file, meta)) {
            long roundNanos = 0;
            for (int round = 1; ; round++) {
                Duration used = Duration.between(start, Instant.now());
                if (round > 1 && used.toNanos() + roundNanos > budget.toNanos()) {
                    break;
                }
                long t0 = System.nanoTime();
                List<String> shuffled = new ArrayList<>(variants);
                Collections.shuffle(shuffled, order);
                Map<String, Run> r = new LinkedHashMap<>();
                for (int slot = 0; slot < shuffled.size(); slot++) {
                    String v = shuffled.get(slot);
                    Run run = Run.of(round, slot, v, DetectionWorkload.run(v, cal.tokensFor(v), c));
                    w.add(run);
                    r.put(v, run);
                }
                Map<String, Run> ordered = new LinkedHashMap<>();
                variants.forEach(v -> ordered.put(v, r.get(v)));
                rounds.add(ordered);
                roundNanos = Math.max(roundNanos, System.nanoTime() - t0);
                if (round % 10 == 0 || round == 1) {
                    System.out.printf(Locale.ROOT, "round %d done, %.1f min of %.1f%n", round,
                            Duration.between(start, Instant.now()).toMillis() / 60_000.0, o.minutes());
                }
            }
        }
        System.out.println("data: " + file);
        return new Pool(meta, rounds);
    }

    private static String preamble(Map<String, String> meta, Pool pool, DetectionAnalysis a) {
        StringBuilder s = new StringBuilder();
        if (Boolean.parseBoolean(meta.getOrDefault("quick", "false"))) {
            s.append("QUICK MODE: development only, numbers not meaningful\n");
        }
        s.append("data: ").append(pool.rounds().size()).append(" rounds × ").append(DetectionWorkload.variants())
                .append(", one fresh in-process suite run per variant per round, random order within each round; ")
                .append(meta.getOrDefault("controls", "?")).append(" per run; started ")
                .append(meta.getOrDefault("started", "?")).append('\n');
        s.append("calibration: A ").append(meta.getOrDefault("a_ns_per_op", "?")).append(" ns/op, consumeCPU ")
                .append(meta.getOrDefault("consume_cpu_ns_per_token", "?")).append(" ns/token; tokens");
        for (String v : DetectionWorkload.variants()) {
            if (meta.containsKey("tokens_" + v)) {
                s.append(' ').append(v).append('=').append(meta.get("tokens_" + v));
            }
        }
        s.append('\n');
        s.append("ab: looks at ").append(a.looks()).append(" rounds (RoundsPlan.DEFAULT), disjoint comparisons in "
                + "time order; reshuffled: ").append(a.passes()).append(" random permutations (shared rounds)\n");
        s.append("single run a side: baseline A of round j-lag, candidate of round j, lags ")
                .append(java.util.Arrays.toString(a.lags())).append(", history = ").append(a.historyRuns())
                .append(" A runs ending at the baseline's; Welch and Mann-Whitney on the iterations of the same two runs\n");
        s.append("rows on cpu_ns: the same comparisons on the measuring thread's CPU time (not the detector's default "
                + "metric: a proposal, outside the exit code)\n");
        return s.toString();
    }
}
