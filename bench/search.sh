#!/usr/bin/env bash
# Time `hros search` on synthetic banks of 10k and 100k cases: the first search
# (which builds the index), later searches, a search right after one file
# changed, and ripgrep over the same files; check the targets.
#
#   bench/search.sh [--sizes "10000 100000"] [--runs N] [--cold-runs N] [--seed S]
#                   [--corpus DIR]... [--results DIR]
#   HROS=path/to/hros bench/search.sh
#
# Builds nothing: point HROS at a binary (default build/release/hros under the
# repo root). --corpus reuses a bank made by gen_cases.py for the size equal to
# its number of cases; --results keeps the raw measurements there (for
# search_report.py). See bench/README.md for what each figure means. Exits 0
# whether or not the targets are met, 2 when a tool or the binary is missing.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
HROS=${HROS:-$REPO/build/release/hros}
HROS=$(realpath -m "$HROS")
SIZES="10000 100000"
RUNS=15
COLD_RUNS=""
SEED=1
CORPORA=()
KEEP=""
# A cold build of 100k cases takes minutes on 2 cores; from this many cases
# on, two cold runs (unless --cold-runs says otherwise) show the order of magnitude.
FEW_COLD_RUNS_FROM=50000

usage() { sed -n '2,14s/^# \{0,1\}//p' "$0"; }

