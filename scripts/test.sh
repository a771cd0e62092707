#!/usr/bin/env bash
# The tests: unit tests of every module, then the integration tests that start the real kernel
# through Jupyter, then every notebook executed headless. Idempotent; run as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh chromium postgresql
# Build and unit-test first: the kernel must be installed from fresh jars before the kernel ITs run.
mvn -B install -DskipITs
bash scripts/install-cli.sh
bash scripts/install-kernel.sh
# Integration tests: forked JVMs, reports in headless Chromium, the installed kernel through Jupyter, the
# installed `benchbook` command.
mvn -B failsafe:integration-test failsafe:verify
bash scripts/run-notebooks.sh
