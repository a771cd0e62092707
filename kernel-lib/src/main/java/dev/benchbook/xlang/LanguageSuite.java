package dev.benchbook.xlang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The definition of a cross-language comparison: one workload, its implementations, the arguments they
 * run with, and how they are checked and timed. {@code Bench.languages(workload)} starts one:
 *
 * <pre>{@code
 * var cmp = Bench.languages("nbody")
 *     .implementation("c", Language.C, Path.of("../datasets/xlang/nbody/nbody.c"))
 *     .implementation("java", Language.JAVA, Path.of("../datasets/xlang/nbody/NBody.java"))
 *     .args("5000000")
 *     .reference("c")
 *     .run();
 * }</pre>
 *
 * <p>{@link #run()} builds every implementation (untimed, cached; see {@link BuildCache}), checks every
 * output against the reference's, first at the {@linkplain #smallArgs small size} and then at the timed
 * size, and times only those that agree: {@link #warmup} runs, then {@link #runs} timed runs, in rounds
 * whose order across implementations is shuffled by a seeded generator ({@link #order} can run each
 * implementation's runs back to back instead). See {@link ComparisonResult} for the figures and their
 * definitions.
 *
 * @param <R> what {@link #run()} returns
 */
public class LanguageSuite<R> {
    /** Default number of timed runs per implementation. */
    public static final int DEFAULT_RUNS = 10;
    /** Default number of warmup runs; the first is also the validation run at the timed size. */
    public static final int DEFAULT_WARMUP = 1;
    /** Default longest time one run may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final String workload;
    private final Function<ComparisonResult, R> wrap;
    private final Map<String, Implementation> implementations = new LinkedHashMap<>();
    private List<String> args = List.of();
    private List<String> smallArgs;
    private List<String> instructionArgs;
    private Path stdin;
    private String reference;
    private int warmup = DEFAULT_WARMUP;
    private int runs = DEFAULT_RUNS;
    private Order order = Order.INTERLEAVED;
    private Validation validation = Validation.bytes();
    private boolean instructions;
    private long seed = 1;
    private double level = 0.95;
    private Duration timeout = DEFAULT_TIMEOUT;
    private BuildCache cache;
    private Path expectedSmall;
    private Path expectedTimed;

    /**
     * A comparison of {@code workload}, whose result {@code wrap} turns into what {@link #run()} returns.
     *
     * @throws IllegalArgumentException if the workload name is blank
     */
    public LanguageSuite(String workload, Function<ComparisonResult, R> wrap) {
        if (workload == null || workload.isBlank()) {
            throw new IllegalArgumentException("languages(workload): the workload name is empty; name it, e.g. \"nbody\"");
        }
        this.workload = workload;
        this.wrap = wrap;
    }

    /** An implementation built and run with {@code language}'s default toolchain (see {@link Language}). */
    public LanguageSuite<R> implementation(String name, Language language, Path source) {
        return add(Implementation.of(name, language, source, List.of()));
    }

    /**
     * The same with {@code flags} instead of the language's default flags: the compiler's for C, C++ and
     * Rust (e.g. {@code "-O3", "-march=native"}), the {@code java} launcher's for Java, the interpreter's
     * for Python and JavaScript.
     */
    public LanguageSuite<R> implementation(String name, Language language, Path source, String... flags) {
        return add(Implementation.of(name, language, source, Arrays.asList(flags)));
    }

    /**
     * An implementation with its own commands, using the placeholders {@code {src}}, {@code {out}} and
     * {@code {args}} (see {@link CommandTemplate}); {@code buildCommand} may be null for a program that runs
     * from its source.
     */
    public LanguageSuite<R> implementation(String name, String buildCommand, String runCommand, Path source) {
        return add(Implementation.custom(name, buildCommand, runCommand, source));
    }

    /**
     * Every implementation of a workload folder such as {@code datasets/xlang/nbody}, read from its
     * {@code workload.env} (see {@code datasets/xlang/README.md}): one implementation per language, named by
     * the language's label ({@code c}, {@code c++}, {@code rust}, {@code java}, {@code python},
     * {@code javascript}), the small and timed sizes as {@link #smallArgs} and {@link #args}, and the
     * folder's known answers ({@code expected/<size>.txt}), against which the reference is checked too.
     * {@code languages} picks a subset; none means all six. The reference is {@code c} unless set.
     *
     * @throws IllegalArgumentException if the folder has no readable {@code workload.env}, or it lacks a key
     */
    public LanguageSuite<R> dataset(Path folder, Language... languages) {
        Path dir = folder.toAbsolutePath().normalize();
        Map<String, String> env = readManifest(dir);
        List<Language> wanted = languages.length == 0 ? List.of(Language.values()) : List.of(languages);
        for (Language l : wanted) {
            String key = switch (l) {
                case C -> "C";
                case CPP -> "CPP";
                case RUST -> "RUST";
                case JAVA -> "JAVA";
                case PYTHON -> "PYTHON";
                case JAVASCRIPT -> "JS";
            };
            String file = env.get(key);
            if (file == null) {
                throw new IllegalArgumentException("dataset(" + dir + "): workload.env has no " + key
                        + "= line for " + l.label() + "; add it, or leave " + l.label() + " out of the languages");
            }
            implementation(l.label(), l, dir.resolve(file));
        }
        String small = required(dir, env, "SMALL");
        String timed = required(dir, env, "TIMED");
        smallArgs(small.split("\\s+"));
        args(timed.split("\\s+"));
        Path es = dir.resolve("expected").resolve(small.replace(' ', '_') + ".txt");
        Path et = dir.resolve("expected").resolve(timed.replace(' ', '_') + ".txt");
        expectedSmall = Files.isRegularFile(es) ? es : null;
        expectedTimed = Files.isRegularFile(et) ? et : null;
        if (reference == null && implementations.containsKey("c")) {
            reference = "c";
        }
        return this;
    }

    /**
     * The arguments of the timed runs, e.g. {@code "5000000"}. Setting them after {@link #dataset} drops the
     * dataset's known answer for the timed size unless the folder has one for the new arguments.
     */
    public LanguageSuite<R> args(String... args) {
        List<String> a = List.of(args);
        if (expectedTimed != null && !a.equals(this.args)) {
            Path other = expectedTimed.resolveSibling(String.join("_", a) + ".txt");
            expectedTimed = Files.isRegularFile(other) ? other : null;
        }
        this.args = a;
        return this;
    }

    /**
     * The arguments of the first, quick output check, e.g. {@code "1000"}: every output is compared at
     * this size before any program runs at the timed size. Without it the only check is at the timed size.
     */
    public LanguageSuite<R> smallArgs(String... args) {
        List<String> a = List.of(args);
        if (expectedSmall != null && !a.equals(this.smallArgs)) {
            Path other = expectedSmall.resolveSibling(String.join("_", a) + ".txt");
            expectedSmall = Files.isRegularFile(other) ? other : null;
        }
        this.smallArgs = a;
        return this;
    }

    /** A file every run reads as its standard input (default: the null device). */
    public LanguageSuite<R> stdin(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("stdin(" + f + "): not a file; give the input file's path");
        }
        this.stdin = f;
        return this;
    }

    /** The implementation that every ratio is relative to and every output is checked against. */
    public LanguageSuite<R> reference(String name) {
        this.reference = name;
        return this;
    }

    /**
     * Untimed runs before the timed ones, default {@value #DEFAULT_WARMUP}. The validation run at the timed
     * size happens even with 0, and counts as the first warmup run in the default, interleaved {@link #order};
     * in sequential order each implementation's block starts with {@code n} warmup runs of its own.
     *
     * @throws IllegalArgumentException if {@code n} is negative or above 100
     */
    public LanguageSuite<R> warmup(int n) {
        if (n < 0 || n > 100) {
            throw new IllegalArgumentException("warmup(" + n + "): must be between 0 and 100; 1 to 3 is usual");
        }
        this.warmup = n;
        return this;
    }

    /**
     * Timed runs per implementation, default {@value #DEFAULT_RUNS}: one per round.
     *
     * @throws IllegalArgumentException if {@code n} is below 2 (an interval needs two) or above 10,000
     */
    public LanguageSuite<R> runs(int n) {
        if (n < 2 || n > 10_000) {
            throw new IllegalArgumentException("runs(" + n + "): must be between 2 and 10000; a confidence interval"
                    + " needs at least 2 runs, and 10 to 30 is usual");
        }
        this.runs = n;
        return this;
    }

    /**
     * The order of the warmup and timed runs across implementations: {@link Order#INTERLEAVED}, the default,
     * in seeded, shuffled rounds, or {@link Order#SEQUENTIAL}, each implementation's runs back to back as
     * hyperfine runs them. Interleaving is the default because a ratio is what a comparison is for, and it
     * keeps a drift of the machine's state (another job, the clock, the caches) out of the ratios; {@link
     * Order} says what each order costs.
     */
    public LanguageSuite<R> order(Order order) {
        this.order = java.util.Objects.requireNonNull(order, "order(null): give Order.INTERLEAVED or"
                + " Order.SEQUENTIAL");
        return this;
    }

    /** How outputs are compared: {@link Validation#bytes()} (the default) or {@link Validation#numeric}. */
    public LanguageSuite<R> validate(Validation validation) {
        this.validation = java.util.Objects.requireNonNull(validation, "validate(null): give Validation.bytes()"
                + " or Validation.numeric(tolerance)");
        return this;
    }

    /**
     * Also counts each validated implementation's instructions once more under valgrind's callgrind (see
     * {@code Callgrind}), at the timed arguments unless {@link #instructionArgs} says otherwise. Counts of
     * JIT runtimes and interpreters are marked indicative.
     */
    public LanguageSuite<R> instructions() {
        this.instructions = true;
        return this;
    }

    /** The arguments of the instruction-counting runs, which are 20 to 100 times slower under valgrind. */
    public LanguageSuite<R> instructionArgs(String... args) {
        this.instructionArgs = List.of(args);
        this.instructions = true;
        return this;
    }

    /** The seed of the round order and of the bootstrap, default 1. */
    public LanguageSuite<R> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The confidence level of the intervals, default 0.95.
     *
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public LanguageSuite<R> level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level(" + level + "): must be between 0 and 1 exclusive, e.g. 0.95");
        }
        this.level = level;
        return this;
    }

    /**
     * The longest one run may take, default 5 min; a run beyond it is stopped and its implementation fails.
     *
     * @throws IllegalArgumentException if not positive
     */
    public LanguageSuite<R> timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout(" + timeout + "): must be positive, e.g. Duration.ofMinutes(5)");
        }
        this.timeout = timeout;
        return this;
    }

    /** The build cache to use instead of the default one (see {@link BuildCache#defaultCache()}). */
    public LanguageSuite<R> cache(Path folder) {
        this.cache = new BuildCache(folder);
        return this;
    }

    /**
     * Builds, validates and times every implementation; see the class description.
     *
     * @throws IllegalArgumentException if there is no implementation, or the reference is not one of them
     */
    public R run() {
        if (implementations.isEmpty()) {
            throw new IllegalArgumentException("languages(\"" + workload + "\"): no implementation; add one with"
                    + " .implementation(name, Language.C, Path.of(\"prog.c\")) or .dataset(folder)");
        }
        String ref = reference != null ? reference : implementations.keySet().iterator().next();
        if (!implementations.containsKey(ref)) {
            throw new IllegalArgumentException("reference(\"" + ref + "\"): there is no such implementation; use one"
                    + " of " + implementations.keySet());
        }
        ComparisonRunner.Plan plan = new ComparisonRunner.Plan(workload, List.copyOf(implementations.values()), ref,
                args, smallArgs, instructions ? (instructionArgs != null ? instructionArgs : args) : null, stdin,
                warmup, runs, order, validation, seed, level, timeout, cache != null ? cache : BuildCache.defaultCache(),
                expectedSmall, expectedTimed);
        try {
            return wrap.apply(new ComparisonRunner(plan).run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("languages(\"" + workload + "\") was interrupted", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("languages(\"" + workload + "\"): " + e.getMessage(), e);
        }
    }

    private LanguageSuite<R> add(Implementation impl) {
        if (implementations.containsKey(impl.name())) {
            throw new IllegalArgumentException("implementation(\"" + impl.name() + "\") is defined twice; give each"
                    + " implementation its own name");
        }
        implementations.put(impl.name(), impl);
        return this;
    }

    private static Map<String, String> readManifest(Path dir) {
        Path f = dir.resolve("workload.env");
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset(" + dir + "): cannot read " + f + " (" + e.getMessage()
                    + "); point at a workload folder such as datasets/xlang/nbody", e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("dataset(" + dir + "): workload.env line '" + l + "' is not"
                        + " KEY=value; fix the line");
            }
            env.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return env;
    }

    private static String required(Path dir, Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("dataset(" + dir + "): workload.env has no " + key + "= line; add it");
        }
        return v;
    }

    /** The small check's arguments when set, else the timed arguments. */
    public List<String> smallArgsOrArgs() {
        return smallArgs != null ? smallArgs : args;
    }

    /** The implementations defined so far, in order. */
    public List<Implementation> implementations() {
        return new ArrayList<>(implementations.values());
    }
}
