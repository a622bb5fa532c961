#!/usr/bin/env bash
# Time `hros export` (the static site and SQLite) against Hugo building the
# same cases as content, on a generated bank, and measure the site's search
# in headless chromium.
#
#   bench/export.sh [--size N] [--runs N] [--hugo-runs N] [--hugo-related] [--seed S]
#                   [--no-browser]
#   HROS=path/to/hros bench/export.sh
#
# Builds nothing: point HROS at a binary (default build/dev/hros under the repo
# root). See bench/README.md for what each figure means. Exits 0 whether or not
# the targets are met (the figures are informational), 2 when a needed tool or
# the binary is missing or a command fails.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
HROS=${HROS:-$REPO/build/dev/hros}
HROS=$(realpath -m "$HROS")
SIZE=10000
RUNS=5
HUGO_RUNS=2
SEED=1
BROWSER=1
HUGO_RELATED=0

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }

while (($#)); do
    case $1 in
        --size) SIZE=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --hugo-runs) HUGO_RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --no-browser) BROWSER=0; shift ;;
        --hugo-related) HUGO_RELATED=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "export.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

die() { echo "export.sh: $*" >&2; exit 2; }
log() { echo "==> $*" >&2; }

# Debian packages, installed only when a command is missing.
ensure_apt_tools() {
    local missing=()
    command -v hyperfine > /dev/null || missing+=(hyperfine)
    command -v hugo > /dev/null || missing+=(hugo)
    command -v sqlite3 > /dev/null || missing+=(sqlite3)
    [[ -x /usr/bin/time ]] || missing+=(time)
    ((BROWSER == 0)) || command -v chromium > /dev/null || missing+=(chromium)
    ((${#missing[@]})) || return 0
    local sudo=""
    ((EUID == 0)) || sudo="sudo"
    log "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq > /dev/null || die "apt-get update failed"
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null ||
        die "could not install ${missing[*]}; install them and re-run"
}

ensure_apt_tools
[[ -x $HROS ]] || die "no hros binary at $HROS (build it or set HROS=...)"

# The same cached corpora as bench/lint.sh (see there).
corpus() {
    local n=$1 dir=$BENCH/.corpus/n$1-s$SEED
    local stamp
    stamp="$(sha256sum "$BENCH/gen_cases.py" | cut -d' ' -f1) $n $SEED"
    if [[ -f $dir/stamp && $(< "$dir/stamp") == "$stamp" ]]; then
        echo "$dir"
        return
    fi
    log "generating $n cases (seed $SEED) into ${dir#"$REPO"/}"
    rm -rf "$dir" "$dir.tmp"
    mkdir -p "$dir.tmp"
    python3 "$BENCH/gen_cases.py" --count "$n" --seed "$SEED" \
        --out "$dir.tmp/cases" --json-out "$dir.tmp/json" >&2
    echo "$stamp" > "$dir.tmp/stamp"
    mv "$dir.tmp" "$dir"
    echo "$dir"
}

RESULTS=$(mktemp -d)
OUT=$(mktemp -d "${TMPDIR:-/tmp}/hros-export-bench.XXXXXX")
trap 'rm -rf "$RESULTS" "$OUT"' EXIT
SIZE_DIR=$RESULTS/$SIZE
mkdir -p "$SIZE_DIR"

# measure NAME RUNS WARMUP COMMAND: hyperfine for wall time, then one run
# under /usr/bin/time for peak RSS. $PREPARE, if set, runs before each run
# (untimed) and applies to the next measure only.
measure() {
    local name=$1 runs=$2 warmup=$3 cmd=$4 file=${1// /_} prepare=(--prepare "${PREPARE:-true}")
    hyperfine --runs "$runs" --warmup "$warmup" "${prepare[@]}" --export-json "$SIZE_DIR/$file.json" \
        --command-name "$name" --style basic "$cmd" >&2 || die "'$name' failed; run it by hand: $cmd"
    sh -c "${PREPARE:-true}"
    /usr/bin/time -f %M -o "$SIZE_DIR/$file.rss" sh -c "$cmd" > /dev/null 2>&1 || true
    PREPARE=""
    echo "$name" >> "$SIZE_DIR/commands"
}

base=$(corpus "$SIZE")
cases=$base/cases
q() { printf %q "$1"; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing $SIZE cases; output under $OUT"

# Outputs go to the same file system as the corpus's temporary directory;
# every run replaces the previous one, as a publishing job would.
measure "hros export html" "$RUNS" 1 \
    "cd $(q "$base") && $(q "$HROS") -q --root cases export --format html -o $(q "$OUT/site")"
# The same into a new directory each run: no earlier export to link
# unchanged pages from. The previous one is moved aside, not deleted, until
# the end: ext4 without a journal scans past recently freed inodes when it
# allocates, so deleting 10k files just before a run would time that instead.
mkdir -p "$OUT/trash"
PREPARE="mv $(q "$OUT/fresh") $(q "$OUT/trash")/\$\$ 2> /dev/null || true"
measure "hros export html, fresh" "$RUNS" 1 \
    "cd $(q "$base") && $(q "$HROS") -q --root cases export --format html -o $(q "$OUT/fresh")"
measure "hros export sqlite" "$RUNS" 1 \
    "cd $(q "$base") && $(q "$HROS") -q --root cases export --format sqlite -o $(q "$OUT/bank.sqlite")"
measure "hros export json" "$RUNS" 1 \
    "cd $(q "$base") && $(q "$HROS") -q --root cases export --format json -o $(q "$OUT/bank.json")"
# Hugo takes tens of seconds on 10k cases: no warm-up run. Its related-pages
# query is left out by default (see bench/README.md); --hugo-related adds it.
measure "hugo" "$HUGO_RUNS" 0 \
    "hugo --source $(q "$BENCH/hugo") --contentDir $(q "$cases") --destination $(q "$OUT/hugo") --cleanDestinationDir --quiet"
if ((HUGO_RELATED)); then
    measure "hugo, with related" "$HUGO_RUNS" 0 \
        "HUGO_BENCH_RELATED=1 hugo --source $(q "$BENCH/hugo") --contentDir $(q "$cases") --destination $(q "$OUT/hugo") --cleanDestinationDir --quiet"
fi

echo
echo "hros: $HROS"
echo "hugo: $(hugo version | cut -d' ' -f1-2)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load average: $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end"
echo "site: $(du -sh "$OUT/site" | cut -f1), $(find "$OUT/site" -type f | wc -l) files; search index $(du -h "$OUT/site/assets/search-index.js" | cut -f1); database $(du -h "$OUT/bank.sqlite" | cut -f1)"
python3 "$BENCH/export_report.py" "$RESULTS" "$SIZE"

if ((BROWSER)); then
    echo
    echo "Search in headless chromium ($SIZE cases, file://, 20 runs per query):"
    python3 "$REPO/tests/cli/browser_check.py" "$(command -v chromium)" "$OUT/site" measure \
        "onboarding" "buddy onboarding" "retention survey managers" "ret" "pay bands" \
        "hybrid work policy" "zzzz" | sed 's/^/  /' > "$RESULTS/browser.txt" || die "the browser measurement failed"
    cat "$RESULTS/browser.txt"
    python3 - "$RESULTS/browser.txt" << 'PY'
import re, sys
worst = max(float(m) for m in re.findall(r"max ([0-9.]+) ms", open(sys.argv[1]).read()))
print(f"  {'PASS' if worst < 100 else 'FAIL'}  every query under 100 ms in the browser: slowest {worst:.1f} ms")
PY
fi
