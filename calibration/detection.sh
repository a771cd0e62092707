#!/usr/bin/env bash
# Runs the labeled evaluation of the regression detector: A, A' (same code) and B at 1, 2, 5, 10% slower,
# as fresh in-process suite runs in randomized interleaved rounds; then the detector's modes (ab rounds,
# history, margin) and naive iteration-level Welch / Mann-Whitney on the same data. Builds what it needs
# first, as run.sh does: kernel-lib from this checkout into kernel-lib/target (never into the local Maven
# repository) and this module.
#
#   bash calibration/detection.sh [--minutes N] [--quick] [--replay FILE] [--out DIR]
#
# Defaults: 30 minutes of measuring, data and report in calibration/target/detection/.
# Exit codes: those of dev.benchbook.calibration.Detection (0 every target met, 1 a target missed,
# 2 bad arguments or JVM flags, 3 a benchmark failed, 4 the report could not be written), or the build's.
set -euo pipefail
source "$(dirname "$0")/build.sh"
run_main dev.benchbook.calibration.Detection detection "$@"