while (($#)); do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --cold-runs) COLD_RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --corpus) CORPORA+=("$(realpath "$2")"); shift 2 ;;
        --results) KEEP=$(realpath -m "$2"); shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "search.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

die() { echo "search.sh: $*" >&2; exit 2; }
log() { echo "==> $*" >&2; }

# --- tools ----------------------------------------------------------------

ensure_apt_tools() {
    local missing=()
    command -v hyperfine > /dev/null || missing+=(hyperfine)
    command -v rg > /dev/null || missing+=(ripgrep)
    [[ -x /usr/bin/time ]] || missing+=(time)
    ((${#missing[@]})) || return 0
    local sudo=""
    ((EUID == 0)) || sudo="sudo"
    log "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq > /dev/null || die "apt-get update failed"
    $sudo apt-get install -y -qq "${missing[@]}" > /dev/null ||
        die "could not install ${missing[*]}; install them and re-run"
}

ensure_apt_tools
[[ -x $HROS ]] || die "no hros binary at $HROS (cmake --preset release && cmake --build --preset release, or set HROS=...)"

# --- corpora --------------------------------------------------------------

count_cases() { find "$1" -name '*.md' -type f | wc -l; }

# The bank for N cases: a --corpus of that size, else lint.sh's bank when it
# is there and current, else one generated here (Markdown only: search needs
# no JSON twins). A stamp holds the generator's hash, as in lint.sh.
corpus() {
    local n=$1 dir
    for dir in "${CORPORA[@]}"; do
        if [[ $(count_cases "$dir") == "$n" ]]; then
            echo "$dir"
            return
        fi
    done
    local hash
    hash=$(sha256sum "$BENCH/gen_cases.py" | cut -d' ' -f1)
    local lint_dir=$BENCH/.corpus/n$n-s$SEED
    if [[ -f $lint_dir/stamp && $(< "$lint_dir/stamp") == "$hash $n $SEED" ]]; then
        echo "$lint_dir/cases"
        return
    fi
    dir=$BENCH/.corpus/md-n$n-s$SEED
    if [[ -f $dir/stamp && $(< "$dir/stamp") == "$hash $n $SEED" ]]; then
        echo "$dir/cases"
        return
    fi
    log "generating $n cases (seed $SEED) into ${dir#"$REPO"/} (100k: a few minutes, ~900 MB)"
    rm -rf "$dir" "$dir.tmp"
    mkdir -p "$dir.tmp"
    python3 "$BENCH/gen_cases.py" --count "$n" --seed "$SEED" --out "$dir.tmp/cases" >&2
    python3 "$BENCH/check_corpus.py" "$dir.tmp/cases" >&2 ||
        die "generated corpus failed its sanity check"
    echo "$hash $n $SEED" > "$dir.tmp/stamp"
    mv "$dir.tmp" "$dir"
    echo "$dir/cases"
}

for dir in "${CORPORA[@]}"; do
    n=$(count_cases "$dir")
    [[ " $SIZES " == *" $n "* ]] || die "--corpus $dir holds $n cases, which is not one of --sizes \"$SIZES\""
done

# --- measuring ------------------------------------------------------------

if [[ -n $KEEP ]]; then
    mkdir -p "$KEEP"
    [[ -z $(ls -A "$KEEP") ]] || die "--results $KEEP is not empty"
    RESULTS=$KEEP
else
    RESULTS=$(mktemp -d)
fi
EDITED=""   # the case file the after-edit runs change, restored on exit
restore_edited() {
    if [[ -n $EDITED && -f $RESULTS/edited.orig ]]; then
        cat "$RESULTS/edited.orig" > "$EDITED"
    fi
}
cleanup() {
    restore_edited
    if [[ -n $KEEP ]]; then
        rm -rf "$RESULTS"/cache-* "$RESULTS/edited.orig"
    else
        rm -rf "$RESULTS"
    fi
}
trap cleanup EXIT

q() { printf %q "$1"; }

# measure ID RUNS WARMUP PREPARE COMMAND: hyperfine for wall time (PREPARE,
# if any, runs untimed before each run; exit 1, no match, is accepted unless
# STRICT=1), then one more run under
# /usr/bin/time, after PREPARE too, for peak RSS (hyperfine cannot report
# memory, and timing under `time` would skew the wall figures).
measure() {
    local id=$1 runs=$2 warmup=$3 prepare=$4 cmd=$5
    local opts=(--runs "$runs" --warmup "$warmup" --export-json "$SIZE_DIR/$id.json"
        --command-name "$id" --style basic)
    [[ -n $prepare ]] && opts+=(--prepare "$prepare")
    ((${STRICT:-0})) || opts+=(-i)
    hyperfine "${opts[@]}" "$cmd" >&2 || die "'$id' failed; run it by hand: $cmd"
    [[ -n $prepare ]] && sh -c "$prepare"
    /usr/bin/time -f %M -o "$SIZE_DIR/$id.rss" sh -c "$cmd" > /dev/null 2>&1 || true
    printf '%s\t%s\t%s\n' "$id" "$prepare" "$cmd" >> "$SIZE_DIR/commands.tsv"
}

# The queries: label, hros arguments, the ripgrep pipeline that finds the same
# files (every word anywhere in the file; a phrase as the words in a row with
# anything but letters and digits between, as the index's tokenizer sees it;
# the filter as its front matter line). -r: xargs runs nothing on no input.
QUERY_LABELS=(
    "common word: hiring"
    "rare word: preboarding"
    "two words: attrition onboarding"
    "phrase: \"exit interview\""
    "filter: hiring --where industry=retail"
    "common word, every match: hiring -n 0 -f paths"
)
QUERY_ARGS=(
    "hiring"
    "preboarding"
    "attrition onboarding"
    "'\"exit interview\"'"
    "hiring --where industry=retail"
    "hiring --limit 0 --format paths"
)
rg_pipeline() { # INDEX DIR
    local d=$2
    case $1 in
        0 | 5) echo "rg -il hiring $d" ;;
        1) echo "rg -il preboarding $d" ;;
        2) echo "rg -il --null attrition $d | xargs -0 -r rg -il onboarding" ;;
        3) echo "rg -il 'exit[^[:alnum:]]+interview' $d" ;;
        4) echo "rg -l --null -x 'industry: retail' $d | xargs -0 -r rg -il hiring" ;;
    esac
}

load_average() { uptime | sed 's/.*load average: //'; }

