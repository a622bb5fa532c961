#!/usr/bin/env bash
# First command of the README: install dependencies, build hros, and run it
# on the bundled cases.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
echo "hros is built: build/release/hros. Checking the bundled cases:"
./build/release/hros lint
