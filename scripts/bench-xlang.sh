#!/usr/bin/env bash
# bench-xlang.sh: Benchbook's cross-language ratios beside hyperfine's, on the same built programs, in
# the same run. For every workload of datasets/xlang, `benchbook languages` builds, validates and times
# the implementations, once in each --order; hyperfine (shell off, -N) times the very commands Benchbook
# ran, from its summary's `command` column, from the workload folder as Benchbook runs them. Each tool's
# mean-time ratios against C are printed with the absolute means behind them and the difference.
#
#   bash scripts/bench-xlang.sh [RUNS]          RUNS timed runs per implementation and tool (default 12)
#   XLANG_LANGS=c,cpp,rust,java,js,python       the languages (default: all six)
#   XLANG_WORKLOADS="nbody fannkuch-redux"      the workloads (default: all six)
#   XLANG_PASSES=6                              passes the runs are split into (default RUNS/2, passes of
#                                               2; 1 when RUNS is odd)
#   XLANG_KEEP=1                                keep the work folder (CSVs, hyperfine JSON, logs) and print it
#
# Like for like: hyperfine runs each command's warmup and runs back to back, so Benchbook's sequential
# order (`--order sequential`, each block with its own --warmup 1) is the comparison with a target of
# ±3%. Benchbook's default, interleaved order is printed beside it: it spreads every implementation's runs
# over the whole comparison, so a change in the machine while it runs (another job, the host slowing the
# VM down) lands on all implementations alike. On a quiet machine the two orders agree; on a busy one the
# sequential ratios of both tools move with whatever ran during each block, which is why interleaving is
# Benchbook's default.
#
# The two tools cannot share a run, but they can share the time: each tool's RUNS are split into
# XLANG_PASSES passes, and the passes go sequential, hyperfine, interleaved, then the reverse, and so on,
# so all three see the machine at the same times (an even number of passes cancels a steady drift). Each
# workload's line says how much CPU other processes used meanwhile ("others"), in CPUs of the machine's
# `nproc`: near 0 means the figures are comparable; JIT runtimes (java, node) use a second core for their
# compiler and GC threads, so they slow down far more than the native programs when something else runs.
#
# Sizes are chosen so that the slowest implementation runs for about a second (the datasets' TIMED sizes
# take minutes in Python). Needs `benchbook` (bash scripts/main.sh installs it) and hyperfine (Debian).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-12}"
LANGS="${XLANG_LANGS:-c,cpp,rust,java,js,python}"
WORKLOADS="${XLANG_WORKLOADS:-nbody spectral-norm fannkuch-redux binary-trees mandelbrot sort-hash}"
PASSES="${XLANG_PASSES:-}"
declare -A SIZE=([nbody]=1000000 [spectral-norm]=1000 [fannkuch-redux]=10 [binary-trees]=16 [mandelbrot]=1500
    [sort-hash]=2000000)
command -v benchbook >/dev/null || { echo "bench-xlang.sh: benchbook is not installed; run bash scripts/main.sh" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench-xlang.sh: hyperfine is not installed; apt-get install hyperfine" >&2; exit 2; }
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 2 ]] || { echo "bench-xlang.sh: RUNS '$RUNS' must be a number >= 2" >&2; exit 2; }
# By default the runs go in passes of 2 (one pass when RUNS is odd), so that the tools alternate finely.
[[ -n "$PASSES" ]] || PASSES=$(( RUNS % 2 == 0 ? RUNS / 2 : 1 ))
[[ "$PASSES" =~ ^[0-9]+$ && "$PASSES" -ge 1 ]] \
    || { echo "bench-xlang.sh: XLANG_PASSES '$PASSES' must be a number >= 1" >&2; exit 2; }
PER=$((RUNS / PASSES))
[[ $((PER * PASSES)) -eq "$RUNS" && "$PER" -ge 2 ]] || { echo "bench-xlang.sh: RUNS $RUNS must be XLANG_PASSES" \
    "($PASSES) times a number >= 2, e.g. $((2 * PASSES)); set XLANG_PASSES=1 for one pass" >&2; exit 2; }
work="$(mktemp -d)"
if [[ -n "${XLANG_KEEP:-}" ]]; then echo "bench-xlang: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi

# measured CMD...: runs CMD, and appends to $work/cpu.txt the CPU that the whole machine and that CMD (with
# every descendant it waited for) used meanwhile, so the caller can tell how busy everything else was.
cat > "$work/measured.py" <<'PY'
import os, resource, subprocess, sys
def busy():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")   # all but idle and iowait, s
r0, b0 = resource.getrusage(resource.RUSAGE_CHILDREN), busy()
code = subprocess.call(sys.argv[2:])
r1, b1 = resource.getrusage(resource.RUSAGE_CHILDREN), busy()
ours = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
with open(sys.argv[1], "a") as f:
    f.write(f"{b1 - b0} {ours}\n")
sys.exit(code)
PY
measured() { python3 "$work/measured.py" "$work/cpu.txt" "$@"; }

echo "bench-xlang: $RUNS runs per implementation and tool in $PASSES pass(es) of $PER; languages $LANGS;" \
    "$(hyperfine --version); $(nproc) CPUs"
