#!/usr/bin/env bash
# Second command of the README, and what CI runs: every test, in a
# warnings-as-errors build and in an AddressSanitizer + UBSan build, then
# hros checking its own bundled cases and the code's formatting.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)

echo "== dev build (warnings are errors)"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"
# The hostile-input tests bound time and memory, so they run one at a time.
ctest --preset dev -j "$jobs" -E "hostile"
ctest --preset dev -R "hostile"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
HROS_TEST_SANITIZED=1 ctest --preset asan -j "$jobs" -E "hostile"
HROS_TEST_SANITIZED=1 ctest --preset asan -R "hostile"

# Every fuzz target, each up to 100,000 inputs or 60 s.
# A finding is reported, with the command to reproduce it, but does not fail
# the run: runs are not exactly repeatable, and what they find becomes a
# regression input in fuzz/regressions/, which the unit tests replay above.
bash scripts/fuzz.sh "${HROS_FUZZ_SECONDS:-60}" ||
  echo "fuzzing: a finding above; fix it and keep the input in fuzz/regressions/<target>/"

echo "== hros lint on the bundled cases"
./build/dev/hros lint --strict

echo "== install and .deb package"
bash scripts/test-package.sh

echo "== formatting"
cmake --build --preset dev --target check_format >/dev/null || {
  echo "clang-format would change files: run 'cmake --build --preset dev --target format'"
  exit 1
}
echo "formatting: ok"
