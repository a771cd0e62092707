#!/usr/bin/env bash
# Installs what Benchbook needs on a fresh Debian machine, as root: a JDK 17, Maven and Jupyter
# from Debian's packages (PyPI is not reachable here). Idempotent: installs only what is missing.
set -euo pipefail

need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
# Process benchmarks build their small wait4 runner (benchbook-rusage.c) with the C compiler on first use.
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need+=(gcc)
# The build fetches plotly.js-dist-min with `npm pack` (see kernel-lib/pom.xml).
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -x /usr/bin/jupyter ] || need+=(jupyter-core)
/usr/bin/python3 -c 'import nbconvert' >/dev/null 2>&1 || need+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import nbclient' >/dev/null 2>&1 || need+=(python3-nbclient)
/usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1 || need+=(python3-ipykernel)
/usr/bin/python3 -c 'import jupyter_client' >/dev/null 2>&1 || need+=(jupyter-client)
/usr/bin/python3 -c 'import notebook' >/dev/null 2>&1 || need+=(jupyter-notebook)
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
else
  echo "setup: system packages present"
fi
