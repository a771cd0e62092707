package dev.benchbook.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.Suite;
import dev.benchbook.SuiteFactory;
import dev.benchbook.harness.Harness;
import dev.benchbook.harness.RunListener;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.spec.BenchmarkSpec;
import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteSpec;
import dev.benchbook.stats.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The child side of a fork: builds the suite from its factory, runs one benchmark at one param
 * combination in this fresh JVM, and writes the outcome as JSON.
 *
 * <p>Usage: {@code ForkMain <factory class> <benchmark name> <param combination index> <output file>
 * <run controls>}, the controls as {@link ForkControls} encodes them.
 * Exit codes: 0 the outcome was written (it may still report a failed benchmark); 2 bad arguments;
 * 3 the suite could not be built or the outcome could not be written.
 */
public final class ForkMain {
    private ForkMain() {}

    /** Runs the fork; see the class description for arguments and exit codes. */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ForkMain <factory class> <benchmark> <param index> <output file> <controls>");
            System.exit(2);
        }
        try {
            SuiteSpec spec = build(args[0], ForkControls.decode(args[4]));
            BenchmarkSpec bench = spec.benchmarks().stream().filter(b -> b.name().equals(args[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("benchmark \"" + args[1] + "\" is not in suite '"
                            + spec.name() + "' built by " + args[0]));
            List<ParamSet> sets = spec.paramSets();
            ParamSet params = sets.get(Integer.parseInt(args[2]));
            BenchmarkRun run = new Harness(Precision::relativeHalfWidth, RunListener.NONE).runOne(spec, bench, params);
            write(new ForkOutcome(run.status(), run.error(), run.stopReason(), run.samples()), Path.of(args[3]));
        } catch (Exception | LinkageError e) {
            System.err.println("benchbook fork failed: " + e);
            System.exit(3);
        }
        System.exit(0);
    }

    static SuiteSpec build(String factoryClass, RunControls controls) throws ReflectiveOperationException {
        Class<?> type = Class.forName(factoryClass);
        SuiteFactory factory = (SuiteFactory) type.getConstructor().newInstance();
        Suite<?> suite = factory.create();
        SuiteSpec built = suite.forks(0).quiet().build();
        return built.withControls(controls);
    }

    private static void write(ForkOutcome outcome, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().writeValue(tmp.toFile(), outcome);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
