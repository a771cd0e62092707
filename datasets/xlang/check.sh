#!/usr/bin/env bash
# check.sh: build every implementation of the cross-language workloads in this
# folder, run each one and compare its standard output byte for byte (cmp) with
# the known answer in the workload's expected/ folder.
#
# Usage:
#   datasets/xlang/check.sh [--size small|timed|N] [--lang LIST] [WORKLOAD...]
#
#   WORKLOAD      folder names under datasets/xlang (e.g. nbody fannkuch-redux); with none,
#                 every folder that has both a workload.env and an expected/ folder
#   --size S      argument to run at: small (default), timed, or a number N; the output
#                 is compared with expected/<argument>.txt, which must exist
#   --lang LIST   comma-separated subset of c,cpp,rust,java,python,js (default: all six)
#
# Prints one line per implementation:
#   <workload> <language> PASS|FAIL <ms> ms [reason]
# where ms is the wall time of the run alone (process start to exit, builds not
# included), then a closing "N passed, N failed" line. On a mismatch it shows the
# first differing line. Exits 1 if anything failed (a build, a run, a missing
# toolchain, a missing expected file or a mismatch), 2 on a usage error.
#
# Manifest: each workload folder has a workload.env of KEY=value lines (blank lines
# and lines starting with # are ignored; the file is parsed, never sourced, so it
# can hold no shell code; unknown keys are ignored). All eight keys are required:
#   SMALL=1000          argument for the quick check; expected/1000.txt holds its output
#   TIMED=5000000       argument for timing; expected/5000000.txt holds its output
#   C=nbody.c           C source            built with gcc -O2
#   CPP=nbody.cpp       C++ source          built with g++ -O2
#   RUST=nbody.rs       Rust source         built with rustc -C opt-level=3 (std only)
#   JAVA=NBody.java     Java source         built with javac; public class = file name,
#                                           no package; run as java -cp DIR NBody
#   PYTHON=nbody.py     Python source       run with /usr/bin/python3 (stdlib only)
#   JS=nbody.js         JavaScript source   run with node (built-ins only)
# File names are relative to the workload folder. Every program takes the size as
# its only argument and writes only its result to standard output.
#
# Toolchains, flags and where the builds go:
#   gcc/g++ get -O2 -ffp-contract=off and -lm. -ffp-contract=off keeps GCC from fusing
#   a*b+c into one FMA instruction on targets that have one (aarch64, or -march=native
#   on x86-64): Java, JavaScript, Python and Rust never fuse, and a fused multiply-add
#   rounds once instead of twice, which changes floating-point results. On plain
#   x86-64 it changes nothing.
#   Builds go to a fresh temporary folder, removed at exit (XLANG_KEEP=1 keeps it and
#   prints its path). Builds and runs are sequential, one at a time.
#   Each run is stopped after XLANG_TIMEOUT seconds (default 900) and then fails.
#   The tools can be overridden: XLANG_CC (gcc), XLANG_CXX (g++), XLANG_RUSTC (rustc),
#   XLANG_JAVAC (javac), XLANG_JAVA (java), XLANG_PYTHON (/usr/bin/python3), XLANG_NODE (node).
set -euo pipefail

XLANG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CC_BIN="${XLANG_CC:-gcc}"
CXX_BIN="${XLANG_CXX:-g++}"
RUSTC_BIN="${XLANG_RUSTC:-rustc}"
JAVAC_BIN="${XLANG_JAVAC:-javac}"
JAVA_BIN="${XLANG_JAVA:-java}"
PYTHON_BIN="${XLANG_PYTHON:-/usr/bin/python3}"
NODE_BIN="${XLANG_NODE:-node}"
RUN_TIMEOUT="${XLANG_TIMEOUT:-900}"
C_FLAGS=(-O2 -ffp-contract=off)
ALL_LANGS=(c cpp rust java python js)

