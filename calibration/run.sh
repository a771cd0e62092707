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
source "$(dirname "$0")/build.sh"
run_main dev.benchbook.calibration.Calibrate calibration "$@"
