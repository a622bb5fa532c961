#!/usr/bin/env bash
# Time `hros lint` against reference tools on synthetic banks of 1k and 10k
# cases, and check it against its performance targets.
#
#   bench/lint.sh [--sizes "1000 10000"] [--runs N] [--seed S] [--reference-only]
#   HROS=path/to/hros bench/lint.sh
#
# Builds nothing: point HROS at a binary (default build/dev/hros under the repo
# root). See bench/README.md for what each figure means. Exits 0 whether or not
# the targets are met (the figures are informational), 2 when a needed tool or
# the binary is missing.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
HROS=${HROS:-$REPO/build/dev/hros}
HROS=$(realpath -m "$HROS")
SIZES="1000 10000"
RUNS=5
SEED=1
REFERENCE_ONLY=0
# markdownlint-cli2 needs about a minute per 10k files; above this many cases
# one run (and no warm-up) is enough to see the order of magnitude.
SLOW_TOOL_SINGLE_RUN_FROM=5000

usage() { sed -n '2,11s/^# \{0,1\}//p' "$0"; }

while (($#)); do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --reference-only) REFERENCE_ONLY=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "lint.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

die() { echo "lint.sh: $*" >&2; exit 2; }
log() { echo "==> $*" >&2; }

# --- tools ----------------------------------------------------------------

# Debian package per missing command; installed only when something is absent,
# so a prepared machine is never touched.
ensure_apt_tools() {
    local missing=()
    command -v hyperfine > /dev/null || missing+=(hyperfine)
    command -v rg > /dev/null || missing+=(ripgrep)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v node > /dev/null || missing+=(nodejs)
    command -v npm > /dev/null || missing+=(npm)
    ((${#missing[@]})) || return 0
    local sudo=""
    ((EUID == 0)) || sudo="sudo"
    log "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq > /dev/null || die "apt-get update failed"
    $sudo apt-get install -y -qq "${missing[@]}" > /dev/null ||
        die "could not install ${missing[*]}; install them and re-run"
}

# Pinned versions live in bench/package.json and package-lock.json, so every
# run compares against the same markdownlint and ajv.
ensure_npm_tools() {
    if [[ -x $BENCH/node_modules/.bin/markdownlint-cli2 && -x $BENCH/node_modules/.bin/ajv &&
        -d $BENCH/node_modules/ajv-formats ]]; then
        return 0
    fi
    log "installing markdownlint-cli2 and ajv-cli into bench/node_modules"
    local sub=install
    [[ -f $BENCH/package-lock.json ]] && sub=ci
    (cd "$BENCH" && npm "$sub" --no-audit --no-fund --loglevel=error > /dev/null) ||
        die "npm $sub failed in bench/"
}

ensure_apt_tools
ensure_npm_tools
MDLINT=$BENCH/node_modules/.bin/markdownlint-cli2
AJV=$BENCH/node_modules/.bin/ajv

if ((!REFERENCE_ONLY)); then
    [[ -x $HROS ]] || die "no hros binary at $HROS (build it, set HROS=..., or pass --reference-only)"
fi

# --- corpora --------------------------------------------------------------

# A corpus is reused while the generator is unchanged: the stamp holds the
# generator's hash, so editing gen_cases.py invalidates every cached corpus.
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
    python3 "$BENCH/check_corpus.py" "$dir.tmp/cases" "$dir.tmp/json" >&2 ||
        die "generated corpus failed its sanity check"
    echo "$stamp" > "$dir.tmp/stamp"
    mv "$dir.tmp" "$dir"
    echo "$dir"
}

# ajv validates against hros's own JSON Schema when hros can emit one that
# accepts the (valid by construction) corpus; otherwise against the hand
# translation in bench/frontmatter.schema.json. Sets SCHEMA and AJV_OPTS.
pick_schema() {
    local json_dir=$1 out=$RESULTS/hros.schema.json spec=draft2020
    SCHEMA=$BENCH/frontmatter.schema.json
    AJV_OPTS="--spec=draft2020"
    SCHEMA_FROM="bench/frontmatter.schema.json (hand translation)"
    ((REFERENCE_ONLY)) && return 0
    if "$HROS" schema --format json-schema > "$out" 2> /dev/null &&
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" 2> /dev/null; then
        grep -q 'draft-07' "$out" && spec=draft7
        grep -q 'draft/2019-09' "$out" && spec=draft2019
        # hros may add editor keywords (markdownDescription, ...) that ajv's
        # strict mode rejects; they do not change what is validated.
        if "$AJV" validate --spec=$spec --strict=false -c ajv-formats -s "$out" \
            -d "$json_dir/*.json" > /dev/null 2>&1; then
            SCHEMA=$out
            AJV_OPTS="--spec=$spec --strict=false"
            SCHEMA_FROM="hros schema --format json-schema"
            return 0
        fi
        log "warning: ajv rejects the corpus under hros's JSON Schema; using the hand-written one"
    else
        log "note: 'hros schema --format json-schema' gave no JSON; using the hand-written schema"
    fi
}

# --- measuring ------------------------------------------------------------

RESULTS=$(mktemp -d)
trap 'rm -rf "$RESULTS"' EXIT

# measure NAME IGNORE_FAILURE RUNS WARMUP COMMAND: hyperfine for wall time,
# then one separate run under /usr/bin/time for peak RSS (hyperfine cannot
# report memory, and timing under `time` would skew the wall figures).
measure() {
    local name=$1 ignore=$2 runs=$3 warmup=$4 cmd=$5 file=${1// /_}
    local opts=(--runs "$runs" --warmup "$warmup" --export-json "$SIZE_DIR/$file.json"
        --command-name "$name" --style basic)
    ((ignore)) && opts+=(-i)
    hyperfine "${opts[@]}" "$cmd" >&2 || die "'$name' failed; run it by hand: $cmd"
    /usr/bin/time -f %M -o "$SIZE_DIR/$file.rss" sh -c "$cmd" > /dev/null 2>&1 || true
    echo "$name" >> "$SIZE_DIR/commands"
}

# Runs hros once outside the timing to say what it found: on a valid corpus
# any diagnostic is a finding in itself, and exit 2+ means the timing is void.
hros_sanity() {
    local dir=$1 rc=0 out=$RESULTS/hros-lint.out
    (cd "$dir" && "$HROS" --root "$dir" lint) > "$out" 2>&1 || rc=$?
    if ((rc >= 2)); then
        sed -n '1,10p' "$out" >&2
        die "hros lint exited $rc on ${dir#"$REPO"/}"
    fi
    if ((rc == 1)); then
        log "warning: hros lint exited 1 on a corpus that is valid by construction; $(grep -c . "$out") lines of output, first ones:"
        sed -n '1,5p' "$out" | cut -c1-200 >&2
    fi
}

# Other work on the machine inflates wall times; the load average says how much.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
last_size=""
for n in $SIZES; do
    base=$(corpus "$n")
    dir=$base/cases
    SIZE_DIR=$RESULTS/$n
    mkdir -p "$SIZE_DIR"
    pick_schema "$base/json"
    qdir=$(printf %q "$dir")
    log "timing $n cases; ajv uses $SCHEMA_FROM"

    slow_runs=$RUNS slow_warmup=1
    if ((n >= SLOW_TOOL_SINGLE_RUN_FROM)); then slow_runs=1 slow_warmup=0; fi

    measure "cat" 0 "$RUNS" 1 "find $qdir -name '*.md' -print0 | xargs -0 cat > /dev/null"
    measure "rg -c" 0 "$RUNS" 1 "rg -c . $qdir"
    if ((!REFERENCE_ONLY)); then
        hros_sanity "$dir"
        # cwd is the corpus so that no hros.yaml of the repo is picked up.
        measure "hros lint" 1 "$RUNS" 1 "cd $qdir && $(printf %q "$HROS") --root $qdir lint"
    fi
    # cwd is the corpus so markdownlint finds no stray config on its way.
    measure "markdownlint-cli2" 1 "$slow_runs" "$slow_warmup" \
        "cd $qdir && $(printf %q "$MDLINT") --config $(printf %q "$BENCH/markdownlint.jsonc") '*.md'"
    # --all-errors: hros reports every problem too, so ajv must not stop early.
    measure "ajv validate" 1 "$RUNS" 1 \
        "$(printf %q "$AJV") validate $AJV_OPTS --all-errors -c ajv-formats -s $(printf %q "$SCHEMA") -d '$base/json/*.json'"
    last_size=$n
done

echo
echo "hros: $( ((REFERENCE_ONLY)) && echo "not measured (--reference-only)" || echo "$HROS")"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); node $(node --version)"
echo "load average: $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end"
for n in $SIZES; do
    if [[ $n == "$last_size" ]]; then
        python3 "$BENCH/report.py" "$RESULTS" "$n" --targets
    else
        python3 "$BENCH/report.py" "$RESULTS" "$n"
    fi
done
