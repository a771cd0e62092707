#!/usr/bin/env bash
# Executes every notebook in notebooks/ with the benchbook kernel (or $BENCHBOOK_KERNEL_NAME) and
# writes reports/<name>.html.
# Fails if any cell raises. Expects the kernel to be installed (scripts/install-kernel.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p reports
for nb in notebooks/*.ipynb; do
  name=$(basename "$nb" .ipynb)
  start=$(date +%s%N)
  /usr/bin/jupyter nbconvert --to html --execute \
    --ExecutePreprocessor.kernel_name="${BENCHBOOK_KERNEL_NAME:-benchbook}" \
    --ExecutePreprocessor.timeout=1200 \
    --output-dir reports --output "$name" "$nb"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "notebook $name executed in ${ms} ms -> reports/$name.html"
done
