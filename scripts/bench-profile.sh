#!/usr/bin/env bash
# Prints the slowdown of profiled runs against unprofiled ones: interleaved rounds of one benchmark run
# plain, under JFR at 10 ms, under JFR at 1 ms and under async-profiler (async-itimer, JFR sampling the
# allocations beside it) at 10 ms, in this JVM (the kernel's flags). Target: <= 3% at 10 ms.
# Usage: bash scripts/bench-profile.sh [rounds]   (default 5; needs kernel-lib built: mvn -pl kernel-lib package)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
CP="kernel-lib/target/classes:$(cat kernel-lib/target/classpath.txt 2>/dev/null || true)"
if [ ! -s kernel-lib/target/classpath.txt ]; then
  mvn -o -q -B -pl kernel-lib dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  CP="kernel-lib/target/classes:$(cat kernel-lib/target/classpath.txt)"
fi
mkdir -p target/bench-profile
cat > target/bench-profile/ProfileOverhead.java <<'JAVA'
import dev.benchbook.Bench;
import dev.benchbook.spec.ProfileSpec;
import java.time.Duration;
import java.util.*;

public class ProfileOverhead {
    static double run(ProfileSpec profile) {
        var s = Bench.suite("overhead").warmup(5).iterations(15).iterationTime(Duration.ofMillis(100))
                .setup(ctx -> { var m = new HashMap<Integer, Integer>(); for (int i = 0; i < 4096; i++) m.put(i, i); return m; })
                .benchmark("map", (ctx, m) -> { long t = 0; for (int i = 0; i < 4096; i++) t += m.get(i); return t; })
                .quiet();
        if (profile != null) s.profile(profile);
        return s.run().result().runs().get(0).measured().stream()
                .mapToDouble(x -> x.wallNsPerOp()).sorted().toArray()[7];
    }
    public static void main(String[] a) {
        int rounds = Integer.parseInt(a[0]);
        List<Double> r10 = new ArrayList<>(), r1 = new ArrayList<>(), ra = new ArrayList<>();
        ProfileSpec async = ProfileSpec.asyncItimer().period(Duration.ofMillis(10));
        for (int i = 0; i < rounds; i++) {
            double plain = run(null), p10 = run(ProfileSpec.jfr().period(Duration.ofMillis(10)));
            double p1 = run(ProfileSpec.jfr().period(Duration.ofMillis(1))), pa = run(async);
            double plain2 = run(null);
            double base = (plain + plain2) / 2;
            r10.add(p10 / base); r1.add(p1 / base); ra.add(pa / base);
            System.out.printf(Locale.ROOT, "round %d: plain %.1f ns, 10 ms %.1f ns (%+.1f%%), 1 ms %.1f ns (%+.1f%%), "
                    + "async-itimer 10 ms %.1f ns (%+.1f%%)%n", i + 1, base, p10, 100 * (p10 / base - 1), p1,
                    100 * (p1 / base - 1), pa, 100 * (pa / base - 1));
        }
        Collections.sort(r10); Collections.sort(r1); Collections.sort(ra);
        double m10 = r10.get(r10.size() / 2), m1 = r1.get(r1.size() / 2), ma = ra.get(ra.size() / 2);
        System.out.printf(Locale.ROOT, "median slowdown: 10 ms %+.1f%% (target <= 3%%: %s), 1 ms %+.1f%%%n",
                100 * (m10 - 1), m10 <= 1.03 ? "PASS" : "MISS", 100 * (m1 - 1));
        System.out.printf(Locale.ROOT, "async-profiler (async-itimer, 10 ms): median slowdown %+.1f%% (target <= 3%%: %s)%n",
                100 * (ma - 1), ma <= 1.03 ? "PASS" : "MISS");
    }
}
JAVA
java -cp "$CP" target/bench-profile/ProfileOverhead.java "$ROUNDS"
