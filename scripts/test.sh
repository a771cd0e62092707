#!/usr/bin/env bash
# The tests: unit tests of every module, then the integration tests that start the real kernel
# through Jupyter, then every notebook executed headless. Idempotent; run as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh chromium
# Build and unit-test first: the kernel must be installed from fresh jars before the kernel ITs run.
mvn -B install
bash scripts/install-kernel.sh
mvn -B -pl kernel failsafe:integration-test failsafe:verify
bash scripts/run-notebooks.sh