for w in $WORKLOADS; do
    size="${SIZE[$w]:-}"
    [[ -n "$size" ]] || { echo "bench-xlang.sh: no size for workload $w" >&2; exit 2; }
    dir="$REPO/datasets/xlang/$w"
    : > "$work/cpu.txt"
    bb() { # order pass
        measured benchbook languages "$dir" --lang "$LANGS" --size "$size" --runs "$PER" --warmup 1 --order "$1" \
            --seed "$2" --csv "$work/$w.$1.$2.csv" > "$work/$w.$1.$2.log" \
            || { cat "$work/$w.$1.$2.log"; echo "bench-xlang.sh: $w failed" >&2; exit 1; }
    }
    hf() { # pass
        [[ -s "$work/$w.cmds" ]] || python3 - "$work/$w.cmds" "$work"/"$w".*.csv <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[2])) if r["status"] == "ok"]
with open(sys.argv[1], "w") as f:
    for r in rows:
        f.write(r["implementation"] + "\t" + r["command"] + "\n")
PY
        local names=() cmds=() n c
        while IFS=$'\t' read -r n c; do names+=("$n"); cmds+=("$c"); done < "$work/$w.cmds"
        local h=(hyperfine -N --style none --warmup 1 --runs "$PER" --export-json "$work/$w.hf.$1.json")
        for i in "${!names[@]}"; do h+=(-n "${names[$i]}" "${cmds[$i]}"); done
        (cd "$dir" && measured "${h[@]}" > "$work/$w.hf.$1.log" 2>&1) \
            || { cat "$work/$w.hf.$1.log"; echo "bench-xlang.sh: hyperfine failed on $w" >&2; exit 1; }
    }
    for ((p = 1; p <= PASSES; p++)); do
        if ((p % 2)); then bb sequential "$p"; hf "$p"; bb interleaved "$p"
        else bb interleaved "$p"; hf "$p"; bb sequential "$p"; fi
    done
    python3 - "$w" "$size" "$work" "$PASSES" "$(nproc)" <<'PY'
import csv, glob, json, statistics as st, sys
w, size, work, passes, ncpu = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def bench(order):
    wall, cpu = {}, {}
    for p in range(1, passes + 1):
        for r in csv.DictReader(open(f"{work}/{w}.{order}.{p}.csv")):
            if r["status"] == "ok":
                wall.setdefault(r["implementation"], []).append(float(r["mean_ns"]) / 1e6)
                cpu.setdefault(r["implementation"], []).append((float(r["user_ns"]) + float(r["sys_ns"])) / 1e6)
    return ({k: st.mean(v) for k, v in wall.items() if len(v) == passes},   # passes have equal runs: pooled mean
            {k: st.mean(v) for k, v in cpu.items() if len(v) == passes})
seq, seq_cpu = bench("sequential")
inter, _ = bench("interleaved")
hf, hf_cpu = {}, {}
for p in range(1, passes + 1):
    for r in json.load(open(f"{work}/{w}.hf.{p}.json"))["results"]:
        hf.setdefault(r["command"], []).extend(t * 1e3 for t in r["times"])
        hf_cpu.setdefault(r["command"], []).append((r["user"] + r["system"]) * 1e3)
hf = {k: st.mean(v) for k, v in hf.items()}
hf_cpu = {k: st.mean(v) for k, v in hf_cpu.items()}
machine = ours = 0.0
for line in open(f"{work}/cpu.txt"):
    a, b = map(float, line.split()); machine += a; ours += b
others = max(0.0, machine - ours)
names = [n for n in seq if n in inter and n in hf]
if "c" not in names:
    print(f"{w}: no ratios: c was not timed by every tool and order"); sys.exit(0)
print(f"{w} (size {size}): others used {others:.1f} CPU-s beside our {ours:.1f} CPU-s "
      f"({100 * others / max(ours + others, 1e-9):.0f}% of what ran)")
for n in names:
    rs, rh, ri = seq[n] / seq["c"], hf[n] / hf["c"], inter[n] / inter["c"]
    cs, ch = seq_cpu[n] / seq_cpu["c"], hf_cpu[n] / hf_cpu["c"]
    print(f"  {n:11} sequential {seq[n]:8.2f} ms ratio {rs:6.3f} | hyperfine {hf[n]:8.2f} ms ratio {rh:6.3f} "
          f"| seq diff {100 * (rs / rh - 1):+6.2f}% | interleaved {inter[n]:8.2f} ms ratio {ri:6.3f} "
          f"diff {100 * (ri / rh - 1):+6.2f}% | cpu ratio seq {cs:6.3f} hf {ch:6.3f}")
PY
done | tee "$work/all.txt"
python3 - "$work/all.txt" <<'PY'
import re, sys
seq, inter = [], []
for l in open(sys.argv[1]):
    if l.lstrip().startswith("c "):
        continue   # the reference's own rows are 1.000 in every tool
    m = re.search(r"seq diff\s+([-+][\d.]+)%.*ratio\s+[\d.]+\s+diff\s+([-+][\d.]+)%", l)
    if m:
        seq.append(abs(float(m.group(1)))); inter.append(abs(float(m.group(2))))
def line(name, d):
    within = sum(1 for x in d if x <= 3.0)
    return (f"{name}: {within} of {len(d)} within ±3% (max |diff| {max(d):.2f}%, median {sorted(d)[len(d) // 2]:.2f}%)")
if seq:
    print("ratio differences against hyperfine (the reference c's own rows left out)")
    print("  " + line("sequential, like for like (target)", seq))
    print("  " + line("interleaved, Benchbook's default  ", inter))
    print("  interleaved differs from sequential by where each run falls in time, not by how it is measured:"
          " its rounds spread every implementation over the whole run, so it departs from a sequential tool"
          " by whatever changed on the machine between the sequential blocks")
PY
