#!/usr/bin/env bash
# Prints the slowdown of profiled runs against unprofiled ones: interleaved rounds of one benchmark run
# plain, under JFR at 10 ms and under JFR at 1 ms, in this JVM (the kernel's flags). Target: <= 3% at 10 ms.
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
import java.time.Duration;
import java.util.*;

public class ProfileOverhead {
    static double run(Duration period) {
        var s = Bench.suite("overhead").warmup(5).iterations(15).iterationTime(Duration.ofMillis(100))
                .setup(ctx -> { var m = new HashMap<Integer, Integer>(); for (int i = 0; i < 4096; i++) m.put(i, i); return m; })
                .benchmark("map", (ctx, m) -> { long t = 0; for (int i = 0; i < 4096; i++) t += m.get(i); return t; })
                .quiet();
        if (period != null) s.profile(period);
        return s.run().result().runs().get(0).measured().stream()
                .mapToDouble(x -> x.wallNsPerOp()).sorted().toArray()[7];
    }
    public static void main(String[] a) {
        int rounds = Integer.parseInt(a[0]);
        List<Double> r10 = new ArrayList<>(), r1 = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            double plain = run(null), p10 = run(Duration.ofMillis(10)), p1 = run(Duration.ofMillis(1));
            double plain2 = run(null);
            double base = (plain + plain2) / 2;
            r10.add(p10 / base); r1.add(p1 / base);
            System.out.printf(Locale.ROOT, "round %d: plain %.1f ns, 10 ms %.1f ns (%+.1f%%), 1 ms %.1f ns (%+.1f%%)%n",
                    i + 1, base, p10, 100 * (p10 / base - 1), p1, 100 * (p1 / base - 1));
        }
        Collections.sort(r10); Collections.sort(r1);
        double m10 = r10.get(r10.size() / 2), m1 = r1.get(r1.size() / 2);
        System.out.printf(Locale.ROOT, "median slowdown: 10 ms %+.1f%% (target <= 3%%: %s), 1 ms %+.1f%%%n",
                100 * (m10 - 1), m10 <= 1.03 ? "PASS" : "MISS", 100 * (m1 - 1));
    }
}
JAVA
java -cp "$CP" target/bench-profile/ProfileOverhead.java "$ROUNDS"
