package dev.benchbook.xlang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class LanguageSuiteTest {
    static final Path DATASETS = Path.of("..", "datasets", "xlang").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsGcc() {
        assumeTrue(Toolchains.find("gcc").isPresent(), "gcc is not installed");
    }

    static LanguageSuite<ComparisonResult> suite(String workload) {
        return new LanguageSuite<>(workload, r -> r).cache(dir.resolve("cache"));
    }

    static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static String printer(String what) {
        return "#include <stdio.h>\nint main(int c, char **v) { printf(\"" + what + "\\n\"); return 0; }\n";
    }

    @Test
    void datasetLanguagesAgreeAndGetRatiosWithIntervals() {
        List<Language> langs = new java.util.ArrayList<>(List.of(Language.C, Language.CPP, Language.PYTHON));
        if (Toolchains.find("node").isPresent()) {
            langs.add(Language.JAVASCRIPT);
        }
        ComparisonResult r = suite("nbody").dataset(DATASETS.resolve("nbody"), langs.toArray(Language[]::new))
                .args("1000").runs(3).run();
        Table s = r.summary();
        for (String col : List.of("implementation", "language", "status", "n", "mean_ns", "ci_low_ns", "ci_high_ns",
                "median_ns", "user_ns", "sys_ns", "peak_rss_bytes", "ratio", "ratio_ci_low", "ratio_ci_high",
                "memory_ratio", "output_hash", "valid", "toolchain", "determinism_score", "predictability_score")) {
            assertTrue(s.columnNames().contains(col), col + " missing from " + s.columnNames());
        }
        assertEquals(langs.size(), s.rowCount());
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < s.rowCount(); i++) {
            String name = s.stringColumn("implementation").get(i);
            assertEquals("ok", s.stringColumn("status").get(i), name + ": " + s.stringColumn("problem").get(i));
            assertEquals(3, s.intColumn("n").get(i));
            double ratio = s.doubleColumn("ratio").get(i);
            assertTrue(ratio > 0, name + " ratio " + ratio);
            assertTrue(s.doubleColumn("ratio_ci_low").get(i) <= ratio && ratio <= s.doubleColumn("ratio_ci_high").get(i));
            assertEquals(1.0, s.doubleColumn("determinism_score").get(i));
            double p = s.doubleColumn("predictability_score").get(i);
            assertTrue(p > 0 && p <= 1, name + " predictability " + p);
            assertTrue(s.doubleColumn("user_ns").get(i) > 0);
            assertTrue(s.doubleColumn("peak_rss_bytes").get(i) > 100_000);
            hashes.add(s.stringColumn("output_hash").get(i));
        }
        assertEquals(1, hashes.size(), "every implementation printed the same output");
        assertEquals(1.0, r.figures("c").ratio().point());
        assertTrue(r.figures("python").ratio().point() > 1.5, "python is slower than C at nbody");
        assertTrue(s.stringColumn("toolchain").get(0).startsWith("gcc"), s.stringColumn("toolchain").get(0));
    }

    @Test
    void aMismatchIsExcludedFromRatiosWithTheFirstDifferingLine() throws IOException {
        Path good = write("good.c", printer("1\\n2\\n3"));
        Path bad = write("bad.c", printer("1\\n2\\n4"));
        ComparisonResult r = suite("mismatch").implementation("ref", Language.C, good)
                .implementation("bad", Language.C, bad).runs(2).run();
        ImplementationResult b = r.implementation("bad");
        assertEquals(ImplementationResult.Status.INVALID, b.status());
        assertTrue(b.problem().contains("line 3: expected '3', got '4'"), b.problem());
        assertTrue(b.timed().isEmpty(), "an invalid implementation is never timed");
        assertTrue(Double.isNaN(r.figures("bad").ratio().point()));
        assertEquals(ImplementationResult.Status.OK, r.implementation("ref").status());
        assertEquals(1, r.problems().rowCount());
    }

    @Test
    void theSmallCheckComesFirstAndCatchesADifferenceOnlyThere() throws IOException {
        Path ref = write("ref.c", "#include <stdio.h>\n#include <stdlib.h>\nint main(int c, char **v) {"
                + " printf(\"%d\\n\", atoi(v[1]) * 2); return 0; }\n");
        Path wrong = write("wrong.c", "#include <stdio.h>\n#include <stdlib.h>\nint main(int c, char **v) {"
                + " int n = atoi(v[1]); printf(\"%d\\n\", n == 5 ? 11 : n * 2); return 0; }\n");
        ComparisonResult r = suite("twice").implementation("ref", Language.C, ref)
                .implementation("wrong", Language.C, wrong).smallArgs("5").args("1000").runs(2).run();
        ImplementationResult w = r.implementation("wrong");
        assertEquals(ImplementationResult.Status.INVALID, w.status());
        assertTrue(w.problem().contains("small input (args 5)"), w.problem());
        assertTrue(w.runs().isEmpty(), "nothing ran at the timed size");
    }

    @Test
    void numericValidationAcceptsWithinTheTolerance() throws IOException {
        Path a = write("a.c", printer("x 1.0000000000"));
        Path b = write("b.c", printer("x 1.0000000001"));
        ComparisonResult strict = suite("num").implementation("a", Language.C, a).implementation("b", Language.C, b)
                .runs(2).run();
        assertEquals(ImplementationResult.Status.INVALID, strict.implementation("b").status());
        ComparisonResult loose = suite("num").implementation("a", Language.C, a).implementation("b", Language.C, b)
                .validate(Validation.numeric(1e-8)).runs(2).run();
        assertEquals(ImplementationResult.Status.OK, loose.implementation("b").status());
    }

    @Test
    void aMissingToolchainOrAFailingBuildStopsOnlyThatImplementation() throws IOException {
        Path good = write("ok.c", printer("ok"));
        Path broken = write("broken.c", "int main( { return 0; }\n");
        ComparisonResult r = suite("failures").implementation("c", Language.C, good)
                .implementation("nocc", "no-such-compiler-xyz -o {out} {src}", "{out} {args}", good)
                .implementation("broken", Language.C, broken).runs(2).run();
        ImplementationResult m = r.implementation("nocc");
        assertEquals(ImplementationResult.Status.MISSING_TOOLCHAIN, m.status());
        assertEquals("no-such-compiler-xyz not found; install no-such-compiler-xyz or drop the nocc implementation",
                m.problem());
        ImplementationResult b = r.implementation("broken");
        assertEquals(ImplementationResult.Status.BUILD_FAILED, b.status());
        assertTrue(b.problem().contains("error"), "the compiler's stderr is shown: " + b.problem());
        assertTrue(b.problem().contains("broken.c"), b.problem());
        assertEquals(ImplementationResult.Status.OK, r.implementation("c").status());
        assertEquals(2, r.implementation("c").timed().size());
    }

    @Test
    void buildsAreCachedByTheSourceTheCommandAndTheToolchain() throws IOException {
        Path src = write("cached.c", printer("cached"));
        ComparisonResult first = suite("cache").implementation("c", Language.C, src)
                .implementation("o3", Language.C, src, "-O3").runs(2).run();
        ComparisonResult again = suite("cache").implementation("c", Language.C, src)
                .implementation("o3", Language.C, src, "-O3").runs(2).run();
        assertTrue(again.implementation("c").build().cached());
        assertTrue(again.implementation("o3").build().cached());
        assertEquals(first.implementation("c").build().key(), again.implementation("c").build().key());
        assertFalse(first.implementation("c").build().key().equals(first.implementation("o3").build().key()),
                "other flags, another build");
        Files.writeString(src, printer("changed"));
        ComparisonResult changed = suite("cache").implementation("c", Language.C, src).runs(2).run();
        assertFalse(changed.implementation("c").build().cached(), "a changed source is built again");
        assertTrue(again.summary().stringColumn("toolchain").get(1).endsWith("| -O3"));
    }

    @Test
    void roundsAreShuffledReproduciblyBySeed() throws IOException {
        Path src = write("order.c", printer("same"));
        LanguageSuite<ComparisonResult> s = suite("order").implementation("a", Language.C, src)
                .implementation("b", Language.C, src).implementation("c", Language.C, src).runs(8).seed(42);
        ComparisonResult r1 = s.run();
        ComparisonResult r2 = s.run();
        Map<String, List<Integer>> pos1 = positions(r1);
        assertEquals(pos1, positions(r2), "the same seed gives the same order");
        assertTrue(new HashSet<>(pos1.get("a")).size() > 1, "a does not always run in the same place: " + pos1);
    }

    /** A C program that appends its name to {@code log} at every run, and prints what the others print. */
    static Path logger(String name, Path log) throws IOException {
        return write("log-" + name + ".c", "#include <stdio.h>\nint main() { FILE *f = fopen(\"" + log + "\", \"a\");"
                + " fputs(\"" + name + "\\n\", f); fclose(f); puts(\"same\"); return 0; }\n");
    }

    @Test
    void sequentialOrderRunsEachImplementationBackToBackWithItsOwnWarmups() throws IOException {
        Path log = dir.resolve("sequence.log");
        LanguageSuite<ComparisonResult> s = suite("sequence").runs(3).warmup(2).seed(7);
        for (String n : List.of("a", "b", "c")) {
            s.implementation(n, Language.C, logger(n, log));
        }
        ComparisonResult seq = s.order(Order.SEQUENTIAL).run();
        assertEquals(Order.SEQUENTIAL, seq.order());
        List<String> expected = new java.util.ArrayList<>(List.of("a", "b", "c"));
        for (String n : List.of("a", "b", "c")) {
            expected.addAll(java.util.Collections.nCopies(2 + 3, n));
        }
        assertEquals(expected, Files.readAllLines(log), "the checks, then per implementation 2 warmups and 3 runs");
        for (ImplementationResult i : seq.implementations()) {
            assertEquals(ImplementationResult.Status.OK, i.status(), i.problem());
            assertEquals(2, i.runs().stream().filter(x -> x.phase() == RunRecord.Phase.WARMUP).count(), i.name());
            assertEquals(3, i.timed().size());
        }
        assertEquals(Map.of("a", List.of(1, 1, 1), "b", List.of(2, 2, 2), "c", List.of(3, 3, 3)), positions(seq));

        Files.delete(log);
        ComparisonResult inter = s.order(Order.INTERLEAVED).run();
        assertEquals(Order.INTERLEAVED, inter.order());
        List<String> runs = Files.readAllLines(log);
        assertEquals(List.of("a", "b", "c"), runs.subList(0, 3));
        assertEquals(3 + 3 * (1 + 3), runs.size(), "the validation run is the first warmup: 1 warmup round, 3 timed");
        for (int k = 3; k < runs.size(); k += 3) {
            assertEquals(Set.of("a", "b", "c"), new HashSet<>(runs.subList(k, k + 3)), "round " + runs);
        }
    }

    @Test
    void orderNamesParseAndABadOneNamesTheChoices() throws IOException {
        assertEquals(Order.SEQUENTIAL, Order.parse(" Sequential "));
        assertEquals(Order.INTERLEAVED, Order.parse("interleaved"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Order.parse("random"));
        assertEquals("order 'random' is not known; use one of interleaved, sequential", e.getMessage());
        assertThrows(NullPointerException.class, () -> suite("x").order(null));
        ComparisonResult r = suite("x").implementation("a", Language.C, write("x.c", printer("x"))).runs(2).run();
        assertEquals(Order.INTERLEAVED, r.order(), "interleaved is the default");
    }

    private static Map<String, List<Integer>> positions(ComparisonResult r) {
        Map<String, List<Integer>> m = new java.util.TreeMap<>();
        for (ImplementationResult i : r.implementations()) {
            m.put(i.name(), i.timed().stream().map(RunRecord::position).toList());
        }
        return m;
    }

    @Test
    void peakRssIsTheChildsOwnNotTheJvms() throws IOException {
        Path big = write("big.c", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
                + "int main(int argc, char **argv) { size_t n = 200u << 20; volatile char *p = malloc(n);"
                + " for (size_t i = 0; i < n; i += 4096) p[i] = (char) argc; long s = 0;"
                + " for (size_t i = 0; i < n; i += 4096) s += p[i]; printf(\"%ld\\n\", s - (long) (n / 4096));"
                + " return 0; }\n");
        Path zero = write("zero.c", printer("0"));
        ComparisonResult r = suite("rss").implementation("zero", Language.C, zero)
                .implementation("big", Language.C, big).runs(2).run();
        double bigRss = r.figures("big").peakRss();
        double zeroRss = r.figures("zero").peakRss();
        assertTrue(bigRss >= 200e6, "the 200 MB program's peak RSS " + bigRss);
        assertTrue(zeroRss < 20e6, "a tiny C program's peak RSS " + zeroRss + " is its own, not the JVM's "
                + Runtime.getRuntime().totalMemory());
        assertTrue(r.figures("big").memoryRatio() > 10);
        assertEquals(ImplementationResult.Status.OK, r.implementation("big").status());
    }

    @Test
    void aRunPastTheTimeoutIsStoppedWithAClearError() throws IOException {
        Path ok = write("quick.c", printer("1"));
        Path slow = write("slow.c", "#include <stdio.h>\n#include <unistd.h>\nint main() { sleep(30);"
                + " printf(\"1\\n\"); return 0; }\n");
        long t0 = System.nanoTime();
        ComparisonResult r = suite("timeout").implementation("quick", Language.C, ok)
                .implementation("slow", Language.C, slow).timeout(Duration.ofSeconds(1)).runs(2).run();
        assertTrue(System.nanoTime() - t0 < 20e9);
        ImplementationResult s = r.implementation("slow");
        assertEquals(ImplementationResult.Status.TIMEOUT, s.status());
        assertTrue(s.problem().contains("timeout of 1 s") && s.problem().contains(".timeout("), s.problem());
    }

    @Test
    void customCommandsExpandPlaceholdersWithoutAShell() throws IOException {
        Path src = write("args.c", "#include <stdio.h>\nint main(int c, char **v) { for (int i = 1; i < c; i++)"
                + " printf(\"[%s]\\n\", v[i]); return 0; }\n");
        ComparisonResult r = suite("custom").implementation("c", Language.C, src)
                .implementation("mine", "gcc -O1 -o {out} {src}", "{out} '*' {args}", src).args("a b", "$HOME")
                .reference("mine").runs(2).run();
        assertEquals(ImplementationResult.Status.INVALID, r.implementation("c").status(),
                "the custom run adds a '*' argument, so the outputs differ");
        assertTrue(r.implementation("c").problem().contains("expected '[*]', got '[a b]'"),
                r.implementation("c").problem());
        assertEquals(ImplementationResult.Status.OK, r.implementation("mine").status());
        assertEquals("c", r.implementation("mine").implementation().language().label());
    }

    @Test
    void badDefinitionsAreRefusedNamingTheFix() throws IOException {
        Path src = write("def.c", printer("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> suite("bad").implementation("c", Language.C, dir.resolve("missing.c")));
        assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> suite("bad").implementation("c", Language.C, src)
                .implementation("c", Language.C, src));
        assertTrue(e.getMessage().contains("defined twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> suite("bad").implementation("c", Language.C, src)
                .reference("rust").run());
        assertTrue(e.getMessage().contains("use one of [c]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> suite("bad").runs(1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> suite("bad").implementation("m", "gcc -o {exe} {src}", "{out}", src));
        assertTrue(e.getMessage().contains("{exe} is not known"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> suite("bad").implementation("m", "gcc -o out {src}", "./out", src));
        assertTrue(e.getMessage().contains("does not mention {out}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse("f", "echo 'unclosed"));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> suite("bad").dataset(dir));
        assertTrue(e.getMessage().contains("workload.env"), e.getMessage());
    }

    @Test
    void aFailingReferenceLeavesTheOthersUnvalidatedAndUntimed() throws IOException {
        Path crash = write("crash.c", "#include <stdio.h>\nint main() { fprintf(stderr, \"boom\\n\"); return 3; }\n");
        Path ok = write("fine.c", printer("fine"));
        ComparisonResult r = suite("noref").implementation("ref", Language.C, crash)
                .implementation("other", Language.C, ok).runs(2).run();
        assertEquals(ImplementationResult.Status.RUN_FAILED, r.implementation("ref").status());
        assertTrue(r.implementation("ref").problem().contains("code 3") && r.implementation("ref").problem()
                .contains("boom"), r.implementation("ref").problem());
        assertEquals(ImplementationResult.Status.UNVALIDATED, r.implementation("other").status());
        assertTrue(r.implementation("other").timed().isEmpty());
    }

    @Test
    void commandTemplatesSplitLikeAShellButRunWithout() {
        CommandTemplate t = CommandTemplate.parse("f", "java -Xss8m -cp {out} Main \"a b\" 'c d' e\\ f {args}");
        assertEquals(List.of("java", "-Xss8m", "-cp", "/o", "Main", "a b", "c d", "e f", "1", "2"),
                t.expand(Map.of("out", "/o"), List.of("1", "2")));
        assertEquals(List.of("/o", "x=1 2"), CommandTemplate.parse("f", "{out} x={args}")
                .expand(Map.of("out", "/o"), List.of("1", "2")));
    }

    @Test
    void instructionCountsRepeatExactlyAndComeWithAFunctionProfile() {
        assumeTrue(Callgrind.available(), Callgrind::reason);
        LanguageSuite<ComparisonResult> s = suite("nbody").dataset(DATASETS.resolve("nbody"), Language.C, Language.CPP)
                .args("1000").runs(2).instructionArgs("200");
        ComparisonResult a = s.run();
        ComparisonResult b = s.run();
        for (String name : List.of("c", "c++")) {
            InstructionCounts ca = a.implementation(name).counts();
            assertTrue(ca != null, name + ": " + a.implementation(name).countsProblem());
            assertEquals(ca.instructions(), b.implementation(name).counts().instructions(), name + " Ir on a rerun");
            assertEquals(ca.llMisses(), b.implementation(name).counts().llMisses(), name + " LL misses on a rerun");
            assertFalse(ca.indicative());
            assertTrue(ca.estimatedCycles() >= ca.instructions());
        }
        Table summary = a.summary();
        assertTrue(summary.columnNames().containsAll(List.of("instructions", "l1_misses", "ll_misses",
                "estimated_cycles", "instructions_indicative")));
        Table p = a.profile("c");
        assertEquals(List.of("method", "self_instructions", "self_pct", "total_instructions", "total_pct"),
                p.columnNames().subList(0, 5));
        assertTrue(p.rowCount() > 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> suite("x").dataset(DATASETS.resolve("nbody"), Language.C).args("1000").runs(2).run().profile("c"));
        assertTrue(e.getMessage().contains("add .instructions()"), e.getMessage());
    }
}
