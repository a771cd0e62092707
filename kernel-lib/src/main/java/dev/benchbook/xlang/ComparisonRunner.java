package dev.benchbook.xlang;

import dev.benchbook.process.ChildRusage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Runs a {@link LanguageSuite}'s plan: toolchains, builds, the two output checks, warmup and timed rounds. */
final class ComparisonRunner {

    record Plan(String workload, List<Implementation> implementations, String reference, List<String> args,
            List<String> smallArgs, List<String> instructionArgs, Path stdin, int warmup, int runs, Order order,
            Validation validation, long seed, double level, Duration timeout, BuildCache cache, Path expectedSmall,
            Path expectedTimed) {}

    /** The state of one implementation while the plan runs. */
    private static final class Entry {
        final Implementation impl;
        Toolchain toolchain;
        BuildCache.Build build;
        ImplementationResult.Status status;
        String problem = "";
        String outputHash = "";
        final List<RunRecord> runs = new ArrayList<>();
        InstructionCounts counts;
        String countsProblem = "";

        Entry(Implementation impl) {
            this.impl = impl;
        }

        boolean alive() {
            return status == null;
        }

        void fail(ImplementationResult.Status s, String why) {
            status = s;
            problem = why;
        }
    }

    /** A run that could not complete: its status and message. */
    private static final class RunFailure extends Exception {
        final ImplementationResult.Status status;

        RunFailure(ImplementationResult.Status status, String message) {
            super(message);
            this.status = status;
        }
    }

    private record Output(ChildRusage.Usage usage, byte[] stdout) {}

    private final Plan plan;
    private final Path scratch;

    ComparisonRunner(Plan plan) throws IOException {
        this.plan = plan;
        this.scratch = Files.createTempDirectory("benchbook-xlang");
    }

