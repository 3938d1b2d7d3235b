#!/usr/bin/env bash
# Copies the two header-only dependencies (nlohmann-json, CLI11) from this machine's system headers into
# third_party/include (ignored by git), for building on a machine that has only a compiler, CMake and
# libtorch, e.g. a GPU box with a PyTorch wheel and no apt access. Run it where the packages are installed
# (scripts/install-deps.sh does that), then copy or carry the tree, third_party/ included, to that machine.
# It also writes third_party.tar.xz (about 166 KB against 1.3 MB, ignored by git) for copies whose size counts:
# scripts/gpu-smoke.sh unpacks it when third_party/include is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=third_party/include
for header in /usr/include/nlohmann/json.hpp /usr/include/CLI/CLI.hpp; do
  [[ -f $header ]] || { echo "vendor-header-deps: $header missing: apt-get install nlohmann-json3-dev libcli11-dev" >&2; exit 1; }
done
rm -rf "$dest"
mkdir -p "$dest"
cp -r /usr/include/nlohmann /usr/include/CLI "$dest"/
mkdir -p third_party/licenses
cp /usr/share/doc/nlohmann-json3-dev/copyright third_party/licenses/nlohmann-json.copyright
cp /usr/share/doc/libcli11-dev/copyright third_party/licenses/CLI11.copyright
tar -cJf third_party.tar.xz third_party
echo "vendor-header-deps: nlohmann-json and CLI11 headers in $dest (licences in third_party/licenses), and all of" \
  "third_party/ in third_party.tar.xz"
