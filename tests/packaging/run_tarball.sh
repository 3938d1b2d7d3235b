#!/usr/bin/env bash
# The relocatable .tar.gz: unpacked into a folder whose path has a space in it, its programs find their
# demo model and SentencePiece module next to themselves: i2v --version, i2v generate on
# <root>/share/i2v-studio/models/demo, and i2v-studio started offscreen until that demo model is ready.
# Usage: run_tarball.sh SOURCE_DIR PACKAGES_DIR VERSION
set -euo pipefail
src=$1 packages=$2 version=$3
shopt -s nullglob
tars=("$packages"/i2v-studio-"$version"-linux-*.tar.gz)
((${#tars[@]} == 1)) || { echo "FAIL: expected one i2v-studio-${version}-linux-*.tar.gz in $packages" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

dest="$tmp/some where"
mkdir -p "$dest"
tar -xzf "${tars[0]}" -C "$dest"
root=$(find "$dest" -mindepth 1 -maxdepth 1 -type d)
[[ $(wc -l <<<"$root") == 1 ]] || fail "the tarball should hold one top folder"
echo "unpacked to $root"
[[ -x "$root/bin/i2v" && -x "$root/bin/i2v-studio" ]] || fail "bin/i2v or bin/i2v-studio missing"
[[ -f "$root/lib/i2v-studio/libi2v_sentencepiece.so" ]] || fail "lib/i2v-studio/libi2v_sentencepiece.so missing"

out=$("$root/bin/i2v" --version)
[[ "$out" == "i2v $version" ]] || fail "i2v --version says '$out'"
echo "$out"

"$root/bin/i2v" generate --model "$root/share/i2v-studio/models/demo" --image "$src/tests/data/golden/tiny-a.input.png" \
  --prompt "A lighthouse in a storm" --width 64 --height 64 --frames 4 --steps 3 --seed 3 --output "$tmp/out.gif" -q ||
  fail "i2v generate from the tarball failed"
[[ -s "$tmp/out.gif" ]] || fail "no output"

home="$tmp/home"
mkdir -p "$home"
out=$(HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
      XDG_RUNTIME_DIR="$tmp" QT_QPA_PLATFORM=offscreen timeout 180 "$root/bin/i2v-studio" --quit-when-ready) ||
  fail "i2v-studio from the tarball did not get ready"
echo "$out"
[[ "$out" == "ready: model $root/share/i2v-studio/models/demo" ]] || fail "i2v-studio did not find the demo model next to it"
echo "tarball OK"
