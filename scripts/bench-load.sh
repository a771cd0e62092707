#!/usr/bin/env bash
# Benchbook's load generator (dev.benchbook.load.Load) beside /usr/bin/wrk, on the same loopback server in
# its own JVM. For each server: wrk's closed-loop maximum (its Requests/sec with the same connections, one
# thread), our closed-loop maximum, our open-model knee (a sweep around wrk's maximum), and both tools'
# latency percentiles: ours open-model at a rate both sustain (half the lower maximum), measured from each
# request's scheduled time; wrk's from its closed-loop run, measured from each send. A benchmark, not a
# test: nothing fails on a slow machine, and the figures move with whatever else the machine runs.
# Usage: bash scripts/bench-load.sh [loopback|jetty|both] [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."

servers="${1:-both}"
conns="${2:-8}"
secs="${3:-5}"
case "$servers" in
  both) servers="loopback jetty" ;;
  loopback|jetty) ;;
  *) echo "bench-load: the first argument must be loopback, jetty or both, not '$servers'" >&2; exit 2 ;;
esac
if ! [[ "$conns" =~ ^[0-9]+$ && "$conns" -ge 1 && "$conns" -le 1024 ]]; then
  echo "bench-load: connections must be 1..1024, not '$conns'" >&2; exit 2
fi
if ! [[ "$secs" =~ ^[0-9]+$ && "$secs" -ge 1 && "$secs" -le 60 ]]; then
  echo "bench-load: seconds must be 1..60, not '$secs'" >&2; exit 2
fi
command -v wrk >/dev/null || { echo "bench-load: wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

mvn -o -q -B -pl kernel-lib,suites -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-load.classpath >/dev/null
cp="suites/target/classes:$(cat suites/target/bench-load.classpath)"
load_cp="kernel-lib/target/classes:$(cat kernel-lib/target/bench-load.classpath)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true   # closing the server's input stops it
  if [[ -n "$server_pid" ]]; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

load() { java -cp "$load_cp" dev.benchbook.load.LoadMain "$@"; }
val() { grep -m1 "^$1=" "$2" | cut -d= -f2-; }
ns_ms() { awk -v v="$1" 'BEGIN { if (v == "") print "-"; else printf "%.3f", v / 1e6 }'; }
# wrk's "135.00us" to milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
      f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
      if (f < 0 || v == "") print "-"; else printf "%.3f", v * f }'
}
# wrk's latency at a percentile of its --latency table ("50%  135.00us"), in milliseconds
wrk_ms() { to_ms "$(awk -v p="$1" '$1 == p { print $2 }' "$2")"; }
# one run's block of a sweep's output (name=value lines, blank-line separated), by its target rate
sweep_block() { awk -v RS= -v t="$1" '$0 ~ ("(^|\n)target_rps=" t "(\n|$)") { print; exit }' "$2"; }

