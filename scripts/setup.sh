#!/usr/bin/env bash
# Installs what Benchbook needs on a fresh Debian machine, as root: a JDK 17, Maven and Jupyter
# from Debian's packages (PyPI is not reachable here). Idempotent: installs only what is missing.
# Arguments name extra Debian packages; `postgresql` also starts the cluster and creates the history
# store's test database (role benchbook, password benchbook, database benchbook_test on localhost:5432).
set -euo pipefail

need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
# Process benchmarks build their small wait4 runner (benchbook-rusage.c) with the C compiler on first use.
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need+=(gcc)
# The build fetches plotly.js-dist-min with `npm pack` (see kernel-lib/pom.xml).
command -v npm >/dev/null 2>&1 || need+=(npm)
# Cross-language comparisons count instructions under valgrind (with setarch -R from util-linux) and
# scripts/bench-xlang.sh checks their timings against hyperfine.
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
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

# PostgreSQL for the history store's tests. Machines here have no systemd and apt's policy-rc.d keeps
# services from starting on install, so the cluster is created and started with postgresql-common's tools.
for pkg in "$@"; do
  [ "$pkg" = postgresql ] || continue
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    echo "setup: creating PostgreSQL $version cluster main"
    pg_createcluster "$version" main
  fi
  read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
  if [ "$status" != online ]; then
    echo "setup: starting PostgreSQL $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start
  fi
  psql_as_postgres() { su postgres -s /bin/sh -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }
  if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'benchbook'\"")" != 1 ]; then
    psql_as_postgres "-c \"CREATE ROLE benchbook LOGIN PASSWORD 'benchbook'\""
  fi
  if [ "$(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = 'benchbook_test'\"")" != 1 ]; then
    psql_as_postgres "-c \"CREATE DATABASE benchbook_test OWNER benchbook\""
  fi
  echo "setup: PostgreSQL $version/$cluster online on localhost:$port, database benchbook_test for role benchbook"
done
