#!/usr/bin/env bash
# The history store at scale: builds (once) an SQLite history of 100,000 runs × 10 raw values = 1,000,000
# raw rows under kernel-lib/target/history-scale, then times series(...) with change points of its one
# benchmark and prints the figures. A benchmark, not a test: nothing fails on a slow machine.
# Usage: bash scripts/bench-history.sh [runs] [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl kernel-lib test-compile
mvn -q -B -pl kernel-lib dependency:build-classpath -Dmdep.outputFile=target/history-scale.classpath >/dev/null
cp="kernel-lib/target/classes:kernel-lib/target/test-classes:$(cat kernel-lib/target/history-scale.classpath)"
exec java -Xmx2g -cp "$cp" dev.benchbook.history.HistoryScale kernel-lib/target/history-scale "${1:-100000}" "${2:-10}"