usage() {
    sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

size="small"
langs=("${ALL_LANGS[@]}")
workloads=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --size) [[ $# -ge 2 ]] || { echo "check.sh: --size needs a value" >&2; exit 2; }
                size="$2"; shift 2 ;;
        --size=*) size="${1#--size=}"; shift ;;
        --lang) [[ $# -ge 2 ]] || { echo "check.sh: --lang needs a value" >&2; exit 2; }
                IFS=',' read -r -a langs <<<"$2"; shift 2 ;;
        --lang=*) IFS=',' read -r -a langs <<<"${1#--lang=}"; shift ;;
        --) shift; workloads+=("$@"); break ;;
        -*) echo "check.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) workloads+=("${1%/}"); shift ;;
    esac
done
if [[ "$size" != small && "$size" != timed && ! "$size" =~ ^[0-9]+$ ]]; then
    echo "check.sh: --size must be small, timed or a number, not '$size'" >&2
    exit 2
fi
for lang in "${langs[@]}"; do
    case "$lang" in
        c|cpp|rust|java|python|js) ;;
        *) echo "check.sh: unknown language '$lang' (use c,cpp,rust,java,python,js)" >&2; exit 2 ;;
    esac
done

if [[ ${#workloads[@]} -eq 0 ]]; then
    for dir in "$XLANG_DIR"/*/; do
        dir="${dir%/}"
        if [[ -f "$dir/workload.env" && -d "$dir/expected" ]]; then
            workloads+=("$(basename "$dir")")
        fi
    done
    if [[ ${#workloads[@]} -eq 0 ]]; then
        echo "check.sh: no workload folder with workload.env and expected/ under $XLANG_DIR" >&2
        exit 1
    fi
fi

BUILD_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/xlang-check.XXXXXX")"
cleanup() {
    if [[ "${XLANG_KEEP:-0}" == 1 ]]; then
        echo "builds kept in $BUILD_ROOT" >&2
    else
        rm -rf "$BUILD_ROOT"
    fi
}
trap cleanup EXIT

now_us() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "$((10#$t))"
    else
        echo "$(( $(date +%s%N) / 1000 ))"
    fi
}

passed=0
failed=0

report() { # workload lang status ms [reason]
    local line
    line="$(printf '%-16s %-7s %-4s %7s ms' "$1" "$2" "$3" "$4")"
    if [[ -n "${5:-}" ]]; then line+="  $5"; fi
    echo "$line"
    if [[ "$3" == PASS ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

indent() { # show at most $1 lines of stdin, indented
    head -n "$1" | sed 's/^/    /'
}

# Print the first line where two files differ (lines cut to 200 characters).
first_difference() { # expected got
    awk -v E="$1" -v G="$2" 'BEGIN {
        for (i = 1; ; i++) {
            re = (getline le < E); rg = (getline lg < G)
            if (re <= 0 && rg <= 0) {
                print "    every line matches; the files differ in line endings or the final newline"
                exit
            }
            if (re <= 0 || rg <= 0 || le != lg) {
                printf "    first difference at line %d\n", i
                printf "    expected: %s\n", (re > 0 ? substr(le, 1, 200) : "<end of file>")
                printf "    got:      %s\n", (rg > 0 ? substr(lg, 1, 200) : "<end of file>")
                exit
            }
        }
    }'
}

have() { command -v "$1" >/dev/null 2>&1; }

# Build one implementation; sets RUN_CMD (array) or prints a FAIL line and returns 1.
build() { # workload dir lang src outdir
    local w="$1" dir="$2" lang="$3" src="$2/$4" out="$5" tool log="$5/build.log"
    case "$lang" in
        c) tool="$CC_BIN" ;; cpp) tool="$CXX_BIN" ;; rust) tool="$RUSTC_BIN" ;;
        java) tool="$JAVAC_BIN" ;; python) tool="$PYTHON_BIN" ;; js) tool="$NODE_BIN" ;;
    esac
    if ! have "$tool"; then report "$w" "$lang" FAIL - "missing toolchain: $tool"; return 1; fi
    if [[ "$lang" == java ]] && ! have "$JAVA_BIN"; then
        report "$w" "$lang" FAIL - "missing toolchain: $JAVA_BIN"; return 1
    fi
    if [[ ! -f "$src" ]]; then report "$w" "$lang" FAIL - "missing source: $4"; return 1; fi
    mkdir -p "$out"
    local ok=0
    case "$lang" in
        c) "$CC_BIN" "${C_FLAGS[@]}" -o "$out/prog" "$src" -lm >"$log" 2>&1 || ok=1
           RUN_CMD=("$out/prog") ;;
        cpp) "$CXX_BIN" "${C_FLAGS[@]}" -o "$out/prog" "$src" -lm >"$log" 2>&1 || ok=1
           RUN_CMD=("$out/prog") ;;
        rust) "$RUSTC_BIN" -C opt-level=3 -o "$out/prog" "$src" >"$log" 2>&1 || ok=1
           RUN_CMD=("$out/prog") ;;
        java) "$JAVAC_BIN" -d "$out" "$src" >"$log" 2>&1 || ok=1
           RUN_CMD=("$JAVA_BIN" -cp "$out" "$(basename "$src" .java)") ;;
        python) RUN_CMD=("$PYTHON_BIN" "$src") ;;
        js) RUN_CMD=("$NODE_BIN" "$src") ;;
    esac
    if [[ $ok -ne 0 ]]; then
        report "$w" "$lang" FAIL - "build failed"
        indent 20 <"$log"
        return 1
    fi
    return 0
}

# Read a workload.env into the associative array MANIFEST.
declare -A MANIFEST
read_manifest() { # file
    MANIFEST=()
    local line key value
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%$'\r'}"
        [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
        if [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]]; then
            key="${BASH_REMATCH[1]}"
            value="${BASH_REMATCH[2]}"
            value="${value%"${value##*[![:space:]]}"}"
            if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
            MANIFEST["$key"]="$value"
        fi
    done <"$1"
}

declare -A LANG_KEY=([c]=C [cpp]=CPP [rust]=RUST [java]=JAVA [python]=PYTHON [js]=JS)

for w in "${workloads[@]}"; do
    dir="$XLANG_DIR/$w"
    if [[ ! -f "$dir/workload.env" ]]; then
        report "$w" - FAIL - "no workload.env in $dir"
        continue
    fi
    read_manifest "$dir/workload.env"
    case "$size" in
        small) arg="${MANIFEST[SMALL]:-}" ;;
        timed) arg="${MANIFEST[TIMED]:-}" ;;
        *) arg="$size" ;;
    esac
    if [[ -z "$arg" ]]; then
        report "$w" - FAIL - "workload.env has no ${size^^}="
        continue
    fi
    expected="$dir/expected/$arg.txt"
    if [[ ! -f "$expected" ]]; then
        report "$w" - FAIL - "no expected/$arg.txt"
        continue
    fi
    for lang in "${langs[@]}"; do
        key="${LANG_KEY[$lang]}"
        src="${MANIFEST[$key]:-}"
        if [[ -z "$src" ]]; then
            report "$w" "$lang" FAIL - "workload.env has no $key="
            continue
        fi
        out="$BUILD_ROOT/$w/$lang"
        RUN_CMD=()
        build "$w" "$dir" "$lang" "$src" "$out" || continue
        got="$out/stdout.txt"
        err="$out/stderr.txt"
        rc=0
        start="$(now_us)"
        if have timeout; then
            (cd "$out" && timeout "$RUN_TIMEOUT" "${RUN_CMD[@]}" "$arg") >"$got" 2>"$err" </dev/null || rc=$?
        else
            (cd "$out" && "${RUN_CMD[@]}" "$arg") >"$got" 2>"$err" </dev/null || rc=$?
        fi
        end="$(now_us)"
        ms=$(( (end - start + 500) / 1000 ))
        if [[ $rc -ne 0 ]]; then
            if [[ $rc -eq 124 ]]; then reason="timed out after ${RUN_TIMEOUT}s"; else reason="exit status $rc"; fi
            report "$w" "$lang" FAIL "$ms" "$reason (arg $arg)"
            indent 10 <"$err"
        elif cmp -s "$expected" "$got"; then
            report "$w" "$lang" PASS "$ms"
        else
            report "$w" "$lang" FAIL "$ms" "output differs from expected/$arg.txt"
            first_difference "$expected" "$got"
        fi
    done
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