    ComparisonResult run() throws IOException, InterruptedException {
        if (ChildRusage.runner().isEmpty()) {
            throw new IOException("cannot time programs: " + ChildRusage.reason());
        }
        try {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Implementation i : plan.implementations()) {
                entries.put(i.name(), new Entry(i));
            }
            for (Entry e : entries.values()) {
                prepare(e);
            }
            Entry ref = entries.get(plan.reference());
            if (plan.smallArgs() != null) {
                check(entries, ref, plan.smallArgs(), plan.expectedSmall(), true);
            }
            check(entries, ref, plan.args(), plan.expectedTimed(), false);
            if (plan.order() == Order.SEQUENTIAL) {
                blocks(entries);
            } else {
                Random order = new Random(plan.seed());
                for (int w = 2; w <= plan.warmup(); w++) {
                    round(entries, order, RunRecord.Phase.WARMUP, w - 1);
                }
                for (int r = 1; r <= plan.runs(); r++) {
                    round(entries, order, RunRecord.Phase.TIMED, r);
                }
            }
            for (Entry e : entries.values()) {
                if (e.alive()) {
                    e.status = ImplementationResult.Status.OK;
                    if (plan.instructionArgs() != null) {
                        count(e);
                    }
                }
            }
            List<ImplementationResult> results = new ArrayList<>();
            for (Entry e : entries.values()) {
                results.add(new ImplementationResult(e.impl, e.toolchain, e.status, e.problem, e.build, e.runs,
                        e.outputHash, e.counts, e.countsProblem,
                        e.toolchain != null && (e.build != null || !e.impl.built()) ? argv(e, plan.args()) : List.of()));
            }
            return new ComparisonResult(plan.workload(), plan.reference(), plan.args(), plan.smallArgs(),
                    plan.validation(), plan.warmup(), plan.runs(), plan.order(), plan.seed(), plan.level(), results);
        } finally {
            BuildCache.deleteTree(scratch);
        }
    }

    private void prepare(Entry e) throws IOException, InterruptedException {
        try {
            e.toolchain = Toolchain.resolve(e.impl);
        } catch (Toolchain.MissingToolException ex) {
            e.fail(ImplementationResult.Status.MISSING_TOOLCHAIN, ex.getMessage());
            return;
        }
        if (e.impl.built()) {
            try {
                e.build = plan.cache().build(e.impl, e.toolchain);
            } catch (BuildCache.BuildFailedException ex) {
                e.fail(ImplementationResult.Status.BUILD_FAILED, ex.getMessage());
            }
        }
    }

    /** Runs every live implementation once at {@code args} and compares its output with the reference's. */
    private void check(Map<String, Entry> entries, Entry ref, List<String> args, Path expected, boolean small)
            throws IOException, InterruptedException {
        String size = (small ? "small input" : "timed input") + " (args " + String.join(" ", args) + ")";
        byte[] known = expected == null ? null : Files.readAllBytes(expected);
        byte[] refOut = null;
        if (ref.alive()) {
            refOut = checkedRun(ref, args, small);
            if (refOut != null && known != null) {
                Optional<String> d = plan.validation().compare(known, refOut);
                if (d.isPresent()) {
                    ref.fail(ImplementationResult.Status.INVALID, "the reference's output at the " + size
                            + " differs from the known answer " + expected + ": " + d.get());
                    refOut = null;
                }
            }
        }
        byte[] against = refOut != null ? refOut : known;
        String againstName = refOut != null ? "the reference (" + ref.impl.name() + ")" : "the known answer " + expected;
        for (Entry e : entries.values()) {
            if (e == ref || !e.alive()) {
                continue;
            }
            if (against == null) {
                e.fail(ImplementationResult.Status.UNVALIDATED, "not timed: the reference " + ref.impl.name()
                        + " has no valid output at the " + size + " to check against (" + ref.problem + ")");
                continue;
            }
            byte[] out = checkedRun(e, args, small);
            if (out == null) {
                continue;
            }
            Optional<String> d = plan.validation().compare(against, out);
            if (d.isPresent()) {
                e.fail(ImplementationResult.Status.INVALID, "output at the " + size + " differs from " + againstName
                        + " (validation " + plan.validation() + "): " + d.get() + "; it is left out of every ratio");
            }
        }
    }

    /** One untimed checking run; at the timed size it is recorded as the validation run. Null when it failed. */
    private byte[] checkedRun(Entry e, List<String> args, boolean small) throws IOException, InterruptedException {
        try {
            Output o = execute(e, args, small ? "small" : "validation");
            if (!small) {
                e.outputHash = hash(o.stdout());
                e.runs.add(record(e, RunRecord.Phase.VALIDATION, 1, 1, o));
            }
            return o.stdout();
        } catch (RunFailure f) {
            e.fail(f.status, f.getMessage());
            return null;
        }
    }

    private void round(Map<String, Entry> entries, Random order, RunRecord.Phase phase, int round)
            throws IOException, InterruptedException {
        List<Entry> live = new ArrayList<>(entries.values().stream().filter(Entry::alive).toList());
        Collections.shuffle(live, order);
        int position = 0;
        for (Entry e : live) {
            single(e, phase, round, ++position);
        }
    }

    /**
     * {@link Order#SEQUENTIAL}: each live implementation in turn, in definition order, runs its warmups (all
     * {@code warmup} of them: the validation run is not next to the block, so it does not count) and then its
     * timed runs, back to back. A run's position is its block's place in that order.
     */
    private void blocks(Map<String, Entry> entries) throws IOException, InterruptedException {
        int position = 0;
        for (Entry e : entries.values()) {
            if (!e.alive()) {
                continue;
            }
            position++;
            for (int w = 1; w <= plan.warmup() && e.alive(); w++) {
                single(e, RunRecord.Phase.WARMUP, w, position);
            }
            for (int r = 1; r <= plan.runs() && e.alive(); r++) {
                single(e, RunRecord.Phase.TIMED, r, position);
            }
        }
    }

    private void single(Entry e, RunRecord.Phase phase, int round, int position)
            throws IOException, InterruptedException {
        try {
            Output o = execute(e, plan.args(), phase.label() + " " + round);
            e.runs.add(record(e, phase, round, position, o));
        } catch (RunFailure f) {
            e.fail(f.status, f.getMessage());
        }
    }

    private Output execute(Entry e, List<String> args, String what) throws IOException, InterruptedException, RunFailure {
        List<String> argv = argv(e, args);
        Path out = scratch.resolve(e.impl.name() + ".out");
        Path err = scratch.resolve(e.impl.name() + ".err");
        ChildRusage.Usage u;
        try {
            u = ChildRusage.run(argv, e.impl.source().getParent(), Map.of(), false, plan.stdin(), out, err,
                    plan.timeout());
        } catch (IOException ex) {
            throw new RunFailure(ImplementationResult.Status.RUN_FAILED, "the " + what + " run could not start: "
                    + ex.getMessage());
        }
        if (u.timedOut()) {
            throw new RunFailure(ImplementationResult.Status.TIMEOUT, "the " + what + " run (" + String.join(" ", argv)
                    + ") took longer than the timeout of " + plan.timeout().toSeconds() + " s and was stopped; raise"
                    + " .timeout(...) or lower the size");
        }
        if (u.exit() != 0) {
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            throw new RunFailure(ImplementationResult.Status.RUN_FAILED, "the " + what + " run exited with "
                    + (u.exit() > 128 ? "signal " + (u.exit() - 128) : "code " + u.exit()) + ": "
                    + String.join(" ", argv) + (stderr.isEmpty() ? "" : "\n" + BuildCache.tail(stderr)));
        }
        return new Output(u, Files.readAllBytes(out));
    }

    List<String> argv(Entry e, List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("src", e.impl.source().toString());
        if (e.build != null) {
            values.put("out", e.build.out().toString());
        }
        return e.toolchain.locate(e.impl.run().expand(values, args), e.impl.run().words().get(0));
    }

    private RunRecord record(Entry e, RunRecord.Phase phase, int round, int position, Output o) {
        String h = hash(o.stdout());
        return new RunRecord(e.impl.name(), phase, round, position, o.usage().wallNs(), o.usage().userNs(),
                o.usage().sysNs(), o.usage().peakRssBytes(), h);
    }

    private void count(Entry e) throws InterruptedException {
        InstructionCounter.Outcome o = InstructionCounter.count(e.impl, argv(e, plan.instructionArgs()),
                e.impl.source().getParent(), plan.stdin(), plan.instructionArgs(), plan.timeout().multipliedBy(20));
        e.counts = o.counts();
        e.countsProblem = o.problem();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
