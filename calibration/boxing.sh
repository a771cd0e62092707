#!/usr/bin/env bash
# The boxing benchmark: the generic .benchmark(...) form against benchmarkDouble/benchmarkLong on
# Math.log, a Horner polynomial and field reads, in this JVM with the kernel's compiler-blackhole flags.
# Prints each workload's generic/primitive time ratio and the generic form's B/op. About 1 minute per round.
#
#   bash calibration/boxing.sh [--rounds N]
#
# Exit codes: 0 every workload meets ratio <= 1.05 and 0 B/op, 1 a miss, 2 bad arguments.
set -euo pipefail
source "$(dirname "$0")/build.sh"
exec java -XX:+UseG1GC -XX:+UnlockExperimentalVMOptions \
  -XX:CompileCommand=quiet -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler \
  -DcompilerBlackholesEnabled=true -cp "$cp" dev.benchbook.calibration.Boxing "$@"
