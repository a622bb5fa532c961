#!/usr/bin/env bash
# Builds hros as packagers do (release preset), then checks what
# `cmake --install` and `cpack -G DEB` produce: the files and where they go,
# the .deb's dependencies, and that the installed binary, man page and
# completion scripts work from a scratch root.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "test-package: $*" >&2; exit 1; }

expected=(
  usr/bin/hros
  usr/share/man/man1/hros.1.gz
  usr/share/bash-completion/completions/hros
  usr/share/zsh/vendor-completions/_hros
  usr/share/fish/vendor_completions.d/hros.fish
)

echo "== cmake --install"
DESTDIR="$scratch/install" cmake --install build/release --prefix /usr >/dev/null
for file in "${expected[@]}"; do
  [ -f "$scratch/install/$file" ] || fail "cmake --install did not write /$file"
done

echo "== cpack -G DEB"
(cd build/release && cpack -G DEB >/dev/null)
deb=$(ls build/release/hros_*.deb | head -n 1)
[ -f "$deb" ] || fail "no .deb in build/release"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libyaml-cpp0.7 libcmark0.30.2 libfmt9 libc6 libstdc++6; do
  [[ $depends == *"$library"* ]] || fail "the .deb does not depend on $library"
done
contents=$(dpkg-deb -c "$deb")
for file in "${expected[@]}"; do
  grep -q " \./$file\$" <<<"$contents" || fail "the .deb lacks /$file"
done

echo "== the unpacked .deb"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
hros="$root/usr/bin/hros"
"$hros" --version | grep -q "^hros $(sed -n 's/^project(hros VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" ||
  fail "the packaged hros --version is wrong"
"$hros" lint --strict -q || fail "the packaged hros does not pass on cases/"
warnings=$(MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/hros.1.gz" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man reports: $warnings"
MANWIDTH=80 man -l "$root/usr/share/man/man1/hros.1.gz" | grep -q "EXIT STATUS" || fail "the man page has no EXIT STATUS"
cmp -s "$root/usr/share/bash-completion/completions/hros" completions/hros.bash ||
  fail "the packaged bash completion differs from completions/hros.bash"
bash -c "source '$root/usr/share/bash-completion/completions/hros' && complete -p hros" >/dev/null ||
  fail "the packaged bash completion does not register"
"$hros" init "$scratch/bank" -q && (cd "$scratch/bank" && "$hros" lint --strict -q) ||
  fail "hros init from the package does not give a bank that passes hros lint"
echo "package: ok ($(basename "$deb"), $(du -k "$deb" | cut -f1) KiB)"
