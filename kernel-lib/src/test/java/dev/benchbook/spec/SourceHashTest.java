package dev.benchbook.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Bench;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceHashTest {
    static int[] sortCopy(int[] a) {
        int[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    private static Map<String, String> hashes(int n) {
        return Bench.suite("h").setup(ctx -> new int[n])
                .benchmark("sort", (ctx, a) -> sortCopy((int[]) a))
                .benchmark("sortAgain", (ctx, a) -> sortCopy((int[]) a))
                .benchmark("clone", (ctx, a) -> ((int[]) a).clone())
                .benchmark("ref", SourceHashTest::sortCopyCtx)
                .build().describe().sources();
    }

    static Object sortCopyCtx(BenchContext ctx) {
        return sortCopy(new int[3]);
    }

    @Test
    void everyLambdaBenchmarkGetsAHashOfItsOwnCode() {
        Map<String, String> h = hashes(10);
        assertEquals(4, h.size(), h.toString());
        assertTrue(h.values().stream().allMatch(v -> v.matches("[0-9a-f]{16}")), h.toString());
        assertEquals(h.get("sort"), h.get("sortAgain"), "the same body on another line hashes the same");
        assertNotEquals(h.get("sort"), h.get("clone"), "another body hashes differently");
    }

    @Test
    void hashesAreStableAndFollowTheSetupAndItsCapturedValues() {
        assertEquals(hashes(10), hashes(10));
        assertNotEquals(hashes(10).get("sort"), hashes(11).get("sort"), "a captured number is part of the code");
    }

    @Test
    void theHashTravelsInTheRunFormat() {
        var r = Bench.suite("h").benchmark("x", ctx -> 1).warmup(1).iterations(2).iterationTime(
                java.time.Duration.ofMillis(1)).quiet().run();
        String hash = r.result().suite().sourceHash("x");
        assertTrue(hash.matches("[0-9a-f]{16}"), hash);
        var back = dev.benchbook.codec.RunJson.parse(dev.benchbook.codec.RunJson.toJson(r.result(), r.findingList()),
                "mem");
        assertEquals(hash, back.result().suite().sourceHash("x"));
    }
}
