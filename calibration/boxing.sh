#!/usr/bin/env bash
# The boxing benchmark: the generic .benchmark(...) form against benchmarkDouble/benchmarkLong on
# Math.log, a Horner polynomial and field reads, in this JVM with the kernel's compiler-blackhole flags.
# Prints each workload's generic/primitive time ratio and the generic form's B/op. About 1 minute per round.
#
#   bash calibration/boxing.sh [--rounds N]
#
# Exit codes: 0 every workload meets ratio <= 1.05 and 0 B/op, 1 a miss, 2 bad arguments.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
build() {
  mvn -q -B -Dstyle.color=never -o "$@" || mvn -q -B -Dstyle.color=never "$@"
}
build -f "$root/kernel-lib/pom.xml" package -DskipTests
build -f "$module/pom.xml" package -DskipTests
cp="$module/target/benchbook-calibration-0.1.0-SNAPSHOT.jar:$root/kernel-lib/target/benchbook-kernel-lib-0.1.0-SNAPSHOT.jar"
for jar in "$module"/target/lib/*.jar; do
  cp="$cp:$jar"
done
exec java -XX:+UseG1GC -XX:+UnlockExperimentalVMOptions \
  -XX:CompileCommand=quiet -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler \
  -DcompilerBlackholesEnabled=true -cp "$cp" dev.benchbook.calibration.Boxing "$@"
