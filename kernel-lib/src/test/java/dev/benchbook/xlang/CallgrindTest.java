package dev.benchbook.xlang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CallgrindTest {
    private static final Path NBODY = Path.of("..", "datasets", "xlang", "nbody");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static Path nbody;
    private static String small;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(Callgrind.available(), "skipped: " + Callgrind.reason());
        assumeTrue(Toolchains.find("gcc").isPresent(), "skipped: gcc is not installed");
        small = Files.readAllLines(NBODY.resolve("workload.env")).stream().filter(l -> l.startsWith("SMALL="))
                .findFirst().orElseThrow().substring("SMALL=".length()).strip();
        // No inlining and no constant-propagation clones, so that advance() is a function of its own name.
        nbody = dir.resolve("nbody");
        exec(dir, "gcc", "-O2", "-g", "-fno-inline", "-fno-ipa-cp", "-ffp-contract=off", "-o", nbody.toString(),
                NBODY.resolve("nbody.c").toAbsolutePath().toString(), "-lm");
    }

    @Test
    void nativeCountsRepeatExactlyOnARerun() throws Exception {
        CallgrindResult a = Callgrind.count(List.of("./nbody", small), dir, null, TIMEOUT);
        CallgrindResult b = Callgrind.count(List.of("./nbody", small), dir, null, TIMEOUT);
        System.out.println("nbody " + small + ": " + a);
        System.out.println("rerun     : " + b);
        assertEquals(Files.readString(NBODY.resolve("expected").resolve(small + ".txt")), a.stdout());
        assertEquals(0, a.exitStatus());
        assertFalse(a.indicative(), a.indicativeReason());
        assertEquals("", a.indicativeReason());
        assertEquals(1, a.processes());
        assertTrue(a.instructions() > 100_000, a.toString());
        assertEquals(a.instructions(), b.instructions());
        assertEquals(a.i1Misses(), b.i1Misses());
        assertEquals(a.d1Misses(), b.d1Misses());
        assertEquals(a.llMisses(), b.llMisses());
        assertEquals(a.estimatedCycles(), b.estimatedCycles());
        assertEquals(a.functions(), b.functions());
        assertEquals(a.instructions() + 10 * (a.i1Misses() + a.d1Misses()) + 100 * a.llMisses(), a.estimatedCycles());
        assertTrue(a.llMisses() <= a.i1Misses() + a.d1Misses(), "a last-level miss is a first-level miss too");
        assertEquals(Callgrind.version(), a.valgrindVersion());
        assertTrue(a.valgrindVersion().startsWith("valgrind-3."), a.valgrindVersion());
        List<String> cmd = a.command();
        assertTrue(cmd.containsAll(List.of("-R", "--tool=callgrind", "--cache-sim=yes", "--trace-children=yes")), cmd
                .toString());
        assertTrue(cmd.indexOf("-R") < cmd.indexOf("--tool=callgrind"), "setarch -R wraps valgrind: " + cmd);
        assertEquals(List.of("-i", "PATH=/usr/bin:/bin", "LANG=C", "./nbody", small), cmd.subList(cmd.size() - 5,
                cmd.size()), "the program runs under a fresh env -i, traced by valgrind");
        assertTrue(a.functions().stream().noneMatch(f -> f.object().endsWith("/env")),
                "env's instructions stay out: valgrind follows its exec into the program");
        assertTrue(a.caches().stream().anyMatch(c -> c.startsWith("LL cache:")), a.caches().toString());
    }

    @Test
    void profileLeadsWithTheHotLoopAndAddsUpToTheTotal() throws Exception {
        CallgrindResult r = Callgrind.count(List.of(nbody.toString(), "20000"), null, null, TIMEOUT);
        Table t = r.profile();
        System.out.println(r);
        System.out.println(t.first(8).print());
        assertEquals(List.of("method", "self_instructions", "self_pct", "total_instructions", "total_pct", "file",
                "object"), t.columnNames());
        assertEquals("advance", t.stringColumn("method").get(0));
        assertTrue(t.doubleColumn("self_pct").get(0) > 50, t.first(3).print());
        assertTrue(t.stringColumn("file").get(0).endsWith("nbody.c"), t.stringColumn("file").get(0));
        assertEquals(nbody.toString(), t.stringColumn("object").get(0));
        for (int i = 1; i < t.rowCount(); i++) {
            assertTrue(t.longColumn("self_instructions").get(i) <= t.longColumn("self_instructions").get(i - 1));
        }
        assertEquals(r.instructions(), (long) t.longColumn("self_instructions").sum());
        assertEquals(100.0, t.doubleColumn("self_pct").sum(), 0.005 * t.rowCount());
        CallgrindFunction main = function(r, "main", nbody.toString());
        assertTrue(main.totalInstructions() > 0.97 * r.instructions(), main + " of " + r.instructions());
        assertTrue(main.totalInstructions() > main.selfInstructions() + function(r, "advance", nbody.toString())
                .totalInstructions());
        assertEquals(1, main.calls());
        assertEquals(20000, function(r, "advance", nbody.toString()).calls());
        long entry = r.functions().stream().filter(f -> f.calls() == 0).mapToLong(CallgrindFunction::totalInstructions)
                .max().orElseThrow();
        assertEquals(r.instructions(), entry, "the program's entry point includes everything");
    }

    @Test
    void figuresMatchCallgrindAnnotate() throws Exception {
        Path keep = Files.createDirectories(dir.resolve("kept"));
        CallgrindResult r = Callgrind.count(List.of("./nbody", small), dir, null, TIMEOUT, keep);
        Path file;
        try (Stream<Path> s = Files.list(keep)) {
            file = s.findFirst().orElseThrow();
        }
        Map<String, Long> self = new HashMap<>();
        annotate(file, false).forEach((name, v) -> self.merge(name.replaceFirst("'[0-9]+$", ""), v, Long::sum));
        Map<String, Long> inclusive = annotate(file, true);
        Map<String, Long> ours = new HashMap<>();
        r.functions().stream().filter(f -> f.selfInstructions() > 0)
                .forEach(f -> ours.merge(f.method(), f.selfInstructions(), Long::sum));
        assertEquals(r.instructions(), self.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(self, ours, "self instructions by function name");
        int compared = 0;
        for (CallgrindFunction f : r.functions()) {
            if (f.object().equals(nbody.toString())) {
                assertEquals(inclusive.get(f.method()), f.totalInstructions(), f.method() + " inclusive");
                compared++;
            }
        }
        assertTrue(compared >= 5, "main, advance, energy, offset_momentum, (below main): " + compared);
        System.out.println("callgrind_annotate agrees on " + self.size() + " functions' self and " + compared
                + " inclusive figures; total " + r.instructions());
    }

    @Test
    void recursionIsNotCountedTwiceAndExitStatusIsTheProgramsOwn() throws Exception {
        Path src = dir.resolve("fib.c");
        Files.writeString(src, """
                #include <stdio.h>
                #include <stdlib.h>
                __attribute__((noinline)) long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
                int main(int argc, char **argv) {
                    if (argc > 3) abort();
                    printf("%ld\\n", fib(atoi(argv[1])));
                    return atoi(argv[2]);
                }
                """);
        exec(dir, "gcc", "-O1", "-g", "-o", "fib", "fib.c");
        Path keep = Files.createDirectories(dir.resolve("kept-fib"));
        CallgrindResult r = Callgrind.count(List.of("./fib", "18", "3"), dir, null, TIMEOUT, keep);
        assertEquals("2584\n", r.stdout());
        assertEquals(3, r.exitStatus());
        CallgrindFunction fib = function(r, "fib", dir.resolve("fib").toAbsolutePath().toString());
        assertTrue(fib.recursive());
        assertEquals(8361, fib.calls(), "fib(18) makes 8361 calls");
        assertEquals(fib.selfInstructions(), fib.totalInstructions(), "fib calls nothing but itself");
        Path file;
        try (Stream<Path> s = Files.list(keep)) {
            file = s.findFirst().orElseThrow();
        }
        Map<String, Long> self = annotate(file, false);
        Map<String, Long> inclusive = annotate(file, true);
        assertEquals(self.get("fib") + self.get("fib'2"), fib.selfInstructions(), "fib'2 is fib's deeper levels");
        assertEquals(inclusive.get("fib"), fib.totalInstructions(), "what main paid for fib(18)");
        System.out.println("fib: self " + fib.selfInstructions() + ", inclusive " + fib.totalInstructions()
                + "; callgrind_annotate's inclusive of fib'2 " + inclusive.get("fib'2") + " adds the recursive calls"
                + " again");
        assertTrue(inclusive.get("fib'2") > fib.totalInstructions());
        CallgrindResult aborted = Callgrind.count(List.of("./fib", "1", "0", "abort"), dir, null, TIMEOUT);
        assertEquals(128 + 6, aborted.exitStatus(), "SIGABRT");
        assertTrue(aborted.instructions() > 0 && aborted.functions().stream().anyMatch(f -> f.method().equals("abort")),
                "the profile of a program a signal ended is still written");
    }

    @Test
    void missingProgramNamesThePathAndTheFix() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Callgrind.count(List.of("./no-such-program"), dir, null, TIMEOUT));
        assertTrue(e.getMessage().contains("argv[0]=./no-such-program") && e.getMessage().contains("does not exist")
                && e.getMessage().contains("build the program first"), e.getMessage());
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> Callgrind.count(List.of("no-such-program-xyz"), dir, null, TIMEOUT));
        assertTrue(bare.getMessage().contains("not found on PATH=/usr/bin:/bin")
                && bare.getMessage().contains("absolute path"), bare.getMessage());
        Path script = dir.resolve("bad-interpreter.sh");
        Files.writeString(script, "#!/no/such/interpreter\necho hi\n");
        assertTrue(script.toFile().setExecutable(true));
        Exception notStarted = assertThrows(Exception.class,
                () -> Callgrind.count(List.of("./bad-interpreter.sh"), dir, null, TIMEOUT));
        assertTrue(notStarted instanceof IllegalArgumentException || notStarted instanceof IOException, notStarted
                .toString());
        assertTrue(notStarted.getMessage().contains("bad-interpreter.sh") && (notStarted.getMessage().contains(
                "No such file or directory") || notStarted.getMessage().contains("bad interpreter")), notStarted
                .getMessage());
        System.out.println("not started: " + notStarted.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Callgrind.count(List.of(), dir, null, TIMEOUT));
        assertTrue(empty.getMessage().contains("argv=[]"), empty.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Callgrind.count(List.of("./nbody"), dir, null, Duration.ZERO));
        assertTrue(zero.getMessage().contains("timeout=PT0S") && zero.getMessage().contains("must be positive"),
                zero.getMessage());
    }

    @Test
    void timeoutIsNamedWithTheFix() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> Callgrind.count(List.of("./nbody", "50000000"), dir, null, Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("timeout of 2.0 s") && e.getMessage().contains("longer timeout")
                && e.getMessage().contains("SMALL"), e.getMessage());
        assertTrue(System.nanoTime() - start < 20e9, "killed promptly");
    }

    @Test
    void pythonCountsAreMarkedIndicative() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "skipped: /usr/bin/python3 is not installed");
        Path py = NBODY.resolve("nbody.py").toAbsolutePath();
        CallgrindResult r = Callgrind.count(List.of("/usr/bin/python3", py.toString(), "10"), dir, null, TIMEOUT);
        System.out.println("python nbody 10: " + r);
        assertEquals(exec(dir, "/usr/bin/python3", py.toString(), "10"), r.stdout());
        assertTrue(r.indicative());
        assertTrue(r.indicativeReason().contains("CPython"), r.indicativeReason());
        assertTrue(r.functions().stream().anyMatch(f -> f.method().startsWith("_PyEval_EvalFrame")));
        assertTrue(r.instructions() > 1_000_000, r.toString());
    }

    @Test
    void javaRunsUnderValgrindAndIsMarkedIndicative(@TempDir Path classes) throws Exception {
        Path src = classes.resolve("Hello.java");
        Files.writeString(src, "public class Hello { public static void main(String[] a) { long s = 0;"
                + " for (int i = 0; i < 1000; i++) { s += i; } System.out.println(s); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CallgrindResult r = Callgrind.count(List.of(java, "-cp", classes.toString(), "Hello"), dir, null, TIMEOUT);
        System.out.println("java Hello: " + r);
        assertEquals("499500\n", r.stdout(), r.stderr());
        assertEquals(0, r.exitStatus());
        assertTrue(r.indicative());
        assertTrue(r.indicativeReason().contains("JVM"), r.indicativeReason());
        assertTrue(r.functions().stream().anyMatch(f -> f.object().endsWith("/libjvm.so")));
    }

    @Test
    void parsesNameCompressionSubpositionsAndCalls() throws IOException {
        Path f = dir.resolve("hand.callgrind");
        Files.writeString(f, """
                # callgrind format
                version: 1
                pid: 42
                cmd:  ./demo 3
                positions: line
                events: Ir Dr Dw

                ob=(1) /demo
                fl=(1) demo.c
                fn=(1) main
                10 5 1 1
                +2 3
                cfn=(2) work
                calls=2 20
                * 400 10 5
                cob=(2) /lib/libc.so
                cfi=(2) printf.c
                cfn=(3) printf
                calls=1 0
                +1 50
                fi=(3) inline.h
                7 20 2
                fe=(1)
                -9 2

                fn=(2)
                20 300 30
                cfn=(2)
                calls=5 20
                * 250 25
                cfn=(4) helper
                calls=1 30
                * 100

                fn=(4)
                30 100

                ob=(2)
                fl=(2)
                fn=(3)
                0 50 0 9
                totals: 480 33 10
                """);
        CallgrindFile cf = CallgrindFile.parse(f);
        assertEquals(42, cf.pid());
        assertEquals("./demo 3", cf.command());
        assertEquals(List.of("Ir", "Dr", "Dw"), cf.events());
        assertEquals(480, cf.total("Ir"));
        assertEquals(33, cf.total("Dr"));
        assertEquals(0, cf.total("I1mr"));
        Map<String, CallgrindFunction> byName = new HashMap<>();
        cf.functions().forEach(x -> byName.put(x.method(), x));
        assertEquals(List.of("work", "helper", "printf", "main"), cf.functions().stream().map(
                CallgrindFunction::method).toList());
        assertEquals(new CallgrindFunction("main", "demo.c", "/demo", 30, 480, 0, false), byName.get("main"));
        assertEquals(new CallgrindFunction("work", "demo.c", "/demo", 300, 400, 7, true), byName.get("work"));
        assertEquals(new CallgrindFunction("helper", "demo.c", "/demo", 100, 100, 1, false), byName.get("helper"));
        assertEquals(new CallgrindFunction("printf", "printf.c", "/lib/libc.so", 50, 50, 1, false),
                byName.get("printf"));
    }

    @Test
    void malformedProfileNamesTheLine() throws IOException {
        Path f = dir.resolve("bad.callgrind");
        Files.writeString(f, "events: Ir\nfl=(1) a.c\nfn=(7)\n");
        IOException e = assertThrows(IOException.class, () -> CallgrindFile.parse(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("fn=(7)")
                && e.getMessage().contains("id (7) defined before its first use"), e.getMessage());
        Files.writeString(f, "fn=main\n16 20\n");
        IOException noEvents = assertThrows(IOException.class, () -> CallgrindFile.parse(f));
        assertTrue(noEvents.getMessage().contains("line 2") && noEvents.getMessage().contains("'events:' header"),
                noEvents.getMessage());
    }

    private static CallgrindFunction function(CallgrindResult r, String name, String object) {
        return r.functions().stream().filter(f -> f.method().equals(name) && f.object().equals(object)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + object + " is not in the profile"));
    }

    /**
     * callgrind_annotate's Ir per function name, as it prints them: self summed over the files a function's code
     * comes from, inclusive the highest of the names shared by several objects.
     */
    private static Map<String, Long> annotate(Path file, boolean inclusive) throws Exception {
        assumeTrue(Toolchains.find("callgrind_annotate").isPresent(), "skipped: callgrind_annotate is not installed");
        String out = exec(file.getParent(), "callgrind_annotate", "--show=Ir", "--show-percs=no", "--threshold=100",
                "--auto=no", "--inclusive=" + (inclusive ? "yes" : "no"), file.toString());
        Pattern row = Pattern.compile("^\\s*([0-9,]+)\\s+([^:]*):(.*?)(?: \\[[^\\]]*\\])?$");
        Map<String, Long> byName = new HashMap<>();
        boolean body = false;
        for (String line : out.lines().toList()) {
            if (line.strip().endsWith("file:function")) {
                body = true;
                continue;
            }
            Matcher m = row.matcher(line);
            if (body && m.matches() && !m.group(1).equals("0")) {
                long v = Long.parseLong(m.group(1).replace(",", ""));
                byName.merge(m.group(3), v, inclusive ? Long::max : Long::sum);
            }
        }
        assertFalse(byName.isEmpty(), out);
        return byName;
    }

    private static String exec(Path cwd, String... cmd) throws Exception {
        Path out = Files.createTempFile(dir, "exec", ".txt");
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(cwd.toFile()).redirectOutput(out
                .toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
