#!/usr/bin/env bash
# Runs the Benchbook calibration: the same workloads under JMH and Benchbook, alternating, and prints
# how well they agree. Builds what it needs first: kernel-lib from this checkout (into kernel-lib/target,
# never into the local Maven repository, which other checkouts share) and this module.
#
#   bash calibration/run.sh [--rounds N] [--out DIR] [--only REGEX] [--quiet-wait S] [--quick]
#
# Defaults: 3 rounds, report in calibration/target/calibration/. A full run takes 10-25 minutes.
# Exit codes: those of dev.benchbook.calibration.Calibrate (0 all targets met, 1 a target missed,
# 2 bad arguments or JVM flags, 3 a benchmark failed, 4 the report could not be written), or the
# build's exit code if the build fails.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"

# Offline first (the usual case here); online only if something is missing from the local repository.
build() {
  mvn -q -B -Dstyle.color=never -o "$@" || mvn -q -B -Dstyle.color=never "$@"
}
build -f "$root/kernel-lib/pom.xml" package -DskipTests
build -f "$module/pom.xml" package -DskipTests

# An explicit list rather than lib/*: JMH's forks reuse java.class.path as it is.
cp="$module/target/benchbook-calibration-0.1.0-SNAPSHOT.jar:$root/kernel-lib/target/benchbook-kernel-lib-0.1.0-SNAPSHOT.jar"
for jar in "$module"/target/lib/*.jar; do
  cp="$cp:$jar"
done

# Benchbook runs in this JVM, so it gets the compiler-blackhole flags that JMH 1.37 gives its forks on
# JDK 17 (and that the kernel JVM uses). JMH's forks inherit these and add their own; nothing else is set,
# so both tools run on the JVM's default heap, GC and JIT.
flags=(
  -XX:+UnlockExperimentalVMOptions
  -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler
  -DcompilerBlackholesEnabled=true
)

has_out=false
for a in "$@"; do
  [ "$a" = "--out" ] && has_out=true
done
out_args=()
$has_out || out_args=(--out "$module/target/calibration")

exec java "${flags[@]}" -cp "$cp" dev.benchbook.calibration.Calibrate "${out_args[@]}" "$@"
