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
echo
echo "Searching the bundled cases for new hires who leave early:"
./build/release/hros search new hires leave --limit 3
echo
echo "Cases about onboarding, in organisations of 1001 employees or more:"
./build/release/hros list --where topics=onboarding --where company_size'>='1001-5000 --columns slug,organization,company_size
