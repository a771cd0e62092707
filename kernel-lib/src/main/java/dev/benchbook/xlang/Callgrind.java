package dev.benchbook.xlang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts the instructions a program executes, and its simulated cache misses, under valgrind's callgrind
 * tool: counts that repeat exactly from run to run, where timings never do. The program runs as
 *
 * <pre>
 * env -i PATH=/usr/bin:/bin LANG=C setarch x86_64 -R valgrind --tool=callgrind --cache-sim=yes --demangle=yes
 *     --trace-children=yes --callgrind-out-file=DIR/callgrind.out.%p --log-file=DIR/valgrind.%p.log
 *     env -i PATH=/usr/bin:/bin LANG=C PROGRAM ARGS...
 * </pre>
 *
 * <ul>
 * <li>{@code setarch -R} turns address-space randomisation off.</li>
 * <li>The inner {@code env -i} gives the program a fixed, minimal environment ({@link #ENVIRONMENT}, plus the
 * {@code LD_PRELOAD} and {@code VALGRIND_LIB} valgrind adds): the environment's size moves the stack, and so
 * the counts. It runs under valgrind with {@code --trace-children=yes}, so valgrind follows its {@code exec}
 * into the program; {@code env}'s own few instructions are left behind with its process image, and the
 * profile is the program's alone (its {@code cmd:} line is the program's).</li>
 * <li>The outer {@code env -i} keeps valgrind itself from reading {@code VALGRIND_OPTS} or
 * {@code ~/.valgrindrc} (there is no {@code HOME}). valgrind still reads a {@code .valgrindrc} in the working
 * directory.</li>
 * </ul>
 * A program is named as it would be in a shell: with a slash, relative to the working directory; without
 * one, it is looked up on the fixed {@code PATH} ({@code /usr/bin}, {@code /bin}), so a program installed
 * elsewhere needs its absolute path (see {@link Toolchains#find}).
 *
 * <p>Managed runtimes (Java, Python, JavaScript) run and are counted, but their counts are marked
 * {@link CallgrindResult#indicative() indicative}. valgrind runs programs 20 to 50 times slower than
 * natively (a JVM's start-up takes about 4 s), so give the workload's small size and a timeout to match.
 */
public final class Callgrind {
    /** The environment programs run with under callgrind, as {@code NAME=value} words. */
    public static final List<String> ENVIRONMENT = List.of("PATH=/usr/bin:/bin", "LANG=C");

    private static final String ENV_IGNORE = "-i";
    private static final List<String> FIXED_PATH = List.of("/usr/bin", "/bin");
    private static volatile Probe probe;

    private record Probe(Path env, Path setarch, String arch, Path valgrind, String version, String reason) {}

    private Callgrind() {}

    /** True when valgrind and {@code setarch -R} work here; probed once per JVM. */
    public static boolean available() {
        return probe().reason().isEmpty();
    }

    /** Why callgrind cannot count here, with the fix; empty when {@link #available()}. */
    public static String reason() {
        return probe().reason();
    }

    /** The first line of {@code valgrind --version}, e.g. {@code valgrind-3.19.0}; "unavailable" without it. */
    public static String version() {
        String v = probe().version();
        return v.isEmpty() ? "unavailable" : v;
    }

    /**
     * Runs {@code argv} once under callgrind and returns its counts and per-function costs.
     *
     * @param argv the program and its arguments, no shell; the program is looked up as described above
     * @param workDir the working directory, or null for this JVM's
     * @param stdin a file for the program's stdin, or null for the null device
     * @param timeout the longest the run may take under valgrind, which is 20 to 50 times slower than native;
     *     beyond it the run is killed and an {@link IOException} names the timeout
     * @throws IllegalArgumentException when argv is empty, the timeout is not positive, the working directory or
     *     stdin does not exist, or the program cannot be found or executed (the path tried and the fix)
     * @throws IOException when callgrind is not {@link #available()} (the reason), the run times out, or valgrind
     *     writes no profile (its messages, e.g. a script's bad interpreter)
     * @throws InterruptedException when interrupted while waiting; the run is killed
     */
    public static CallgrindResult count(List<String> argv, Path workDir, Path stdin, Duration timeout)
            throws IOException, InterruptedException {
        return count(argv, workDir, stdin, timeout, null);
    }

    /** As {@link #count(List, Path, Path, Duration)}; copies the raw profiles into {@code keep} when it is not null. */
    static CallgrindResult count(List<String> argv, Path workDir, Path stdin, Duration timeout, Path keep)
            throws IOException, InterruptedException {
        if (argv == null || argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException("Callgrind.count(argv=" + argv + "): must name a program, e.g."
                    + " List.of(\"./nbody\", \"1000\")");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Callgrind.count(timeout=" + timeout + "): must be positive; allow 20"
                    + " to 50 times the native run time, e.g. Duration.ofMinutes(2)");
        }
        Path dir = workDir == null ? Path.of("").toAbsolutePath() : workDir.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Callgrind.count(workDir=" + workDir + "): is not a directory;"
                    + " give an existing working directory, or null for this JVM's");
        }
        if (stdin != null && !Files.isReadable(stdin)) {
            throw new IllegalArgumentException("Callgrind.count(stdin=" + stdin + "): cannot be read; give an"
                    + " existing file, or null for the null device");
        }
        Probe p = probe();
        if (!p.reason().isEmpty()) {
            throw new IOException("Callgrind.count: callgrind is not available: " + p.reason());
        }
        checkProgram(argv.get(0), dir);
        Path tmp = Files.createTempDirectory("benchbook-callgrind");
        try {
            List<String> cmd = command(p, argv, tmp);
            Path out = tmp.resolve("stdout");
            Path err = tmp.resolve("stderr");
            Process proc = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(stdin == null
                            ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                            : ProcessBuilder.Redirect.from(stdin.toFile())).start();
            boolean exited;
            try {
                exited = proc.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(proc);
                throw e;
            }
            if (!exited) {
                kill(proc);
                throw new IOException("Callgrind.count: " + String.join(" ", argv) + " did not finish within the"
                        + " timeout of " + seconds(timeout) + " under valgrind and was killed; valgrind runs programs"
                        + " 20 to 50 times slower than natively: give a longer timeout, or a smaller input (the"
                        + " workload's SMALL size)");
            }
            CallgrindResult r = result(p, argv, cmd, proc, tmp, out, err);
            if (keep != null) {
                try (Stream<Path> s = Files.list(tmp)) {
                    for (Path f : s.filter(f -> f.getFileName().toString().startsWith("callgrind.out.")).toList()) {
                        Files.copy(f, keep.resolve(f.getFileName()));
                    }
                }
            }
            return r;
        } finally {
            deleteTree(tmp);
        }
    }

    private static CallgrindResult result(Probe p, List<String> argv, List<String> cmd, Process proc, Path tmp,
            Path out, Path err) throws IOException {
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        List<Path> profiles;
        try (Stream<Path> s = Files.list(tmp)) {
            // An empty file is one callgrind opened in a process that then failed to exec (a bad interpreter).
            profiles = s.filter(f -> f.getFileName().toString().startsWith("callgrind.out.") && f.toFile().length() > 0)
                    .sorted().toList();
        }
        if (profiles.isEmpty()) {
            throw new IOException("Callgrind.count(argv=" + argv + "): valgrind wrote no profile (exit "
                    + proc.exitValue() + "): " + tail(messages(logs(tmp) + "\n" + stderr))
                    + "; check that the program runs outside valgrind");
        }
        List<CallgrindFile> files = new ArrayList<>();
        CallgrindFile main = null;
        for (Path f : profiles) {
            CallgrindFile cf = CallgrindFile.parse(f);
            files.add(cf);
            if (cf.pid() == proc.pid()) {
                main = cf;
            }
        }
        if (main == null) {
            main = files.get(0);
        }
        List<String> inner = cmd.subList(cmd.size() - argv.size() - ENVIRONMENT.size() - 2, cmd.size());
        if (main.command().equals(String.join(" ", inner))) {
            throw new IllegalArgumentException("Callgrind.count(argv=" + argv + "): the program did not start: "
                    + tail(stderr) + "; check its path and that it is executable");
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, CallgrindFunction> functions = new LinkedHashMap<>();
        for (CallgrindFile cf : files) {
            cf.totals().forEach((k, v) -> totals.merge(k, v, Long::sum));
            for (CallgrindFunction f : cf.functions()) {
                functions.merge(f.key(), f, (a, b) -> new CallgrindFunction(a.method(), a.file(), a.object(),
                        a.selfInstructions() + b.selfInstructions(), a.totalInstructions() + b.totalInstructions(),
                        a.calls() + b.calls(), a.recursive() || b.recursive()));
            }
        }
        long ir = totals.getOrDefault("Ir", 0L);
        long i1 = totals.getOrDefault("I1mr", 0L);
        long d1 = totals.getOrDefault("D1mr", 0L) + totals.getOrDefault("D1mw", 0L);
        long ll = totals.getOrDefault("ILmr", 0L) + totals.getOrDefault("DLmr", 0L) + totals.getOrDefault("DLmw", 0L);
        List<CallgrindFunction> fs = functions.values().stream()
                .map(f -> f.totalInstructions() <= ir ? f : new CallgrindFunction(f.method(), f.file(), f.object(),
                        f.selfInstructions(), ir, f.calls(), f.recursive()))
                .sorted(CallgrindFile.BY_SELF).toList();
        Optional<String> managed = managedRuntime(argv.get(0), fs);
        int exit = proc.exitValue();
        return new CallgrindResult(ir, i1, d1, ll, ir + 10 * (i1 + d1) + 100 * ll, p.version(), cmd, exit,
                managed.isPresent(), managed.orElse(""), files.size(), main.descriptions().stream()
                        .filter(d -> d.contains("cache:")).toList(), fs, stdout, stderr);
    }

    /** The full command line for {@code argv}, writing profiles and logs into {@code tmp}. */
    private static List<String> command(Probe p, List<String> argv, Path tmp) {
        List<String> cmd = new ArrayList<>();
        cmd.add(p.env().toString());
        cmd.add(ENV_IGNORE);
        cmd.addAll(ENVIRONMENT);
        cmd.addAll(List.of(p.setarch().toString(), p.arch(), "-R", p.valgrind().toString(), "--tool=callgrind",
                "--cache-sim=yes", "--demangle=yes", "--trace-children=yes",
                "--callgrind-out-file=" + tmp.resolve("callgrind.out.%p"),
                "--log-file=" + tmp.resolve("valgrind.%p.log")));
        cmd.add(p.env().toString());
        cmd.add(ENV_IGNORE);
        cmd.addAll(ENVIRONMENT);
        cmd.addAll(argv);
        return cmd;
    }

    private static void checkProgram(String program, Path dir) {
        if (program.contains("/")) {
            Path p = dir.resolve(program);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalArgumentException("Callgrind.count(argv[0]=" + program + "): " + p
                        + (Files.exists(p) ? " is not an executable file" : " does not exist")
                        + "; build the program first, or give its path relative to the working directory " + dir);
            }
            return;
        }
        for (String d : FIXED_PATH) {
            Path p = Path.of(d, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return;
            }
        }
        throw new IllegalArgumentException("Callgrind.count(argv[0]=" + program + "): not found on "
                + ENVIRONMENT.get(0) + ", the fixed PATH programs run with under callgrind; give its absolute path"
                + Toolchains.find(program).map(f -> " (here: " + f + ")").orElse(", e.g. from Toolchains.find"));
    }

    /** Why the counts of a program on a managed runtime are indicative; empty for native code. */
    static Optional<String> managedRuntime(String program, List<CallgrindFunction> functions) {
        String name = Path.of(program).getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jvm = name.equals("java") || functions.stream().anyMatch(f -> f.object().endsWith("/libjvm.so"));
        boolean python = name.startsWith("python") || name.startsWith("pypy")
                || functions.stream().anyMatch(f -> f.method().startsWith("_PyEval_EvalFrame"));
        boolean node = name.equals("node") || name.equals("nodejs")
                || functions.stream().anyMatch(f -> f.method().startsWith("v8::internal::"));
        if (jvm) {
            return Optional.of("java runs on the JVM: the counts include its interpreter, JIT compilers and garbage"
                    + " collector, and compilation on background threads varies them from run to run");
        }
        if (python) {
            return Optional.of("python is interpreted by CPython: the counts are the interpreter's, start-up included,"
                    + " and string hashing randomised per run (PYTHONHASHSEED) varies them");
        }
        if (node) {
            return Optional.of("javascript runs on V8: the counts include its interpreter, JIT compilers and garbage"
                    + " collector, and compilation on background threads varies them from run to run");
        }
        return Optional.empty();
    }

    private static Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (Callgrind.class) {
                p = probe;
                if (p == null) {
                    p = doProbe();
                    probe = p;
                }
            }
        }
        return p;
    }

    private static Probe doProbe() {
        Path env = Toolchains.find("env").orElse(Path.of("/usr/bin/env"));
        Optional<Path> valgrind = Toolchains.find("valgrind");
        if (valgrind.isEmpty()) {
            return new Probe(env, null, "", null, "", "valgrind is not installed (looked on PATH, /usr/local/bin and"
                    + " /usr/bin); install it with 'apt-get install valgrind' (scripts/setup.sh does)");
        }
        String version = Toolchains.version(valgrind.get());
        if (!version.startsWith("valgrind-")) {
            return new Probe(env, null, "", valgrind.get(), "", valgrind.get() + " --version printed '" + version
                    + "', not 'valgrind-X.Y.Z'; reinstall valgrind");
        }
        Optional<Path> setarch = Toolchains.find("setarch");
        if (setarch.isEmpty()) {
            return new Probe(env, null, "", valgrind.get(), version, "setarch is not installed, and without it"
                    + " address-space randomisation would vary the counts; install util-linux");
        }
        try {
            String[] uname = run(List.of(Toolchains.find("uname").map(Path::toString).orElse("uname"), "-m"));
            String arch = uname[1].strip();
            if (!uname[0].equals("0") || arch.isEmpty()) {
                return new Probe(env, setarch.get(), "", valgrind.get(), version, "'uname -m' failed (exit "
                        + uname[0] + ": " + uname[1].strip() + "), so setarch has no architecture to keep");
            }
            String[] r = run(List.of(setarch.get().toString(), arch, "-R", env.toString(), "true"));
            if (!r[0].equals("0")) {
                return new Probe(env, setarch.get(), arch, valgrind.get(), version, "'setarch " + arch + " -R' cannot"
                        + " turn address-space randomisation off here (exit " + r[0] + ": " + r[1].strip() + "); the"
                        + " kernel or a seccomp filter refuses personality(ADDR_NO_RANDOMIZE): allow it, or run on"
                        + " a machine without that filter");
            }
            return new Probe(env, setarch.get(), arch, valgrind.get(), version, "");
        } catch (IOException e) {
            return new Probe(env, setarch.get(), "", valgrind.get(), version, "probing setarch failed: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(env, setarch.get(), "", valgrind.get(), version, "probing setarch was interrupted");
        }
    }

    /** Runs a short command; returns its exit status and its output, stdout and stderr together. */
    private static String[] run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("benchbook-probe", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                kill(p);
                return new String[] {"timeout", String.join(" ", cmd) + " did not finish in 30 s"};
            }
            return new String[] {String.valueOf(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8)};
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String logs(Path tmp) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("valgrind.")).sorted().toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /** The lines that are not valgrind's start-up chatter ({@code ==pid==}, {@code --pid--}); all when none. */
    private static String messages(String log) {
        List<String> real = log.lines().filter(l -> !l.isBlank() && !l.startsWith("==") && !l.startsWith("--"))
                .toList();
        return real.isEmpty() ? log : String.join("\n", real);
    }

    private static String tail(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "(no message)";
        }
        List<String> lines = t.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