rows=()
for server in $servers; do
  mkfifo "$work/in-$server"
  java -cp "$cp" dev.benchbook.suites.web.ServeMain "$server" --seconds 900 <"$work/in-$server" >"$work/serve-$server" &
  server_pid=$!
  exec 3>"$work/in-$server"
  for _ in $(seq 1 100); do grep -q '^port=' "$work/serve-$server" 2>/dev/null && break; sleep 0.1; done
  port="$(sed -n 's/^port=\([0-9]*\) pid=\([0-9]*\)$/\1/p' "$work/serve-$server")"
  pid="$(sed -n 's/^port=\([0-9]*\) pid=\([0-9]*\)$/\2/p' "$work/serve-$server")"
  [[ -n "$port" ]] || { echo "bench-load: the $server server did not start" >&2; exit 1; }
  url="http://127.0.0.1:$port/hello"
  echo "== $server server on $url (pid $pid), $conns connections, ${secs} s per run" >&2

  wrk -t1 -c"$conns" -d2s "$url" >/dev/null   # warms the server's JIT for both tools
  wrk -t1 -c"$conns" -d"${secs}s" --latency "$url" >"$work/wrk"
  wrk_rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk")"
  wrk_err="$(awk '/Non-2xx|Socket errors/ { print }' "$work/wrk" | tr '\n' ' ')"
  echo "   wrk closed-loop max: $wrk_rps rps ${wrk_err}" >&2

  load run --uri "$url" --closed --connections "$conns" --seconds "$secs" --warmup 1 >"$work/closed"
  closed_rps="$(val achieved_rps "$work/closed" | awk '{ printf "%.0f", $1 }')"
  echo "   ours closed-loop max: $closed_rps rps" >&2

  rates="$(awk -v m="$wrk_rps" 'BEGIN { n = split("0.3 0.5 0.7 0.85 1.0 1.15 1.3", f, " ");
      for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), m * f[i] }')"
  load sweep --uri "$url" --rates "$rates" --connections "$conns" --seconds "$secs" --warmup 1 --pid "$pid" \
      >"$work/sweep"
  knee="$(val knee "$work/sweep" | awk '{ printf "%.0f", $1 }')"
  echo "   ours open-model sweep ($rates): $(val knee_rule "$work/sweep")" >&2
  awk -v RS= -F'\n' '/mode=/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = substr($i, length(kv[1]) + 2) }
      if (v["target_rps"] != "") printf "     target %8.0f  achieved %8.0f  dropped %6s  errors %5s  p99 %9.3f ms  lag p99 %7.3f ms  server cpu %5.0f%%\n",
          v["target_rps"], v["achieved_rps"], v["dropped"], v["errors"], v["p99_ns"] / 1e6, v["lag_p99_ns"] / 1e6, v["server_cpu_pct"] }' \
      "$work/sweep" >&2

  common="$(awk -v a="$knee" -v b="$wrk_rps" 'BEGIN { m = (a != "" && a + 0 > 0 && a + 0 < b + 0) ? a : b; printf "%d", m / 2 }')"
  load run --uri "$url" --rate "$common" --connections "$conns" --seconds "$secs" --warmup 1 --pid "$pid" >"$work/open"

  sweep_block "$knee" "$work/sweep" >"$work/knee"
  rows+=("$(printf '%-8s | %-26s | %-6s | %8s | %8s | %8s | %8s | %8s | %8s | %9s' "$server" "benchbook Load (knee)" open \
      "$knee" "$(val achieved_rps "$work/knee" | awk '{ printf "%.0f", $1 }')" \
      "$(ns_ms "$(val p50_ns "$work/knee")")" "$(ns_ms "$(val p90_ns "$work/knee")")" \
      "$(ns_ms "$(val p99_ns "$work/knee")")" "$(ns_ms "$(val p999_ns "$work/knee")")" \
      "$(ns_ms "$(val max_ns "$work/knee")")")")
  rows+=("$(printf '%-8s | %-26s | %-6s | %8s | %8s | %8s | %8s | %8s | %8s | %9s' "$server" "benchbook closedLoop()" closed \
      "$closed_rps" "$(val achieved_rps "$work/closed" | awk '{ printf "%.0f", $1 }')" \
      "$(ns_ms "$(val p50_ns "$work/closed")")" "$(ns_ms "$(val p90_ns "$work/closed")")" \
      "$(ns_ms "$(val p99_ns "$work/closed")")" "$(ns_ms "$(val p999_ns "$work/closed")")" \
      "$(ns_ms "$(val max_ns "$work/closed")")")")
  rows+=("$(printf '%-8s | %-26s | %-6s | %8s | %8s | %8s | %8s | %8s | %8s | %9s' "$server" "wrk -t1 (from send)" closed \
      "$wrk_rps" "$wrk_rps" "$(wrk_ms 50% "$work/wrk")" "$(wrk_ms 90% "$work/wrk")" "$(wrk_ms 99% "$work/wrk")" - \
      "$(to_ms "$(awk '$1 == "Latency" && NF >= 4 { print $4; exit }' "$work/wrk")")")")
  rows+=("$(printf '%-8s | %-26s | %-6s | %8s | %8s | %8s | %8s | %8s | %8s | %9s' "$server" "benchbook Load @ $common" open - \
      "$(val achieved_rps "$work/open" | awk '{ printf "%.0f", $1 }')" \
      "$(ns_ms "$(val p50_ns "$work/open")")" "$(ns_ms "$(val p90_ns "$work/open")")" \
      "$(ns_ms "$(val p99_ns "$work/open")")" "$(ns_ms "$(val p999_ns "$work/open")")" \
      "$(ns_ms "$(val max_ns "$work/open")")")")
  echo "   ours open @ $common rps: client cpu $(val client_cpu_pct "$work/open" | awk '{ printf "%.0f%%", $1 }') of a core," \
      "server cpu $(val server_cpu_pct "$work/open" | awk '{ printf "%.0f%%", $1 }'), server rss" \
      "$(val server_rss_bytes "$work/open" | awk '{ printf "%.0f MiB", $1 / 1048576 }'), lag p99" \
      "$(ns_ms "$(val lag_p99_ns "$work/open")") ms, late $(val late "$work/open")" >&2

  exec 3>&-
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
done

echo
echo "Load generators on $(nproc) cores, $conns connections, ${secs} s runs; latencies in ms."
echo "wrk is closed-loop: its latencies run from each send, so a stalled server hides in them; it has no rate"
echo "option, so its row is at its own maximum. Our open-model rows are measured from each request's scheduled time."
printf '%-8s | %-26s | %-6s | %8s | %8s | %8s | %8s | %8s | %8s | %9s\n' server tool model max_rps at_rps p50 p90 p99 p99.9 max
printf '%s\n' "---------+----------------------------+--------+----------+----------+----------+----------+----------+----------+----------"
printf '%s\n' "${rows[@]}"
