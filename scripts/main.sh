#!/usr/bin/env bash
# The main job: build Benchbook, install the `benchbook` command and Jupyter kernel, and execute every notebook
# in notebooks/ into an HTML report under reports/. Idempotent; run as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
mvn -B -q -DskipTests install
bash scripts/install-cli.sh
bash scripts/install-kernel.sh
bash scripts/run-notebooks.sh