load_start=$(load_average)
for n in $SIZES; do
    dir=$(corpus "$n")
    SIZE_DIR=$RESULTS/$n
    mkdir -p "$SIZE_DIR"
    echo "$dir" > "$SIZE_DIR/corpus"
    load_average > "$SIZE_DIR/load_start"
    d=$(q "$dir")
    cache=$RESULTS/cache-$n
    # cwd is the bank, so that no hros.yaml of the repository is picked up.
    hros="cd $d && HROS_CACHE_DIR=$(q "$cache") $(q "$HROS") --root $d search"
    cold_runs=${COLD_RUNS:-5}
    if [[ -z $COLD_RUNS ]] && ((n >= FEW_COLD_RUNS_FROM)); then cold_runs=2; fi

    # Every run reads files from the page cache, the first cold one included.
    log "$n cases in $dir: reading them once into the page cache"
    find "$dir" -name '*.md' -type f -print0 | xargs -0 cat > /dev/null

    log "$n cases: cold, building the index ($cold_runs runs)"
    measure cold "$cold_runs" 0 "rm -rf $(q "$cache")" "$hros hiring"

    # Matches per query, untimed: hros stems words ("hiring" finds "hire"),
    # so it may find more files than rg does.
    : > "$SIZE_DIR/queries.tsv"
    for i in "${!QUERY_ARGS[@]}"; do
        rgcmd=$(rg_pipeline "$i" "$d")
        hros_matches=$({ sh -c "$hros ${QUERY_ARGS[$i]/--limit 0 --format paths/} --limit 0 --format paths" || true; } | wc -l)
        rg_matches=$({ sh -c "$rgcmd" || true; } | wc -l)
        printf '%s\t%s\t%s\t%s\n' "$i" "${QUERY_LABELS[$i]}" "$hros_matches" "$rg_matches" >> "$SIZE_DIR/queries.tsv"
    done

    for i in "${!QUERY_ARGS[@]}"; do
        log "$n cases: warm, ${QUERY_LABELS[$i]}"
        measure "warm-$i" "$RUNS" 2 "" "$hros ${QUERY_ARGS[$i]}"
        measure "rg-$i" "$RUNS" 2 "" "$(rg_pipeline "$i" "$d")"
    done

    # One case gets a line with a word no case has, a new one before every
    # run, over its original text: each timed run sees exactly that file
    # changed (size and mtime differ from what the index holds), and the
    # search is for that word, so a run that missed the edit exits 1 and
    # hyperfine stops.
    EDITED=$(find "$dir" -name '*.md' -type f | LC_ALL=C sort | sed -n 1p)
    cp "$EDITED" "$RESULTS/edited.orig"
    word_file=$RESULTS/edit-word
    prepare="cat $(q "$RESULTS/edited.orig") > $(q "$EDITED") && w=benchedit\$(date +%s%N) && echo \$w > $(q "$word_file") && printf '\nAdded by the benchmark: %s.\n' \$w >> $(q "$EDITED")"
    log "$n cases: after editing one file"
    STRICT=1 measure edit "$RUNS" 0 "$prepare" "$hros \"\$(cat $(q "$word_file"))\""
    # The same search with nothing changed: what the edit costs is the difference.
    STRICT=1 measure edit-base "$RUNS" 2 "" "$hros \"\$(cat $(q "$word_file"))\""
    restore_edited
    EDITED=""
    du -k "$cache" | tail -n 1 | cut -f1 > "$SIZE_DIR/cache_kb"
    rm -rf "$cache"
    load_average > "$SIZE_DIR/load_end"
done

echo
echo "hros: $HROS"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(rg --version | sed -n 1p); hyperfine $(hyperfine --version | cut -d' ' -f2)"
echo "load average (1, 5, 15 min): $load_start at start, $(load_average) at end"
for n in $SIZES; do
    python3 "$BENCH/search_report.py" "$RESULTS" "$n"
done
