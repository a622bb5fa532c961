#!/usr/bin/env bash
# Rewrites the generated files kept in the repository from the hros binary:
# the shell completion scripts in completions/ and the man page man/hros.1.
# Run it after adding or changing a command or an option:
#   bash scripts/regen-docs.sh [path/to/hros]     (default: build/dev/hros)
# or: cmake --build --preset dev --target regen
set -euo pipefail
cd "$(dirname "$0")/.."
hros=${1:-build/dev/hros}
if [ ! -x "$hros" ]; then
  cmake --preset dev >/dev/null
  cmake --build --preset dev --target hros
fi
mkdir -p completions man
"$hros" completions bash > completions/hros.bash
"$hros" completions zsh > completions/_hros
"$hros" completions fish > completions/hros.fish
"$hros" man > man/hros.1
echo "regenerated completions/hros.bash completions/_hros completions/hros.fish man/hros.1"
