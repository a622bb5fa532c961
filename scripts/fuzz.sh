#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and
# runs each for a bounded time, two at a time on two or more cores. Fails on
# any crash, leak, timeout (10 s per input), out-of-memory (2 GiB) or broken
# property. Seeds come from cases/, tests/data/ and fuzz/seeds/; what a run
# learns stays in build/fuzz/corpus/ for the next run.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]    SECONDS per target, default 60
#                                            (or $HROS_FUZZ_SECONDS)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${HROS_FUZZ_SECONDS:-60}}
shift || true
build=build/fuzz

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(sed -n 's/^HROS_FUZZ_TARGET(\([a-z0-9_]*\)).*/\1/p' fuzz/targets.def)
fi

echo "== fuzzing: ${#targets[@]} targets, ${seconds} s each"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

# The YAML between the first two `---` lines of a case, and what follows.
front_of() { awk 'NR == 1 && /^---/ { inside = 1; next } inside && /^(---|\.\.\.)/ { exit } inside' "$1"; }
body_of() { awk 'done { print } NR > 1 && /^(---|\.\.\.)/ && !done { done = 1 }' "$1"; }

# Seed files for a target, written into directory $2.
seed() {
  local target=$1 dir=$2 file n=0
  mkdir -p "$dir"
  local cases
  mapfile -t cases < <(find cases tests/data -name '*.md' -type f | sort)
  case $target in
  front_matter | case_check)
    for file in "${cases[@]}"; do cp "$file" "$dir/$((n++)).md"; done ;;
  yaml_diff)
    for file in "${cases[@]}"; do front_of "$file" >"$dir/$((n++)).yaml"; done
    for file in $(find tests/data -name '*.yaml' | sort); do cp "$file" "$dir/$((n++)).yaml"; done ;;
  markdown)
    for file in "${cases[@]}"; do body_of "$file" >"$dir/$((n++)).md"; done ;;
  where)
    # Conditions from the README and the tests, each over a real front matter.
    local conditions=('industry=retail' 'company_size>=201-1000' 'published>=2022'
      'published<2023-07' 'status!=draft' 'topics=hiring' 'year>2020' 'slug=x' 'title=a')
    for condition in "${conditions[@]}"; do
      file=${cases[$((n % ${#cases[@]}))]}
      { echo "$condition"; front_of "$file"; } >"$dir/$((n++)).txt"
    done ;;
  schema)
    cp schema/default.yaml "$dir/default.yaml"
    for file in $(find tests/data -name '*.yaml' -path '*schema*' | sort); do
      cp "$file" "$dir/$((n++)).yaml"
    done ;;
  esac
}

# The dictionaries a target uses: fuzz/<name>.dict unless listed here.
dicts() {
  case $1 in
  front_matter | yaml_diff | schema) echo yaml ;;
  case_check) echo yaml markdown ;;
  where) echo where yaml ;;
  *) echo "$1" ;;
  esac
}

run() {
  local target=$1
  local corpus=$build/corpus/$target seeds=$build/seeds/$target
  local artifacts=$build/artifacts/$target/ log=$build/logs/$target.log
  rm -rf "$seeds"
  seed "$target" "$seeds"
  mkdir -p "$corpus" "$artifacts" "$build/logs" "$build/dict"
  local dict=$build/dict/$target.dict
  : >"$dict"
  for name in $(dicts "$target"); do
    if [ -f "fuzz/$name.dict" ]; then cat "fuzz/$name.dict" >>"$dict"; fi
  done
  local dirs=("$corpus" "$seeds")
  for extra in "fuzz/seeds/$target" "fuzz/regressions/$target"; do
    if [ -d "$extra" ]; then dirs+=("$extra"); fi
  done
  # A fixed seed and a cap on the inputs make a run on a fresh corpus repeat
  # itself on any machine fast enough to reach the cap, so CI fails on a
  # finding, not on luck; HROS_FUZZ_SEED=0 picks a seed at random.
  local options=(-seed="${HROS_FUZZ_SEED:-1}" -runs="${HROS_FUZZ_RUNS:-100000}"
    -max_total_time="$seconds" -timeout=10
    -rss_limit_mb=2048 -max_len=16384
    -artifact_prefix="$artifacts" -print_final_stats=1)
  if [ -s "$dict" ]; then options+=(-dict="$dict"); fi
  if "$build/fuzz/fuzz_$target" "${options[@]}" "${dirs[@]}" >"$log" 2>&1; then
    local stats
    stats=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/  */ /g')
    echo "fuzz_$target: ok: $stats"
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | tr '\n' ' '
    echo
  else
    echo "fuzz_$target: FAILED (log: $log)"
    grep -E -A3 'ERROR|SUMMARY|what\(\)' "$log" | head -20
    local unit
    unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "Reproduce: $build/fuzz/fuzz_$target ${unit:-$artifacts}"
    echo "Once fixed, keep it as a test: copy it into fuzz/regressions/$target/"
    return 1
  fi
}

jobs=$(nproc)
[ "$jobs" -gt 2 ] && jobs=2
failed=0
pids=()
names=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  names+=("$target")
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
if [ "$failed" -ne 0 ]; then
  echo "fuzzing: FAILED"
  exit 1
fi
echo "fuzzing: ok"
