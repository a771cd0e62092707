#!/usr/bin/env bash
# bench-xlang.sh: Benchbook's cross-language ratios beside hyperfine's, on the same built programs, in
# the same run. For every workload of datasets/xlang, `benchbook languages` builds, validates and times
# the implementations (interleaved rounds, per-child wait4 rusage); then hyperfine (shell off, -N) times
# the very commands Benchbook ran, from its summary's `command` column. Both tools' mean-time ratios
# against C are printed side by side with their difference; the target is within ±3%.
#
#   bash scripts/bench-xlang.sh [RUNS]          RUNS timed runs per implementation and tool (default 10)
#   XLANG_LANGS=c,cpp,rust,java,js,python       the languages (default: all six)
#   XLANG_WORKLOADS="nbody fannkuch-redux"      the workloads (default: all six)
#
# Sizes are chosen so that the slowest implementation runs for about a second (the datasets' TIMED sizes
# take minutes in Python). Needs `benchbook` (bash scripts/main.sh installs it) and hyperfine (Debian).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
LANGS="${XLANG_LANGS:-c,cpp,rust,java,js,python}"
WORKLOADS="${XLANG_WORKLOADS:-nbody spectral-norm fannkuch-redux binary-trees mandelbrot sort-hash}"
declare -A SIZE=([nbody]=1000000 [spectral-norm]=1000 [fannkuch-redux]=10 [binary-trees]=16 [mandelbrot]=1500
    [sort-hash]=2000000)
command -v benchbook >/dev/null || { echo "bench-xlang.sh: benchbook is not installed; run bash scripts/main.sh" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench-xlang.sh: hyperfine is not installed; apt-get install hyperfine" >&2; exit 2; }
[[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -ge 2 ]] || { echo "bench-xlang.sh: RUNS '$RUNS' must be a number >= 2" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "bench-xlang: $RUNS runs per implementation and tool; languages $LANGS; $(hyperfine --version)"
for w in $WORKLOADS; do
    size="${SIZE[$w]:-}"
    [[ -n "$size" ]] || { echo "bench-xlang.sh: no size for workload $w" >&2; exit 2; }
    benchbook languages "$REPO/datasets/xlang/$w" --lang "$LANGS" --size "$size" --runs "$RUNS" --warmup 1 \
        --csv "$work/$w.csv" > "$work/$w.log" || { cat "$work/$w.log"; echo "bench-xlang.sh: $w failed" >&2; exit 1; }
    python3 - "$work/$w.csv" "$work/$w.cmds" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["status"] == "ok"]
with open(sys.argv[2], "w") as f:
    for r in rows:
        f.write(r["implementation"] + "\t" + r["command"] + "\n")
PY
    names=(); cmds=()
    while IFS=$'\t' read -r n c; do names+=("$n"); cmds+=("$c"); done < "$work/$w.cmds"
    hf=(hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json "$work/$w.json")
    for i in "${!names[@]}"; do hf+=(-n "${names[$i]}" "${cmds[$i]}"); done
    (cd "$REPO/datasets/xlang/$w" && "${hf[@]}" > "$work/$w.hf.log")
    python3 - "$w" "$size" "$work/$w.csv" "$work/$w.json" <<'PY'
import csv, json, sys
w, size, csvf, jf = sys.argv[1:]
bb = {r["implementation"]: float(r["mean_ns"]) for r in csv.DictReader(open(csvf)) if r["status"] == "ok"}
hf = {r["command"]: r["mean"] * 1e9 for r in json.load(open(jf))["results"]}
for name in bb:
    rb, rh = bb[name] / bb["c"], hf[name] / hf["c"]
    print(f"{w:15} {size:>7} {name:11} benchbook {bb[name]/1e6:9.2f} ms ratio {rb:8.3f}   "
          f"hyperfine {hf[name]/1e6:9.2f} ms ratio {rh:8.3f}   diff {100*(rb/rh-1):+6.2f}%")
PY
done | tee "$work/all.txt"
python3 - "$work/all.txt" <<'PY'
import sys
d = [abs(float(l.split("diff")[1].strip().rstrip("%"))) for l in open(sys.argv[1]) if "diff" in l]
if d:
    within = sum(1 for x in d if x <= 3.0)
    print(f"ratio differences: {within} of {len(d)} within ±3% (max |diff| {max(d):.2f}%, median {sorted(d)[len(d)//2]:.2f}%)")
PY
